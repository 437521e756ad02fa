import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { sendMessage, type Transport } from '../../../lib/messages/client';
import type { RawSender } from '../../../lib/messages/senders';
import { MARKS_CHANGED } from '../../../lib/marks/types';
import { openDb } from '../../../lib/store/db';
import { escapeRegExp } from '../../../lib/text/regexp';
import { localDay } from '../../../lib/date';
import { recordPostingSeen, setStatus } from '../../../lib/store/jobs';
import { ProfileSchema } from '../../../lib/profile/schema';
import { saveProfile } from '../../../lib/profile/store';
import { makePosting } from '../support/factory';
import { campusPageText } from '../support/job-page';

/**
 * The background's `main()` as the browser runs it, over WXT's fake browser and fake-indexeddb:
 * what is wired there (the store at start, the sender gate, the badge through `action` or
 * Firefox's `browserAction`) is what these tests see, not the parts each built on its own.
 */

const JOB_URL = (jobId: string) => `https://lifeattiktok.com/search/${jobId}`;
function sender(kind: 'popup' | 'job page' | 'other extension', jobId = '', tabId = 7): RawSender {
  if (kind === 'other extension') return { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/page.html' };
  if (kind === 'popup') return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  return { id: fakeBrowser.runtime.id, url: JOB_URL(jobId), frameId: 0, tab: { id: tabId, url: JOB_URL(jobId), incognito: false } };
}

/** Sends as `from` would, through the listener `main()` registered. */
const transportFrom =
  (from: RawSender): Transport =>
  async (message) =>
    // The browser's sender, as the gate reads it: only the fields it looks at are given.
    (await fakeBrowser.runtime.onMessage.trigger(message, from as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1])).find(
      (reply: unknown) => reply !== undefined,
    );

/**
 * The fake browser's `tabs.query` compares `url` as one literal address; the background asks with
 * a list of match patterns (`https://*.lifeattiktok.com/*`), as the real browser takes them.
 */
function queryTabsByPatterns() {
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  const matches = (pattern: string, url: string) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(url);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
    const patterns = url === undefined ? null : [url].flat();
    return (await query(rest)).filter((tab) => patterns === null || patterns.some((p) => matches(p, tab.url ?? '')));
  });
}

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !ok(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    value = await read();
  }
  if (!ok(value)) throw new Error(`${what}: still ${JSON.stringify(value)}`);
  return value;
}

/** One application this cycle, recorded before the background starts. */
async function anApplicationOnDisk(jobId: string) {
  const db = openDb();
  const now = new Date();
  await recordPostingSeen(db, makePosting({ jobId }), now);
  const result = await setStatus(db, jobId, 'applied', now, { appliedAt: localDay(now) });
  if (!result.ok) throw new Error(result.message);
  db.close();
}

