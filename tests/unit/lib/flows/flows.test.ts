import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../lib/extract/node';
import { memoryArea, TabMemory } from '../../../../lib/flows/tabs';
import { readHistory } from '../../../../lib/history/read';
import { createHandlers } from '../../../../lib/messages/handlers';
import type { MessageContext } from '../../../../lib/messages/router';
import type { RequestOf, ResponseOf, MessageName } from '../../../../lib/messages/protocol';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { siteDateToIso } from '../../../../lib/store/flows';
import { datesToAsk, getJob, pendingConfirmations, recordPostingSeen, setStatus } from '../../../../lib/store/jobs';
import { classifyUrl } from '../../../../lib/sites/urls';
import { makePosting } from '../../support/factory';
import { campusPageText } from '../../support/job-page';
import { applicationsKnown } from '../../support/limit-count';

let db: JobLensDb;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

const NOW = new Date('2026-06-02T09:30:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 60 * 60 * 1000;
const TOKEN = 'token=Zr8QkT2m9LwX';

/** The background as the browser runs it: handlers over one database and one tab memory area. */
function background(store = new Map<string, unknown>(), clock: () => Date = () => NOW) {
  let ids = 0;
  const handlers = createHandlers({ db, now: clock, tabs: new TabMemory(memoryArea(store)), newId: () => `rec-${++ids}` });
  // A message from a careers tab carries the context the sender check builds from the browser's
  // `sender`: the tab, its address and what that address is; without an address, an extension page.
  const send = <K extends MessageName>(name: K, data: RequestOf<K>, where: { tabId?: number; senderUrl?: string } = {}) => {
    const context: MessageContext =
      where.senderUrl !== undefined && where.tabId !== undefined
        ? {
            sender: 'content',
            tabId: where.tabId,
            senderUrl: where.senderUrl,
            page: classifyUrl(new URL(where.senderUrl)),
            incognito: false,
          }
        : { sender: 'extension', ...where };
    return (handlers[name] as (d: RequestOf<K>, c: MessageContext) => Promise<ResponseOf<K>>)(data, context);
  };
  return { send, store };
}

async function freshDb() {
  n += 1;
  db = openDb(`flows-test-${n}`);
}

async function savedJob(overrides: Parameters<typeof makePosting>[0] = {}) {
  const posting = makePosting(overrides);
  const result = await recordPostingSeen(db, posting, new Date('2026-05-30T08:00:00Z'));
  if (!result.ok) throw new Error(result.reason);
  return result.job;
}

const formUrl = (jobId: string) => `https://lifeattiktok.com/resume/${jobId}/apply`;
const APPLIED_URL = 'https://lifeattiktok.com/resume/applied';

async function everything(): Promise<string> {
  return JSON.stringify([
    await db.jobs.toArray(),
    await db.versions.toArray(),
    await db.siteApplications.toArray(),
    await db.settings.toArray(),
  ]);
}

describe('a form, then the confirmation page, in the same tab', () => {
  it('records the application at once, dated now, for the job whose form the tab showed; a reload records nothing more', async () => {
    await freshDb();
    const job = await savedJob();
    const other = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    // Another tab's form is not this tab's.
    await bg.send('apply:started', { site: 'tiktok', jobId: other.jobId }, { tabId: 8, senderUrl: formUrl(other.jobId) });

    const reply = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    expect([reply.recorded, reply.title, applicationsKnown(reply.limit)]).toEqual(['job', job.title, 1]);
    const applied = await getJob(db, job.jobId);
    expect([applied?.status, applied?.appliedAt, applied?.applyStartedAt, applied?.appliedDateUnknown]).toEqual([
      'applied',
      NOW.toISOString(),
      null,
      false,
    ]);
    expect((await getJob(db, other.jobId))?.appliedAt).toBeNull();
    // Only the other tab's form is still a question for the popup.
    expect((await pendingConfirmations(db, NOW)).map((j) => j.jobId)).toEqual([other.jobId]);

    const again = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    expect([again.recorded, again.recordingId, applicationsKnown(again.limit)]).toEqual(['none', null, 1]);
  });

  it('refuses the message from a page off the careers sites', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    await expect(bg.send('apply:submitted', {}, { tabId: 7, senderUrl: 'https://example.com/resume/applied' })).rejects.toThrow(
      /careers page/,
    );
    await expect(
      bg.send('apply:started', { site: 'bytedance', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) }),
    ).rejects.toThrow(/tiktok page/);
    expect((await getJob(db, job.jobId))?.appliedAt).toBeNull();
  });

  it('takes the form from its memory when the browser reports the URL of the last full load (a client-side navigation since)', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    // Job page loaded, then the form and the confirmation reached by the single-page app.
    await bg.send(
      'apply:started',
      { site: 'tiktok', jobId: job.jobId },
      { tabId: 7, senderUrl: `https://lifeattiktok.com/search/${job.jobId}` },
    );
    const reply = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: `https://lifeattiktok.com/search/${job.jobId}` });
    expect(reply.recorded).toBe('job');
  });

  it('does not count a confirmation page opened by hand in a tab that showed no form in this session', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    const reply = await bg.send('apply:submitted', {}, { tabId: 9, senderUrl: APPLIED_URL });
    expect([reply.recorded, applicationsKnown(reply.limit)]).toEqual(['unknown-form', 0]);
    expect((await getJob(db, job.jobId))?.appliedAt).toBeNull();
  });

  it('keeps the form in the storage area, so a service-worker restart between form and confirmation loses nothing', async () => {
    await freshDb();
    const job = await savedJob();
    const area = new Map<string, unknown>();
    await background(area).send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    // A new worker: new handlers and a new memory object, the same storage area.
    const restarted = background(area);
    const reply = await restarted.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    expect(reply.recorded).toBe('job');
    expect((await getJob(db, job.jobId))?.appliedAt).toBe(NOW.toISOString());
  });

  it('after a browser restart (the area emptied, tab ids new) takes the one form of that site still open, and only when there is one', async () => {
    await freshDb();
    const job = await savedJob();
    await background().send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    const afterRestart = background(new Map(), () => later(HOUR));
    const reply = await afterRestart.send('apply:submitted', {}, { tabId: 1, senderUrl: APPLIED_URL });
    expect(reply.recorded).toBe('job');
    expect((await getJob(db, job.jobId))?.appliedAt).toBe(later(HOUR).toISOString());
  });

  it('records nothing when no form is known and several are open, and the popup still asks about each', async () => {
    await freshDb();
    const a = await savedJob();
    const b = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: a.jobId }, { tabId: 7, senderUrl: formUrl(a.jobId) });
    await bg.send('apply:started', { site: 'tiktok', jobId: b.jobId }, { tabId: 8, senderUrl: formUrl(b.jobId) });
    const reply = await background(new Map()).send('apply:submitted', {}, { tabId: 1, senderUrl: APPLIED_URL });
    expect([reply.recorded, applicationsKnown(reply.limit)]).toEqual(['unknown-form', 0]);
    expect((await pendingConfirmations(db, NOW)).map((j) => j.jobId).sort()).toEqual([a.jobId, b.jobId].sort());
  });

  it('remembers the form a sign-in page leads to', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    const login = `https://lifeattiktok.com/login?redirect_path=${encodeURIComponent(`/resume/${job.jobId}/apply`)}`;
    expect(
      (await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId, signIn: true }, { tabId: 7, senderUrl: login })).recorded,
    ).toBe(false);
    expect((await getJob(db, job.jobId))?.applyStartedAt).toBeNull();
    expect((await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL })).recorded).toBe('job');
  });
});

