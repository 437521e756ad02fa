import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractFromHtml, parseDocument } from '../../../../lib/extract/node';
import { readPage } from '../../../../lib/extract/page';
import { fullestProgram, overallBadge, type LimitState } from '../../../../lib/limit/limit';
import { createHandlers } from '../../../../lib/messages/handlers';
import type { Reply, ResponseOf } from '../../../../lib/messages/protocol';
import { createRouter, type MessageContext } from '../../../../lib/messages/router';
import { classifySender } from '../../../../lib/messages/senders';
import { openDb } from '../../../../lib/store/db';
import { campusPageText } from '../../support/job-page';

const URL_A = new URL('https://lifeattiktok.com/search/7512345678901234567?spread=5MWH5CQ');
const page = (duty: string) => `<html><body><div>Technology</div><h1>Software Engineer Intern - 2026 Start (BS/MS)</h1>
  <div><span>Location</span><span>:</span><span>San Jose</span></div>
  <h2>Responsibilities</h2><ul><li>${duty}</li></ul>
  <h2>Qualifications</h2><ul><li>Currently pursuing a Bachelor's degree.</li></ul></body></html>`;

function read(html: string, at: string) {
  const result = extractFromHtml(html, URL_A, new Date(at));
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
}

/** An extension page's context: posting:seen, a posting already read, comes from none but these. */
const POPUP: MessageContext = { sender: 'extension', senderUrl: 'chrome-extension://job-lens-test/popup.html' };

/** The checked context of a content script in a tab showing `url`, as the background's gate makes it. */
function tabAt(url: string): MessageContext {
  const self = { id: 'job-lens-test', baseUrl: 'chrome-extension://job-lens-test/' };
  const verdict = classifySender({ id: self.id, url, frameId: 0, tab: { id: 5, url, incognito: false } }, self);
  if (!verdict.ok) throw new Error(verdict.message);
  return verdict.context;
}

describe('background handlers', () => {
  let dbName: string;
  beforeEach(() => {
    fakeBrowser.reset();
    dbName = `handlers-${Math.random()}`;
  });

  it('stores a posting that arrives by message, in the extension database, and refreshes it on a re-visit', async () => {
    const db = openDb(dbName);
    let clock = new Date('2026-11-01T10:00:00Z');
    const route = createRouter(createHandlers({ db, now: () => clock }));

    const first = await route({ name: 'posting:seen', data: { posting: read(page('Build services.'), '2026-11-01T10:00:00Z') } }, POPUP);
    expect(first).toMatchObject({
      ok: true,
      value: { outcome: 'created', limit: { programs: [] }, page: { program: null, count: null, dismissed: false } },
    });

    clock = new Date('2026-11-02T10:00:00Z');
    const again = await route(
      { name: 'posting:seen', data: { posting: read(page('Build and run services.'), '2026-11-02T10:00:00Z') } },
      POPUP,
    );
    expect(again).toMatchObject({ ok: true, value: { outcome: 'changed' } });

    const rows = await db.jobs.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      jobId: '7512345678901234567',
      url: 'https://lifeattiktok.com/search/7512345678901234567',
      responsibilities: ['Build and run services.'],
      status: 'seen',
      firstSeenAt: '2026-11-01T10:00:00.000Z',
      lastSeenAt: '2026-11-02T10:00:00.000Z',
    });
    db.close();
  });

  it('stores nothing from an invalid message', async () => {
    const db = openDb(dbName);
    const route = createRouter(createHandlers({ db, now: () => new Date() }));
    const posting = { ...read(page('Build.'), '2026-11-01T10:00:00Z'), title: '' };
    const reply = await route({ name: 'posting:seen', data: { posting } }, POPUP);
    expect(reply).toMatchObject({ ok: false, code: 'invalid', path: 'posting.title', message: expect.stringContaining('posting.title') });
    expect(await db.jobs.count()).toBe(0);
    db.close();
  });
});

