import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { marksFor, matchPart } from '../../../lib/marks/compute';
import { createHandlers } from '../../../lib/messages/handlers';
import { createRouter } from '../../../lib/messages/router';
import { memoryPrefs } from '../../../lib/marks/prefs';
import { matchPosting } from '../../../lib/match';
import { clip } from '../../../lib/marks/text';
import { saveProfile } from '../../../lib/profile/store';
import { openDb, type JobLensDb } from '../../../lib/store/db';
import { confirmApplication, recordPostingSeen, setStatus } from '../../../lib/store/jobs';
import { makePosting } from '../store/factory';

const profile = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/profiles/${name}.json`), 'utf8'));
const NOW = new Date('2026-03-01T10:00:00Z');
let db: JobLensDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

async function seed() {
  db = openDb(`marks-${++n}`);
  const first = makePosting();
  const second = makePosting();
  for (const p of [first, second]) await recordPostingSeen(db, p, new Date('2026-02-01T09:00:00Z'));
  return { first, second };
}

describe('marksFor', () => {
  it('marks only the jobs with a row, with status, application date and the shared program places', async () => {
    const { first, second } = await seed();
    await setStatus(db, second.jobId, 'saved', NOW);
    await confirmApplication(db, first.jobId, NOW, '2026-02-10T12:00:00.000Z');
    const { marks, views } = await marksFor(db, [first.jobId, second.jobId, '7999999999999999999'], NOW);
    expect(Object.keys(marks).sort()).toEqual([first.jobId, second.jobId].sort());
    expect(marks[first.jobId]).toMatchObject({ status: 'applied', appliedAt: '2026-02-10T12:00:00.000Z' });
    expect(marks[first.jobId]!.program).toEqual({ label: 'Early Careers', used: 1, limit: 2 });
    expect(marks[second.jobId]!.status).toBe('saved');
    expect(views[second.jobId]!.label).toContain('1 place left');
  });

  it('without a profile claims no score and no eligibility', async () => {
    const { first } = await seed();
    const { marks } = await marksFor(db, [first.jobId], NOW);
    expect(marks[first.jobId]).toMatchObject({ score: null, eligible: null, blocker: null });
  });

  it('scores against the stored profile and names the first blocker when one is unmet', async () => {
    const { first, second } = await seed();
    const saved = await saveProfile(db, profile('bachelors-student'), NOW);
    const { marks, views } = await marksFor(db, [first.jobId, second.jobId], NOW);
    // A Bachelor's student in London: the factory's postings (PhD, Singapore) are not all for them.
    const report = matchPosting((await db.jobs.get(first.jobId))!, saved, NOW);
    expect(report.blockers.length).toBeGreaterThan(0);
    expect(marks[first.jobId]).toMatchObject({ eligible: false, score: report.score, blocker: report.blockers[0] });
    expect(views[first.jobId]!.label).toContain(`not eligible: ${report.blockers[0]!.slice(0, 40)}`);
    expect(views[first.jobId]!.tip).toBe(clip(report.blockers[0]!));
    expect(typeof marks[second.jobId]!.score).toBe('number');
  });

  it('prefers a match summary stored on the row', async () => {
    const { first } = await seed();
    const row = (await db.jobs.get(first.jobId))!;
    const stored = { ...row, match: { score: 91, eligible: true, blockers: 0, firstBlocker: null } };
    expect(matchPart(stored, null, NOW)).toEqual({ score: 91, eligible: true, blocker: null });
  });

  it('gives the job page line with the saved title', async () => {
    const { first } = await seed();
    const { line, marks } = await marksFor(db, [], NOW, first.jobId);
    expect(marks).toEqual({});
    expect(line?.title).toBe(first.title);
    expect(line?.text).toBe('Seen');
  });
});

describe('marks messages', () => {
  it('answer nothing about the jobs when marks are off, and remember a dismissed line per site', async () => {
    const { first } = await seed();
    const route = createRouter(createHandlers({ db, now: () => NOW, marksPrefs: memoryPrefs() }));
    const get = (data: object) => route({ name: 'marks:get', data });
    expect(await get({ jobIds: [first.jobId], lineFor: first.jobId, site: 'tiktok' })).toMatchObject({
      ok: true,
      value: { enabled: true, lineDismissed: false, views: { [first.jobId]: { text: 'Seen' } } },
    });
    await route({ name: 'marks:dismissLine', data: { site: 'tiktok' } });
    const dismissed = await get({ jobIds: [], lineFor: first.jobId, site: 'tiktok' });
    expect(dismissed).toMatchObject({ ok: true, value: { lineDismissed: true, line: null } });
    expect(await get({ jobIds: [], lineFor: first.jobId, site: 'bytedance' })).toMatchObject({ value: { lineDismissed: false } });

    await route({ name: 'marks:setPrefs', data: { enabled: false } });
    expect(await get({ jobIds: [first.jobId] })).toMatchObject({ ok: true, value: { enabled: false, marks: {}, views: {} } });
    await route({ name: 'marks:setPrefs', data: { enabled: true, restoreLine: true } });
    expect(await get({ jobIds: [], site: 'tiktok' })).toMatchObject({ value: { enabled: true, lineDismissed: false } });
  });

  it('refuse more than 200 ids in one message, and ids that are not job ids', async () => {
    db = openDb(`marks-${++n}`);
    const route = createRouter(createHandlers({ db, now: () => NOW }));
    const ids = Array.from({ length: 201 }, (_, i) => `74${String(i).padStart(17, '0')}`);
    expect(await route({ name: 'marks:get', data: { jobIds: ids } })).toMatchObject({ ok: false });
    expect(await route({ name: 'marks:get', data: { jobIds: ['<img>'] } })).toMatchObject({ ok: false });
  });

  it('inject the marks script only into a tab, with marks on and something saved', async () => {
    db = openDb(`marks-${++n}`);
    const injected: number[] = [];
    const prefs = memoryPrefs();
    const route = createRouter(createHandlers({ db, now: () => NOW, marksPrefs: prefs, injectMarks: async (tab) => void injected.push(tab) }));
    expect(await route({ name: 'marks:inject', data: {} }, { tabId: 4 })).toMatchObject({ value: { injected: false } });
    await recordPostingSeen(db, makePosting(), NOW);
    expect(await route({ name: 'marks:inject', data: {} }, {})).toMatchObject({ value: { injected: false } });
    expect(await route({ name: 'marks:inject', data: {} }, { tabId: 4 })).toMatchObject({ value: { injected: true } });
    await prefs.set({ enabled: false, dismissedSites: [] });
    expect(await route({ name: 'marks:inject', data: {} }, { tabId: 5 })).toMatchObject({ value: { injected: false } });
    expect(injected).toEqual([4]);
  });
});