describe('undo from the page note', () => {
  it('puts the job back exactly as it was, the popup question included', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    const before = await getJob(db, job.jobId);
    const { recordingId } = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    const undo = await bg.send('apply:undo', { recordingId: recordingId! }, { tabId: 7 });
    expect([undo.undone, applicationsKnown(undo.limit)]).toEqual([true, 0]);
    expect(await getJob(db, job.jobId)).toEqual(before);
    expect((await pendingConfirmations(db, NOW)).map((j) => j.jobId)).toEqual([job.jobId]);
    // Once only.
    expect((await bg.send('apply:undo', { recordingId: recordingId! }, { tabId: 7 })).undone).toBe(false);
  });

  it('refuses once the user changed the job since, and changes nothing', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    const { recordingId } = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    await setStatus(db, job.jobId, 'interviewing', later(HOUR));
    const before = await getJob(db, job.jobId);
    const undo = await bg.send('apply:undo', { recordingId: recordingId! }, { tabId: 7 });
    expect(undo.undone).toBe(false);
    expect(undo.message).toMatch(/changed since/);
    expect(await getJob(db, job.jobId)).toEqual(before);
  });

  it('is refused from another tab', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 7, senderUrl: formUrl(job.jobId) });
    const { recordingId } = await bg.send('apply:submitted', {}, { tabId: 7, senderUrl: APPLIED_URL });
    expect((await bg.send('apply:undo', { recordingId: recordingId! }, { tabId: 9 })).undone).toBe(false);
    expect((await getJob(db, job.jobId))?.status).toBe('applied');
  });
});