describe('page:read: the background reads the page the content script sends', () => {
  const reading = (html: string, last: { jobId: string; fingerprint: string } | null = null) => ({
    jobId: '7512345678901234567',
    page: readPage(parseDocument(html)),
    last,
  });
  const fingerprintOf = (reply: Reply<unknown>) => {
    const value = reply.ok ? (reply.value as ResponseOf<'page:read'>) : null;
    if (!value?.read) throw new Error('the reading was not recorded');
    return value.fingerprint;
  };
  const SHELL = '<html><head><title>TikTok Careers</title></head><body><nav><a>Jobs</a></nav><main>Loading…</main></body></html>';

  it('answers "not ready" for the loading shell and stores nothing, then stores the job once it renders', async () => {
    const db = openDb(`read-${Math.random()}`);
    const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-01T10:00:00Z') }));
    const tab = tabAt(URL_A.href);

    expect(await route({ name: 'page:read', data: reading(SHELL) }, tab)).toEqual({
      ok: true,
      value: { read: false, reason: 'no label rows and no sections on the page' },
    });
    expect(await db.jobs.count()).toBe(0);

    const first = await route({ name: 'page:read', data: reading(page('Build services.')) }, tab);
    expect(first).toMatchObject({ ok: true, value: { read: true, fingerprint: expect.any(String), seen: { outcome: 'created' } } });
    expect(await db.jobs.toArray()).toEqual([
      expect.objectContaining({
        jobId: '7512345678901234567',
        // Read under the tab's address, kept under the job's own.
        url: 'https://lifeattiktok.com/search/7512345678901234567',
        title: 'Software Engineer Intern - 2026 Start (BS/MS)',
        responsibilities: ['Build services.'],
        locations: ['San Jose'],
        extractedAt: '2026-11-01T10:00:00.000Z',
      }),
    ]);
    db.close();
  });

  it('records nothing for the reading the tab last recorded, and records a change to it', async () => {
    const db = openDb(`read-${Math.random()}`);
    let clock = new Date('2026-11-01T10:00:00Z');
    const route = createRouter(createHandlers({ db, now: () => clock }));
    const tab = tabAt(URL_A.href);
    const first = await route({ name: 'page:read', data: reading(page('Build services.')) }, tab);
    const last = { jobId: '7512345678901234567', fingerprint: fingerprintOf(first) };

    clock = new Date('2026-11-01T11:00:00Z');
    expect(await route({ name: 'page:read', data: reading(page('Build services.'), last) }, tab)).toEqual({
      ok: true,
      value: { read: true, fingerprint: last.fingerprint, seen: null },
    });
    expect((await db.jobs.toArray()).map((j) => j.lastSeenAt)).toEqual(['2026-11-01T10:00:00.000Z']);

    const changed = await route({ name: 'page:read', data: reading(page('Build and run services.'), last) }, tab);
    expect(changed).toMatchObject({ ok: true, value: { read: true, seen: { outcome: 'changed' } } });
    db.close();
  });

  it("waits while a new job's URL still shows the previous job's text", async () => {
    const db = openDb(`read-${Math.random()}`);
    const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-01T10:00:00Z') }));
    const first = await route({ name: 'page:read', data: reading(page('Build services.')) }, tabAt(URL_A.href));

    const other = 'https://lifeattiktok.com/search/7512345678901239999';
    const stale = {
      ...reading(page('Build services.'), { jobId: '7512345678901234567', fingerprint: fingerprintOf(first) }),
      jobId: '7512345678901239999',
    };
    expect(await route({ name: 'page:read', data: stale }, tabAt(other))).toEqual({
      ok: true,
      value: { read: false, reason: 'still showing the previous job' },
    });
    expect(await db.jobs.count()).toBe(1);
    db.close();
  });

  it('refuses a reading that names another job than its tab shows, before reading it', async () => {
    const db = openDb(`read-${Math.random()}`);
    const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-01T10:00:00Z') }));
    const reply = await route(
      { name: 'page:read', data: reading(page('Build services.')) },
      tabAt('https://lifeattiktok.com/search/7512345678901239999'),
    );
    expect(reply).toEqual({
      ok: false,
      code: 'refused',
      message: 'page:read: a reading of job 7512345678901234567, but the tab shows job 7512345678901239999',
    });
    expect(await db.jobs.count()).toBe(0);
    db.close();
  });

  it('refuses a reading past the bounds of a page, whole', async () => {
    const db = openDb(`read-${Math.random()}`);
    const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-01T10:00:00Z') }));
    const page = { lines: [], og: null, title: null, h1: Array.from({ length: 21 }, () => 'Engineer') };
    const reply = await route({ name: 'page:read', data: { jobId: '7512345678901234567', page, last: null } }, tabAt(URL_A.href));
    expect(reply).toMatchObject({ ok: false, code: 'invalid', path: 'page.h1' });
    db.close();
  });
});

