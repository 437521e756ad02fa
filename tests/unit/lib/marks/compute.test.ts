import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { marksFor, matchPart } from '../../../../lib/marks/compute';
import { createHandlers } from '../../../../lib/messages/handlers';
import { createRouter, type MessageContext } from '../../../../lib/messages/router';
import { memoryPrefs } from '../../../../lib/marks/prefs';
import { matchPosting } from '../../../../lib/match';
import { blockerReason } from '../../../../lib/match/summary';
import { clip } from '../../../../lib/marks/text';
import { saveProfile } from '../../../../lib/profile/store';
import { classifyUrl } from '../../../../lib/sites/urls';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { confirmApplication, recordPostingSeen, setStatus } from '../../../../lib/store/jobs';
import { createSummaryRefresher } from '../../../../lib/store/match-summary';
import { makePosting } from '../../support/factory';
import { campusPageText } from '../../support/job-page';
import { localNoon } from '../../../../lib/date';

const profile = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../fixtures/profiles/${name}.json`), 'utf8'));
const NOW = new Date('2026-03-01T10:00:00Z');
let db: JobLensDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

async function seed() {
  db = openDb(`marks-${++n}`);
  const first = makePosting();
  // Another job of the same posting text: the same program, so they share its places.
  const id = makePosting().jobId;
  const second = { ...first, jobId: id, url: `https://lifeattiktok.com/search/${id}` };
  for (const p of [first, second]) await recordPostingSeen(db, p, new Date('2026-02-01T09:00:00Z'));
  return { first, second };
}

/** A content script's context on a careers page of `url`, as the sender check makes it. */
const fromPage = (url: string): MessageContext => ({
  sender: 'content',
  tabId: 7,
  senderUrl: url,
  page: classifyUrl(new URL(url)),
  incognito: false,
});
const LIST = 'https://lifeattiktok.com/search?keyword=intern';

describe('marksFor', () => {
  it("marks only the jobs with a row, with status, application date and the places left in the job's program", async () => {
    const { first, second } = await seed();
    await setStatus(db, second.jobId, 'saved', NOW);
    // An application date is the user's local day, kept as its local noon.
    await confirmApplication(db, first.jobId, NOW, localNoon('2026-02-10'));
    const { views } = await marksFor(db, [first.jobId, second.jobId, '7999999999999999999'], NOW);
    expect(Object.keys(views).sort()).toEqual([first.jobId, second.jobId].sort());
    const program = (await db.jobs.get(first.jobId))!;
    expect(views[first.jobId]!.text).toBe('Applied on 10 Feb · 1 place left');
    expect(views[first.jobId]!.tone).toBe('warn');
    // Both jobs are in the same program; one of its two places is used.
    expect(views[second.jobId]!.label).toMatch(/^Job Lens: Saved · 1 place left in .+/);
    expect(program.applicationLimit?.max).toBe(2);
  });

  it('without a profile claims no score and no eligibility', async () => {
    const { first } = await seed();
    const row = (await db.jobs.get(first.jobId))!;
    expect(row.match ?? null).toBeNull();
    expect(matchPart(row)).toEqual({ score: null, eligible: null, blocker: null });
    expect((await marksFor(db, [first.jobId], NOW)).views[first.jobId]!.text).toBe('Viewed');
  });

  it('shows the stored match summary: score, and the first blocker of a job the profile is not eligible for', async () => {
    const { first, second } = await seed();
    const saved = await saveProfile(db, profile('bachelors-student'), NOW);
    await createSummaryRefresher(db, () => NOW).refresh();
    const row = (await db.jobs.get(first.jobId))!;
    // A Bachelor's student in London: the factory's postings (PhD, Singapore) are not all for them.
    const report = matchPosting(row, saved, NOW);
    expect(report.blockers.length).toBeGreaterThan(0);
    const reason = blockerReason(report.blockers[0]!);
    expect(matchPart(row)).toEqual({ score: report.score, eligible: false, blocker: reason });
    const { views } = await marksFor(db, [first.jobId, second.jobId], NOW);
    expect(views[first.jobId]!.label).toContain(`not eligible: ${reason.slice(0, 40)}`);
    expect(views[first.jobId]!.tip).toBe(clip(reason));
    expect(views[first.jobId]!.tone).toBe('bad');
  });

  it('reads the summary stored on the row, not a fresh match', async () => {
    const { first } = await seed();
    await saveProfile(db, profile('bachelors-student'), NOW);
    await createSummaryRefresher(db, () => NOW).refresh();
    const row = (await db.jobs.get(first.jobId))!;
    const stored = { ...row, match: { ...row.match!, score: 91, eligible: true, firstBlocker: null } };
    await db.jobs.put(stored);
    expect((await marksFor(db, [first.jobId], NOW)).views[first.jobId]!.text).toBe('Viewed · 91%');
  });

  it('gives the job page line with the saved title', async () => {
    const { first } = await seed();
    const { line, views } = await marksFor(db, [], NOW, first.jobId);
    expect(views).toEqual({});
    expect(line?.title).toBe(first.title);
    expect(line?.text).toBe('Viewed');
  });
});