describe('undo of an application for a job never read', () => {
  it('removes exactly the site-only application it recorded', async () => {
    await freshDb();
    const posting = makePosting();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: posting.jobId }, { tabId: 3, senderUrl: formUrl(posting.jobId) });
    const { recorded, recordingId } = await bg.send('apply:submitted', {}, { tabId: 3, senderUrl: APPLIED_URL });
    expect(recorded).toBe('site');
    expect(await db.siteApplications.count()).toBe(1);
    const undo = await bg.send('apply:undo', { recordingId: recordingId! }, { tabId: 3 });
    expect([undo.undone, applicationsKnown(undo.limit)]).toEqual([true, 0]);
    expect(await db.siteApplications.count()).toBe(0);
  });
});

describe('referral links', () => {
  it('records a referral form for a job never read, then folds it into the job once its page is seen; no token anywhere', async () => {
    await freshDb();
    const posting = makePosting();
    const bg = background();
    const referralForm = `https://lifeattiktok.com/referral/tiktok/resume/${posting.jobId}/apply?${TOKEN}`;
    expect(
      (await bg.send('apply:started', { site: 'tiktok', jobId: posting.jobId, viaReferral: true }, { tabId: 3, senderUrl: referralForm }))
        .recorded,
    ).toBe(false);
    const reply = await bg.send('apply:submitted', {}, { tabId: 3, senderUrl: 'https://lifeattiktok.com/referral/tiktok/resume/applied' });
    expect([reply.recorded, applicationsKnown(reply.limit)]).toEqual(['site', 1]);
    expect(await db.siteApplications.toArray()).toEqual([
      expect.objectContaining({
        site: 'tiktok',
        jobId: posting.jobId,
        title: null,
        appliedAt: NOW.toISOString(),
        viaReferral: true,
        source: 'confirmation',
      }),
    ]);

    // The page is read in the tab of the referral URL the user followed, token and all.
    const referralPage = `https://lifeattiktok.com/referral/tiktok/position/${posting.jobId}/detail?${TOKEN}`;
    const read = await bg.send(
      'page:read',
      { jobId: posting.jobId, page: campusPageText('Data Engineer Intern'), last: null },
      { tabId: 3, senderUrl: referralPage },
    );
    expect(read.read && applicationsKnown(read.seen!.limit)).toBe(1);
    const job = await getJob(db, posting.jobId);
    expect([job?.url, job?.status, job?.appliedAt, job?.viaReferral]).toEqual([
      `https://lifeattiktok.com/search/${posting.jobId}`,
      'applied',
      NOW.toISOString(),
      true,
    ]);
    expect(await db.siteApplications.count()).toBe(0);
    const dump = await everything();
    expect(dump).not.toContain('token');
    expect(dump).not.toContain('Zr8QkT2m9LwX');
    expect(dump).not.toContain('?');
  });

  it('flags a saved job reached through a referral form and keeps its one record', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send(
      'apply:started',
      { site: 'tiktok', jobId: job.jobId, viaReferral: true },
      { tabId: 3, senderUrl: `https://careers.tiktok.com/referral/tiktok/resume/${job.jobId}/apply?${TOKEN}` },
    );
    await bg.send('apply:submitted', {}, { tabId: 3, senderUrl: 'https://lifeattiktok.com/referral/tiktok/resume/applied' });
    expect(await db.jobs.count()).toBe(1);
    const row = await getJob(db, job.jobId);
    expect([row?.viaReferral, row?.status, row?.url]).toEqual([true, 'applied', job.url]);
    expect(await everything()).not.toContain('token');
  });
});