beforeEach(async () => {
  fakeBrowser.reset();
  await openDb().delete();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the background's main()", () => {
  it('paints the toolbar badge at start from the applications already in the database', async () => {
    await anApplicationOnDisk('7600000000000000901');
    background.main();
    await until(
      'the badge',
      () => fakeBrowser.action.getBadgeText({}),
      (t) => t === '1/2',
    );
    expect(await fakeBrowser.action.getTitle({})).toMatch(/1 of 2/);
  });

  it('records a job page read by the content script and paints that tab with its program count', async () => {
    queryTabsByPatterns();
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    background.main();
    const posting = makePosting({ jobId: '7600000000000000902' });
    const tab = await fakeBrowser.tabs.create({ url: JOB_URL(posting.jobId) });
    const other = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const [tabId, otherId] = [tab.id, other.id];
    if (tabId === undefined || otherId === undefined) throw new Error('the fake browser gave a tab no id');
    const reply = await sendMessage(transportFrom(sender('job page', posting.jobId, tabId)), 'page:read', {
      jobId: posting.jobId,
      page: campusPageText('Software Engineer Intern'),
      last: null,
    });
    expect(reply).toMatchObject({ read: true, seen: { outcome: 'created' } });

    const popup = transportFrom(sender('popup'));
    await sendMessage(popup, 'job:setStatus', { jobId: posting.jobId, status: 'applied', appliedAt: localDay(new Date()) });
    const db = openDb();
    expect(await db.jobs.get(posting.jobId)).toMatchObject({ status: 'applied' });
    db.close();
    await until(
      'the overall badge',
      () => fakeBrowser.action.getBadgeText({}),
      (t) => t === '1/2',
    );
    await until(
      "the job tab's badge",
      () => fakeBrowser.action.getBadgeText({ tabId }),
      (t) => t === '1/2',
    );
    // A tab off the careers site is not the background's to paint: it shows the overall badge.
    expect(await fakeBrowser.action.getBadgeText({ tabId: otherId })).toBe('');
    // The careers tab's marks are told that what they show changed; the other tab is not.
    await until(
      'the marks told',
      async () => told.mock.calls.map(([id]) => id),
      (ids) => ids.includes(tabId),
    );
    expect(told).toHaveBeenCalledWith(tabId, MARKS_CHANGED, { frameId: 0 });
    expect(told.mock.calls.map(([id]) => id)).not.toContain(otherId);
  });

  it('computes every kept match score again when the extension is updated, not only the stale ones', async () => {
    const jobId = '7600000000000000903';
    const disk = openDb();
    await saveProfile(disk, ProfileSchema.parse({ skills: ['Python'], locations: ['Singapore'] }), new Date());
    await recordPostingSeen(disk, makePosting({ jobId }), new Date());
    background.main();
    const right = await until(
      'the score kept at start',
      async () => (await disk.jobs.get(jobId))?.match ?? null,
      (m) => m !== null,
    );
    // What the matcher before the update stored for today and this profile.
    await disk.jobs.update(jobId, { match: { ...right!, score: 1 } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1', temporary: false });
    await until(
      'the score computed again',
      async () => (await disk.jobs.get(jobId))?.match?.score,
      (score) => score === right!.score,
    );
    disk.close();
  });

  it("refuses a message from another extension, and a job page's message about another job", async () => {
    background.main();
    const posting = makePosting({ jobId: '7600000000000000903' });
    await expect(sendMessage(transportFrom(sender('other extension')), 'limit:get', {}, { attempts: 1 })).rejects.toMatchObject({
      code: 'wrong-sender',
      message: 'the message is not from Job Lens',
    });
    await expect(
      sendMessage(
        transportFrom(sender('job page', '7600000000000000999')),
        'page:read',
        { jobId: posting.jobId, page: campusPageText('Software Engineer Intern'), last: null },
        { attempts: 1 },
      ),
    ).rejects.toMatchObject({ code: 'refused', message: expect.stringContaining('but the tab shows job 7600000000000000999') });
    // A privileged message from a content script is refused whatever it names.
    await expect(
      sendMessage(transportFrom(sender('job page', posting.jobId)), 'data:deleteAll', { confirm: 'x' } as never, { attempts: 1 }),
    ).rejects.toMatchObject({ code: 'wrong-sender', message: 'data:deleteAll is not accepted from a content script' });
    const db = openDb();
    expect(await db.jobs.count()).toBe(0);
    db.close();
  });

  it("uses Firefox's browserAction where there is no action", async () => {
    const painted: string[] = [];
    const browserAction = {
      setBadgeText: vi.fn(async ({ text }: { text: string }) => void painted.push(text)),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    };
    vi.spyOn(fakeBrowser, 'action', 'get').mockReturnValue(undefined as never);
    vi.spyOn(fakeBrowser, 'browserAction', 'get').mockReturnValue(browserAction as never);
    await anApplicationOnDisk('7600000000000000904');
    background.main();
    await until(
      'the badge painted',
      async () => painted,
      (texts) => texts.includes('1/2'),
    );
    expect(browserAction.setTitle).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringMatching(/1 of 2/) }));
  });
});