describe('application flow through messages', () => {
  it('counts only confirmed applications, reports each state to the badge, and refuses a status without a date', async () => {
    const db = openDb(`flow-${Math.random()}`);
    const badges: string[] = [];
    let clock = new Date('2026-11-02T10:00:00Z');
    const route = createRouter(
      createHandlers({
        db,
        now: () => clock,
        onLimitChange: (l) => void badges.push(`${overallBadge(l).text} ${fullestProgram(l)?.state ?? 'ok'}`),
      }),
    );
    const ids = ['7500000000000000001', '7500000000000000002', '7500000000000000003'];
    for (const [i, id] of ids.entries()) {
      const read = await route(
        { name: 'page:read', data: { jobId: id, page: campusPageText(`Engineer ${i + 1}`), last: null } },
        tabAt(`https://lifeattiktok.com/search/${id}`),
      );
      expect(read).toMatchObject({ ok: true, value: { read: true } });
    }
    expect(badges.at(-1)).toBe('0/2 ok');

    // Opening the form is not applying.
    const started = await route(
      { name: 'apply:started', data: { site: 'tiktok', jobId: ids[0] } },
      tabAt(`https://lifeattiktok.com/resume/${ids[0]}/apply`),
    );
    expect(started).toMatchObject({
      ok: true,
      value: { recorded: true, limit: { programs: [] }, page: { program: { key: 'graduate:2026-start' }, count: { used: 0 } } },
    });

    clock = new Date('2026-11-02T11:00:00Z');
    expect(await route({ name: 'apply:confirm', data: { jobId: ids[0] } })).toMatchObject({
      ok: true,
      value: { limit: { programs: [{ used: 1, remaining: 1, state: 'last-one' }] } },
    });

    // "applied" needs a date: refused with a reason, nothing changes.
    const refused = await route({ name: 'job:setStatus', data: { jobId: ids[1], status: 'interviewing' } });
    expect(refused).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('needs the date') });

    const second = await route({ name: 'job:setStatus', data: { jobId: ids[1], status: 'applied', appliedAt: '2026-11-02' } });
    expect(second).toMatchObject({ ok: true, value: { limit: { programs: [{ used: 2, state: 'reached' }] } } });
    if (second.ok) {
      const limit = (second.value as { limit: LimitState }).limit;
      expect(limit.programs[0]!.applications.map((a) => a.jobId)).toEqual([ids[0], ids[1]]);
    }
    expect(badges.slice(-2)).toEqual(['1/2 last-one', '2/2 reached']);

    // A form opened for a job never read is answered, not recorded.
    expect(
      await route(
        { name: 'apply:started', data: { site: 'bytedance', jobId: '7599999999999999999' } },
        tabAt('https://joinbytedance.com/resume/7599999999999999999/apply'),
      ),
    ).toMatchObject({
      ok: true,
      value: { recorded: false, limit: { programs: [{ used: 2 }] }, page: { program: null, count: null } },
    });
    db.close();
  });
});

describe('profile:save', () => {
  it('stores a valid profile in the profile table and refuses an invalid one naming the field', async () => {
    const db = openDb(`profile-${Math.random()}`);
    const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-02T10:00:00Z') }));
    const profile = {
      education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2027-06' }],
      skills: ['Python', 'SQL'],
      locations: ['Singapore'],
    };
    expect(await route({ name: 'profile:save', data: { profile } })).toEqual({
      ok: true,
      value: { updatedAt: '2026-11-02T10:00:00.000Z' },
    });
    const row = await db.profile.get('me');
    expect(row).toMatchObject({ id: 'me', updatedAt: '2026-11-02T10:00:00.000Z', data: { skills: ['Python', 'SQL'], languages: [] } });

    const bad = { ...profile, education: [{ ...profile.education[0], graduation: 'June 2027' }] };
    const reply = await route({ name: 'profile:save', data: { profile: bad } });
    expect(reply).toMatchObject({
      ok: false,
      code: 'invalid',
      path: 'profile.education.0.graduation',
      message: expect.stringContaining('profile.education.0.graduation'),
    });
    expect((await db.profile.get('me'))?.data).toMatchObject({ education: [{ graduation: '2027-06' }] });
    db.close();
  });
});
