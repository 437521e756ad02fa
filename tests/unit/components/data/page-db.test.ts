// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPageDb } from '../../../../components/data/page-db';
import type { Send } from '../../../../components/shared/api';
import type { DataSnapshot } from '../../../../lib/backup/snapshot';
import { openDb } from '../../../../lib/store/db';
import { getRecordPrivateWindows } from '../../../../lib/store/settings';

/**
 * A page that cannot open the database (Firefox gives none to extension pages in a private
 * window) mirrors the background's data. Its poll runs on a timer, which the browser throttles
 * while the page is hidden: coming back into view, it catches up at once.
 */
describe('a mirroring page', () => {
  afterEach(() => {
    vi.useRealTimers();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  const background = () => {
    const state: DataSnapshot = { revision: 1, jobs: [], versions: [], settings: [], profile: [] };
    const send = (async (name: string) => {
      if (name === 'data:status') return { status: { revision: state.revision } };
      if (name === 'data:snapshot') return structuredClone(state);
      throw new Error(`not expected here: ${name}`);
    }) as unknown as Send;
    return { state, send };
  };
  const unopenable = () => {
    const db = openDb(`page-db-${Math.random()}`);
    vi.spyOn(db, 'open').mockImplementation(() => Dexie.Promise.reject(new Error('private window')) as ReturnType<typeof db.open>);
    return () => db;
  };
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
  };

  it('catches up with the background as soon as it is shown again, without waiting for its throttled poll', async () => {
    // The poll never fires in this test: only coming into view can bring the change.
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const { state, send } = background();
    const page = await openPageDb(send, unopenable());
    expect(page.mirrored).toBe(true);
    expect(await getRecordPrivateWindows(page.db)).toBe(false);

    // The user turns the setting on in another tab while this one is hidden.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    state.revision = 2;
    state.settings = [{ key: 'recordPrivateWindows', value: true, updatedAt: '2026-12-02T10:00:00.000Z' }];
    await settle();
    expect(await getRecordPrivateWindows(page.db)).toBe(false);

    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(async () => expect(await getRecordPrivateWindows(page.db)).toBe(true));
  });

  it('still follows the background by its poll while in view', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const { state, send } = background();
    const page = await openPageDb(send, unopenable());
    state.revision = 2;
    state.settings = [{ key: 'recordPrivateWindows', value: true, updatedAt: '2026-12-02T10:00:00.000Z' }];
    await settle();
    expect(await getRecordPrivateWindows(page.db)).toBe(false);
    vi.advanceTimersByTime(1000);
    await vi.waitFor(async () => expect(await getRecordPrivateWindows(page.db)).toBe(true));
  });
});