describe('the "already applied" dialog', () => {
  it('records the job as applied with the date unknown, counts it, and asks for the date until the user gives one', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 4, senderUrl: formUrl(job.jobId) });
    const reply = await bg.send('apply:duplicate', {}, { tabId: 4, senderUrl: formUrl(job.jobId) });
    expect([reply.recorded, applicationsKnown(reply.limit)]).toEqual([true, 1]);
    const row = await getJob(db, job.jobId);
    expect([row?.status, row?.appliedAt, row?.appliedDateUnknown]).toEqual(['applied', NOW.toISOString(), true]);
    expect((await datesToAsk(db)).map((j) => j.jobId)).toEqual([job.jobId]);
    // Not a "did you submit?" question any more.
    expect(await pendingConfirmations(db, NOW)).toEqual([]);

    await bg.send('apply:confirm', { jobId: job.jobId, appliedAt: '2026-05-20' });
    const dated = await getJob(db, job.jobId);
    expect([dated?.appliedAt, dated?.appliedDateUnknown]).toEqual(['2026-05-20T12:00:00.000Z', false]);
    expect(await datesToAsk(db)).toEqual([]);
  });

  it('leaves a job already recorded as applied as it is', async () => {
    await freshDb();
    const job = await savedJob();
    await setStatus(db, job.jobId, 'interviewing', NOW, { appliedAt: '2026-05-01' });
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 4, senderUrl: formUrl(job.jobId) });
    const before = await getJob(db, job.jobId);
    const reply = await bg.send('apply:duplicate', {}, { tabId: 4, senderUrl: formUrl(job.jobId) });
    expect(reply.recorded).toBe(false);
    expect(await getJob(db, job.jobId)).toEqual(before);
  });
});

describe('"Not yet"', () => {
  it('puts the question away for a day, then asks again', async () => {
    await freshDb();
    const job = await savedJob();
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 4, senderUrl: formUrl(job.jobId) });
    await bg.send('apply:later', { jobId: job.jobId });
    expect(await pendingConfirmations(db, later(HOUR))).toEqual([]);
    expect((await pendingConfirmations(db, later(25 * HOUR))).map((j) => j.jobId)).toEqual([job.jobId]);
    expect((await getJob(db, job.jobId))?.applyStartedAt).not.toBeNull();
  });
});

