import { describe, expect, it } from 'vitest';
import { coalesced } from '../../lib/coalesce';

/** A run that waits until released, so a test decides when each run ends. */
function gatedRun(again: () => boolean = () => false) {
  const releases: (() => void)[] = [];
  let runs = 0;
  const run = async () => {
    runs += 1;
    await new Promise<void>((resolve) => releases.push(resolve));
    return again();
  };
  const release = async () => {
    while (releases.length === 0) await Promise.resolve();
    releases.shift()!();
  };
  return { run, release, runs: () => runs };
}

describe('coalesced', () => {
  it('runs once more after a burst of calls made while it ran, not once per call, and all callers wait for it', async () => {
    const gate = gatedRun();
    const call = coalesced(gate.run);
    const first = call();
    const during = [call(), call(), call()];
    expect(gate.runs()).toBe(1);
    await gate.release();
    await gate.release();
    await Promise.all([first, ...during]);
    expect(gate.runs()).toBe(2);
    // Idle again: the next call starts a run of its own.
    const later = call();
    await gate.release();
    await later;
    expect(gate.runs()).toBe(3);
  });

  it('runs again when the run itself asks for it', async () => {
    let asks = 2;
    const gate = gatedRun(() => asks-- > 0);
    const done = coalesced(gate.run)();
    for (let i = 0; i < 3; i += 1) await gate.release();
    await done;
    expect(gate.runs()).toBe(3);
  });

  it('is idle again after a run that failed, and the failure reaches the callers', async () => {
    let fail = true;
    const call = coalesced(async () => {
      if (fail) throw new Error('the database is closed');
    });
    await expect(call()).rejects.toThrow('the database is closed');
    fail = false;
    await expect(call()).resolves.toBeUndefined();
  });
});