describe('marks messages', () => {
  it('answer nothing about the jobs when marks are off, and remember a dismissed line per site', async () => {
    const { first } = await seed();
    let changes = 0;
    const route = createRouter(createHandlers({ db, now: () => NOW, marksPrefs: memoryPrefs(), onMarksChange: () => void changes++ }));
    const job = fromPage(`https://lifeattiktok.com/search/${first.jobId}`);
    const get = (data: object, context = job) => route({ name: 'marks:get', data }, context);
    expect(await get({ jobIds: [first.jobId], lineFor: first.jobId })).toMatchObject({
      ok: true,
      value: { enabled: true, lineDismissed: false, views: { [first.jobId]: { text: 'Viewed' } }, line: { text: 'Viewed' } },
    });
    await route({ name: 'marks:dismissLine', data: {} }, job);
    expect(await get({ jobIds: [], lineFor: first.jobId })).toMatchObject({ ok: true, value: { lineDismissed: true, line: null } });
    const onByteDance = fromPage(`https://joinbytedance.com/search/${first.jobId}`);
    expect(await get({ jobIds: [], lineFor: first.jobId }, onByteDance)).toMatchObject({ value: { lineDismissed: false } });

    await route({ name: 'marks:setPrefs', data: { enabled: false } });
    expect(await get({ jobIds: [first.jobId] }, fromPage(LIST))).toMatchObject({
      ok: true,
      value: { enabled: false, views: {}, line: null },
    });
    await route({ name: 'marks:setPrefs', data: { enabled: true, restoreLine: true } });
    expect(await get({ jobIds: [], lineFor: first.jobId })).toMatchObject({ value: { enabled: true, lineDismissed: false } });
    // Every change to the setting reaches the open pages (the dismissal too).
    expect(changes).toBe(3);
  });

  it('refuse more than 200 ids in one message, and ids that are not job ids', async () => {
    db = openDb(`marks-${++n}`);
    const route = createRouter(createHandlers({ db, now: () => NOW }));
    const ids = Array.from({ length: 201 }, (_, i) => `74${String(i).padStart(17, '0')}`);
    expect(await route({ name: 'marks:get', data: { jobIds: ids } }, fromPage(LIST))).toMatchObject({ ok: false });
    expect(await route({ name: 'marks:get', data: { jobIds: ['<img>'] } }, fromPage(LIST))).toMatchObject({ ok: false });
    expect(await route({ name: 'marks:get', data: { jobIds: ids.slice(0, 200) } }, fromPage(LIST))).toMatchObject({ ok: true });
  });

  it('tell the open pages after a change to a job, but not when a job is seen again as it was', async () => {
    db = openDb(`marks-${++n}`);
    let changes = 0;
    const route = createRouter(createHandlers({ db, now: () => NOW, onMarksChange: () => void changes++ }));
    const jobId = '7600000000000000777';
    const job = fromPage(`https://lifeattiktok.com/search/${jobId}`);
    // A second tab, or the same one after a reload, reads the page again with no reading behind it.
    const read = { name: 'page:read' as const, data: { jobId, page: campusPageText('Data Engineer Intern'), last: null } };
    expect(await route(read, job)).toMatchObject({ ok: true, value: { read: true, seen: { outcome: 'created' } } });
    expect(changes).toBe(1);
    expect(await route(read, job)).toMatchObject({ ok: true, value: { read: true, seen: { outcome: 'updated' } } });
    expect(changes).toBe(1);
    await route({ name: 'job:setStatus', data: { jobId, status: 'saved' } });
    expect(changes).toBe(2);
  });

  it('delete everything turns the marks setting back to its default', async () => {
    db = openDb(`marks-${++n}`);
    const prefs = memoryPrefs();
    await prefs.set({ enabled: false, dismissedSites: ['tiktok'] });
    const route = createRouter(createHandlers({ db, now: () => NOW, marksPrefs: prefs }));
    expect(await route({ name: 'data:deleteAll', data: { confirm: 'delete everything' } })).toMatchObject({ ok: true });
    expect(await prefs.get()).toEqual({ enabled: true, dismissedSites: [] });
  });
});