describe('the history page', () => {
  const fixture = (name: string) => parseDocument(readFileSync(join(import.meta.dirname, '../../../fixtures', name), 'utf8'));
  const HISTORY = 'https://lifeattiktok.com/position/application';

  it('brings each row in: applied elsewhere gets the site date, the user’s own status and date stay, a job never seen is kept and counted', async () => {
    await freshDb();
    const algorithm = await savedJob({
      jobId: '7525331248713058591',
      title: 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)',
    });
    const bigData = await savedJob({
      jobId: '7511946310275172616',
      title: 'Big Data Engineer Intern (TikTok Live Recommendation Architecture) - 2026 Start (BS/MS)',
    });
    // The user recorded Big Data themselves, earlier than the site's date, and moved on to interviews.
    await setStatus(db, bigData.jobId, 'interviewing', NOW, { appliedAt: '2026-05-27' });
    const userBigData = await getJob(db, bigData.jobId);

    const { rows } = readHistory(fixture('tiktok-history.html'), new URL(HISTORY))!;
    const reply = await background().send('history:read', { rows }, { tabId: 2, senderUrl: HISTORY });
    expect(reply.summary).toEqual({ matched: 2, applied: 1, kept: 1 });
    expect(applicationsKnown(reply.limit)).toBe(3);

    const a = await getJob(db, algorithm.jobId);
    expect([a?.status, a?.appliedAt, a?.appliedDateUnknown]).toEqual(['applied', siteDateToIso('2026-06-02T06:05'), false]);
    expect(a?.siteStatus).toEqual({ text: 'Resume screening', appliedAt: siteDateToIso('2026-06-02T06:05'), readAt: NOW.toISOString() });

    const b = await getJob(db, bigData.jobId);
    expect({ ...b, siteStatus: null }).toEqual({ ...userBigData, siteStatus: null });
    expect(b?.siteStatus).toEqual({ text: 'Interviewing', appliedAt: siteDateToIso('2026-05-28T21:40'), readAt: NOW.toISOString() });

    expect(await db.siteApplications.toArray()).toEqual([
      {
        key: 'tiktok:title:Frontend Engineer Intern (TikTok Shop) - 2026 Start (BS/MS)',
        site: 'tiktok',
        jobId: null,
        title: 'Frontend Engineer Intern (TikTok Shop) - 2026 Start (BS/MS)',
        appliedAt: siteDateToIso('2026-04-11T09:12'),
        appliedDateUnknown: false,
        status: 'Not selected',
        viaReferral: false,
        source: 'history',
        firstReadAt: NOW.toISOString(),
        readAt: NOW.toISOString(),
      },
    ]);

    // Read again a day later: the same three applications, the statuses refreshed, nothing doubled.
    const again = await background(new Map(), () => later(24 * HOUR)).send('history:read', { rows }, { tabId: 2, senderUrl: HISTORY });
    expect(applicationsKnown(again.limit)).toBe(3);
    expect(await db.siteApplications.count()).toBe(1);
    expect((await getJob(db, algorithm.jobId))?.appliedAt).toBe(siteDateToIso('2026-06-02T06:05'));
    expect((await getJob(db, algorithm.jobId))?.siteStatus?.readAt).toBe(later(24 * HOUR).toISOString());
  });

  it('matches by exact title on the same site when the row links no job, and fills a date that was unknown', async () => {
    await freshDb();
    const job = await savedJob({ title: 'Data Scientist Intern (Global LIVE Operation Intelligence) - 2026 Start (BS/MS)' });
    const bg = background();
    await bg.send('apply:started', { site: 'tiktok', jobId: job.jobId }, { tabId: 4, senderUrl: formUrl(job.jobId) });
    expect((await bg.send('apply:duplicate', {}, { tabId: 4, senderUrl: formUrl(job.jobId) })).recorded).toBe(true);
    const url = 'https://lifeattiktok.com/referral/tiktok/position/application';
    const { rows } = readHistory(fixture('tiktok-history-referral.html'), new URL(url))!;
    const reply = await bg.send('history:read', { rows }, { tabId: 2, senderUrl: url });
    expect(reply.summary).toEqual({ matched: 1, applied: 0, kept: 1 });
    const row = await getJob(db, job.jobId);
    expect([row?.appliedAt, row?.appliedDateUnknown, row?.viaReferral, row?.siteStatus?.text]).toEqual([
      siteDateToIso('2026-06-03T10:30'),
      false,
      true,
      'Resume screening',
    ]);
    expect(applicationsKnown(reply.limit)).toBe(2);
  });

  it('keeps rows of one site on that site: a ByteDance history never matches a TikTok job by title', async () => {
    await freshDb();
    await savedJob({ site: 'tiktok', title: 'Backend Software Engineer Intern (Data Platform) - 2025 Start' });
    const url = 'https://jobs.bytedance.com/en/position/application';
    const rows = readHistory(fixture('bytedance-history.html'), new URL(url))!.rows.map((r) => ({ ...r, jobId: null }));
    const reply = await background().send('history:read', { rows }, { tabId: 2, senderUrl: url });
    expect(reply.summary).toEqual({ matched: 0, applied: 0, kept: 2 });
    expect((await db.siteApplications.toArray()).map((r) => r.site)).toEqual(['bytedance', 'bytedance']);
  });

  it('does not pin a row to one of several saved jobs sharing its title', async () => {
    await freshDb();
    const title = 'Software Engineer Intern - 2026 Start (BS/MS)';
    await savedJob({ title });
    await savedJob({ title });
    const rows = [{ title, jobId: null, viaReferral: false, status: 'Resume screening', appliedAt: '2026-06-01T10:00' }];
    const reply = await background().send('history:read', { rows }, { tabId: 2, senderUrl: HISTORY });
    expect(reply.summary).toEqual({ matched: 0, applied: 0, kept: 1 });
    expect((await db.jobs.toArray()).every((j) => j.appliedAt === null)).toBe(true);
  });

  it('is refused from a page off the careers sites, and without a sender', async () => {
    await freshDb();
    const rows = [{ title: 'X', jobId: null, viaReferral: false, status: null, appliedAt: null }];
    await expect(background().send('history:read', { rows }, { senderUrl: 'https://example.com/position/application' })).rejects.toThrow(
      /history page/,
    );
    await expect(background().send('history:read', { rows }, {})).rejects.toThrow(/history page/);
    expect(await db.siteApplications.count()).toBe(0);
  });
});

describe('the tab memory', () => {
  it('ignores forms older than a day and entries it did not write, and forgets every tab at once', async () => {
    const area = memoryArea();
    const memory = new TabMemory(area);
    await memory.rememberForm(1, { site: 'tiktok', jobId: '7525331248713058591', viaReferral: false, at: NOW.toISOString() });
    expect(await memory.formOf(1, later(HOUR))).toMatchObject({ jobId: '7525331248713058591', recordedAt: null });
    expect(await memory.formOf(1, later(25 * HOUR))).toBeNull();
    await area.set({ 'jl:tab:2': { jobId: 'not a job' } });
    expect(await memory.formOf(2, NOW)).toBeNull();
    await area.set({ other: 1 });
    await memory.forgetAllTabs();
    expect([...area.store.keys()]).toEqual(['other']);
  });
});
