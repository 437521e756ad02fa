import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefusedError, sendMessage } from '../../../../lib/messages/client';
import { SEND_TIMEOUT_MS, answerWithin } from '../../../../lib/messages/timeout';

const JOB = '7600000000000000123';

describe('answerWithin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fails a send the background never answers once the time is up, and never sends it twice', async () => {
    const transport = vi.fn(() => new Promise<unknown>(() => {}));
    const sent = sendMessage(answerWithin(transport), 'apply:confirm', { jobId: JOB }, { sleep: async () => {} });
    const failed = expect(sent).rejects.toMatchObject({
      name: 'RefusedError',
      code: 'no-answer',
      message: expect.stringContaining('no answer in 20 s'),
    });
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
    expect(transport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    // The background may still be recording it: a second send could record it twice.
    await vi.advanceTimersByTimeAsync(10 * SEND_TIMEOUT_MS);
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('passes on a slow answer that comes in time, and leaves no timer behind', async () => {
    const transport = vi.fn(
      () => new Promise<unknown>((resolve) => setTimeout(() => resolve({ ok: true, value: { limit: 'state' } }), 1_500)),
    );
    const sent = sendMessage(answerWithin(transport, 2_000), 'apply:confirm', { jobId: JOB });
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(sent).resolves.toEqual({ limit: 'state' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps a lost message retried as before: only silence past the deadline ends the send', async () => {
    let calls = 0;
    const transport = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: { limit: 'state' } };
    });
    const sent = sendMessage(answerWithin(transport), 'apply:confirm', { jobId: JOB }, { sleep: async () => {} });
    await expect(sent).resolves.toEqual({ limit: 'state' });
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it("passes the background's own refusal through unchanged", async () => {
    const refusal = { ok: false, code: 'invalid', message: 'The job id is not a job id.', path: 'jobId' };
    const sent = sendMessage(
      answerWithin(async () => refusal),
      'apply:confirm',
      { jobId: JOB },
    );
    await expect(sent).rejects.toBeInstanceOf(RefusedError);
    await expect(sent).rejects.toMatchObject({ code: 'invalid', path: 'jobId', message: refusal.message });
  });
});
