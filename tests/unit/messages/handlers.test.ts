import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extractFromHtml } from '../../../lib/extract/node';
import { createHandlers } from '../../../lib/messages/handlers';
import { createRouter } from '../../../lib/messages/router';
import { openDb } from '../../../lib/store/db';

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

    const first = await route({ name: 'posting:seen', data: { posting: read(page('Build services.'), '2026-11-01T10:00:00Z') } });
    expect(first).toEqual({ ok: true, value: { outcome: 'created' } });

    clock = new Date('2026-11-02T10:00:00Z');
    const again = await route({ name: 'posting:seen', data: { posting: read(page('Build and run services.'), '2026-11-02T10:00:00Z') } });
    expect(again).toEqual({ ok: true, value: { outcome: 'changed' } });

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
    const reply = await route({ name: 'posting:seen', data: { posting } });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('posting.title') });
    expect(await db.jobs.count()).toBe(0);
    db.close();
  });
});
