import { afterEach, describe, expect, it } from 'vitest';
import { memoryPrefs } from '../../../../lib/marks/prefs';
import { createMarksTabs } from '../../../../lib/marks/sync';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { recordPostingSeen } from '../../../../lib/store/jobs';
import { createSummaryRefresher } from '../../../../lib/store/match-summary';
import { saveProfile } from '../../../../lib/profile/store';
import { emptyProfile } from '../../../../lib/profile/schema';
import { makePosting } from '../../support/factory';

const NOW = new Date('2026-03-01T10:00:00Z');
let db: JobLensDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

/** Tabs 1–3 are careers tabs; `running` are those whose marks script answers. */
function setUp(running: Set<number>) {
  db = openDb(`marks-sync-${++n}`);
  const prefs = memoryPrefs();
  const told: number[] = [];
  const injected: number[] = [];
  const tabs = createMarksTabs({
    prefs,
    db: async () => db,
    careersTabs: async () => [1, 2, 3],
    tell: async (tabId) => {
      told.push(tabId);
      // Tab 3 runs no content script of ours at all until it gets the marks script.
      if (tabId === 3 && !running.has(3)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return running.has(tabId) ? true : undefined;
    },
    inject: async (tabId) => {
      injected.push(tabId);
      running.add(tabId);
    },
  });
  return { prefs, tabs, told, injected };
}

describe('marks in the careers tabs', () => {
  it('loads the script only when marks are on and something is saved', async () => {
    const { prefs, tabs, injected } = setUp(new Set());
    await tabs.loaded(1);
    expect(injected).toEqual([]);
    await recordPostingSeen(db, makePosting(), NOW);
    await tabs.loaded(1);
    expect(injected).toEqual([1]);
    await prefs.set({ enabled: false, dismissedSites: [] });
    await tabs.loaded(2);
    expect(injected).toEqual([1]);
  });

  it('after a change tells every careers tab, and gives the script to those without it', async () => {
    const { tabs, told, injected } = setUp(new Set([1]));
    await tabs.changed();
    // Nothing saved yet: told, but nothing injected.
    expect([told, injected]).toEqual([[1, 2, 3], []]);
    await recordPostingSeen(db, makePosting(), NOW);
    await tabs.changed();
    expect(injected).toEqual([2, 3]);
    told.length = 0;
    await tabs.changed();
    expect(injected).toEqual([2, 3]);
    expect(told).toEqual([1, 2, 3]);
  });

  it('runs changes arriving during a round as one more round, not one each', async () => {
    const { tabs, told } = setUp(new Set([1, 2]));
    await Promise.all([tabs.changed(), tabs.changed(), tabs.changed(), tabs.changed()]);
    expect(told).toEqual([1, 2, 3, 1, 2, 3]);
  });
});

describe('match summaries and the marks', () => {
  it('say when a refresh rewrote a summary, and not when nothing was stale', async () => {
    db = openDb(`marks-sync-${++n}`);
    await recordPostingSeen(db, makePosting(), NOW);
    let changes = 0;
    const refresher = createSummaryRefresher(db, () => NOW, { onChange: () => changes++, pause: async () => {} });
    await refresher.refresh();
    expect(changes).toBe(0);
    await saveProfile(db, { ...emptyProfile(), skills: ['Python'] }, NOW);
    await refresher.refresh();
    expect(changes).toBe(1);
    await refresher.refresh();
    expect(changes).toBe(1);
  });
});
