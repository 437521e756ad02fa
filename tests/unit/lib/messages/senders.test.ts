import { describe, expect, it, vi } from 'vitest';
import { extractFromHtml } from '../../../../lib/extract/node';
import type { MessageName, RequestOf } from '../../../../lib/messages/protocol';
import { createRouter, createSenderGate, type Handlers, type MessageContext } from '../../../../lib/messages/router';
import { classifySender, MESSAGE_SENDERS, type RawSender } from '../../../../lib/messages/senders';
import { emptyProfile } from '../../../../lib/profile/schema';

// Every message from every kind of sender, through the background's listener as it runs: the
// sender as the browser reports it, the gate, the router, and handlers that record their calls.

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const JOB_ID = '7512345678901234567';
const OTHER_ID = '7599999999999999999';
const JOB_URL = `https://lifeattiktok.com/search/${JOB_ID}?spread=5MWH5CQ`;
const APPLY_URL = `https://lifeattiktok.com/resume/${JOB_ID}/apply`;
const APPLIED_URL = 'https://lifeattiktok.com/resume/applied';
const HISTORY_URL = 'https://lifeattiktok.com/position/application';

function posting() {
  const html = `<html><body><div>Technology</div><h1>Software Engineer Intern - 2026 Start (BS/MS)</h1>
    <div><span>Location</span><span>:</span><span>San Jose</span></div>
    <h2>Responsibilities</h2><ul><li>Build services.</li></ul>
    <h2>Qualifications</h2><ul><li>Currently pursuing a Bachelor's degree.</li></ul></body></html>`;
  const result = extractFromHtml(html, new URL(JOB_URL), new Date('2026-11-01T10:00:00Z'));
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
}

/** A valid payload for every message (a new message must get one here to compile). */
const SAMPLES: { [K in MessageName]: RequestOf<K> } = {
  'page:read': {
    jobId: JOB_ID,
    page: {
      lines: [{ text: 'Build services.', segments: ['Build services.'], soft: false, listItem: true }],
      og: null,
      title: 'TikTok Careers',
      h1: [],
    },
    last: null,
  },
  'posting:seen': { posting: posting() },
  'posting:gone': { site: 'tiktok', jobId: JOB_ID },
  'apply:started': { site: 'tiktok', jobId: JOB_ID },
  'apply:confirm': { jobId: JOB_ID },
  'apply:dismiss': { jobId: JOB_ID },
  'job:setStatus': { jobId: JOB_ID, status: 'saved' },
  'job:setNotes': { jobId: JOB_ID, notes: '' },
  'job:acknowledgeChange': { jobId: JOB_ID },
  'job:delete': { jobId: JOB_ID },
  'settings:setCycleStart': { cycleStart: '2099-01-01' },
  'settings:setRecordPrivate': { recordPrivateWindows: true },
  'profile:save': { profile: emptyProfile() },
  'limit:get': {},
  'apply:submitted': {},
  'apply:duplicate': {},
  'apply:undo': { recordingId: 'rec-1' },
  'history:read': {
    rows: [
      { title: 'Software Engineer Intern', jobId: null, viaReferral: false, status: 'Resume screening', appliedAt: '2026-06-02T06:05' },
    ],
  },
  'flows:load': {},
  'banner:load': {},
  'banner:dismiss': { key: 'intern-bsms:2026-start@2/2' },
  'apply:later': { jobId: JOB_ID },
  'job:setProgram': { jobId: JOB_ID, program: 'none' },
  'settings:setStrictLimit': { strict: true },
  'data:deleteAll': { confirm: 'delete everything' },
  'data:imported': {},
  'data:status': {},
  'data:dismissNotice': { id: 'restored-1' },
  'data:snapshot': {},
  'marks:get': { jobIds: [OTHER_ID, JOB_ID], lineFor: JOB_ID },
  'marks:dismissLine': {},
  'marks:openPopup': {},
  'marks:setPrefs': { enabled: false },
};
const NAMES = Object.keys(SAMPLES) as MessageName[];

const tab = (url: string, extra: Partial<NonNullable<RawSender['tab']>> = {}) => ({ id: 41, url, incognito: false, ...extra });
const SENDERS: Record<string, RawSender> = {
  'content script on a job page': { id: SELF.id, url: JOB_URL, frameId: 0, tab: tab(JOB_URL) },
  'content script on an application form': { id: SELF.id, url: APPLY_URL, frameId: 0, tab: tab(APPLY_URL) },
  'content script on the confirmation page': { id: SELF.id, url: APPLIED_URL, frameId: 0, tab: tab(APPLIED_URL) },
  'content script on the history page': { id: SELF.id, url: HISTORY_URL, frameId: 0, tab: tab(HISTORY_URL) },
  'content script on the search list': {
    id: SELF.id,
    url: 'https://lifeattiktok.com/search?keyword=intern',
    frameId: 0,
    tab: tab('https://lifeattiktok.com/search?keyword=intern'),
  },
  'the popup': { id: SELF.id, url: `${SELF.baseUrl}popup.html`, frameId: 0 },
  'the options page in a tab': { id: SELF.id, url: `${SELF.baseUrl}options.html`, frameId: 0, tab: tab(`${SELF.baseUrl}options.html`) },
  'another extension': {
    id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk',
    url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/background.html',
  },
  'a web page (externally_connectable)': { url: JOB_URL, frameId: 0, tab: tab(JOB_URL) },
  'our id on a page that is not a careers site': { id: SELF.id, url: 'https://example.com/', frameId: 0, tab: tab('https://example.com/') },
  'a careers page over plain http': {
    id: SELF.id,
    url: `http://lifeattiktok.com/search/${JOB_ID}`,
    frameId: 0,
    tab: tab(`http://lifeattiktok.com/search/${JOB_ID}`),
  },
  'a careers page in a frame': { id: SELF.id, url: JOB_URL, frameId: 3, tab: tab('https://example.com/') },
  'a careers sender in a tab of another site': { id: SELF.id, url: JOB_URL, frameId: 0, tab: tab('https://example.com/') },
  'a careers URL with no tab': { id: SELF.id, url: JOB_URL },
  'no address at all': { id: SELF.id },
  'another extension origin under our id': { id: SELF.id, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/popup.html' },
};

const EXTENSION_MESSAGES: MessageName[] = [
  'posting:seen',
  'apply:confirm',
  'apply:dismiss',
  'job:setStatus',
  'job:setNotes',
  'job:acknowledgeChange',
  'job:delete',
  'settings:setCycleStart',
  'settings:setRecordPrivate',
  'profile:save',
  'limit:get',
  'apply:later',
  'job:setProgram',
  'settings:setStrictLimit',
  'data:deleteAll',
  'data:imported',
  'data:status',
  'data:dismissNotice',
  'data:snapshot',
  'marks:setPrefs',
];
/** What each sender may do, written out (not derived from the table under test). */
const ALLOWED: Record<keyof typeof SENDERS, MessageName[]> = {
  'content script on a job page': [
    'page:read',
    'posting:gone',
    'limit:get',
    'banner:load',
    'banner:dismiss',
    'marks:get',
    'marks:dismissLine',
    'marks:openPopup',
  ],
  'content script on an application form': ['apply:started', 'limit:get', 'apply:duplicate', 'flows:load', 'banner:load', 'banner:dismiss'],
  'content script on the confirmation page': ['limit:get', 'apply:submitted', 'apply:undo', 'flows:load'],
  'content script on the history page': ['limit:get', 'history:read', 'flows:load'],
  'content script on the search list': ['limit:get'],
  'the popup': EXTENSION_MESSAGES,
  'the options page in a tab': EXTENSION_MESSAGES,
  'another extension': [],
  'a web page (externally_connectable)': [],
  'our id on a page that is not a careers site': [],
  'a careers page over plain http': [],
  'a careers page in a frame': [],
  'a careers sender in a tab of another site': [],
  'a careers URL with no tab': [],
  'no address at all': [],
  'another extension origin under our id': [],
};

function recordingHandlers() {
  const calls: { name: MessageName; data: unknown; context: MessageContext }[] = [];
  const handlers = Object.fromEntries(
    NAMES.map((name) => [
      name,
      async (data: unknown, context: MessageContext) => {
        calls.push({ name, data, context });
        return {};
      },
    ]),
  ) as unknown as Handlers;
  return { calls, handlers };
}

describe('messages by sender', () => {
  const cases = Object.keys(SENDERS).flatMap((who) => NAMES.map((name) => [who, name] as const));

  it.each(cases)('%s sends %s', async (who, name) => {
    const { calls, handlers } = recordingHandlers();
    const gate = createSenderGate(createRouter(handlers), () => SELF);
    const reply = await gate({ name, data: SAMPLES[name] }, SENDERS[who]!);
    if (ALLOWED[who]!.includes(name)) {
      expect(reply).toEqual({ ok: true, value: {} });
      expect(calls).toHaveLength(1);
      expect(calls[0]!.context.sender).toBe(who.startsWith('content') ? 'content' : 'extension');
    } else {
      // Refused by who sent it, or (a careers page's message) by what the page is.
      expect(reply).toMatchObject({ ok: false, code: expect.stringMatching(/^(?:wrong-sender|refused)$/) });
      expect(calls).toHaveLength(0);
    }
  });

  it('has a decision for every message in the protocol', () => {
    expect(Object.keys(MESSAGE_SENDERS).sort()).toEqual([...NAMES].sort());
  });
});

describe('what a content script sends is tied to its tab', () => {
  const contentSender = SENDERS['content script on a job page']!;
  const gateWith = (recordsPrivateWindows?: () => Promise<boolean>) => {
    const recorded = recordingHandlers();
    return { ...recorded, gate: createSenderGate(createRouter(recorded.handlers, { recordsPrivateWindows }), () => SELF) };
  };

  it('refuses a reading that names another job than the tab shows', async () => {
    const { calls, gate } = gateWith();
    const reply = await gate({ name: 'page:read', data: { ...SAMPLES['page:read'], jobId: OTHER_ID } }, contentSender);
    expect(reply).toEqual({
      ok: false,
      code: 'refused',
      message: `page:read: a reading of job ${OTHER_ID}, but the tab shows job ${JOB_ID}`,
    });
    expect(calls).toHaveLength(0);
  });

  it('takes the page text from its tab, never a posting made on the page', async () => {
    const { calls, gate } = gateWith();
    // Its own job, with a reading time a thousand years out: had it been kept, every later visit
    // would have been older and left the job's text as the page made it.
    const forged = { ...posting(), extractedAt: '2999-01-01T00:00:00.000Z' };
    expect(await gate({ name: 'posting:seen', data: { posting: forged } }, contentSender)).toEqual({
      ok: false,
      code: 'wrong-sender',
      message: 'posting:seen is not accepted from a content script',
    });
    expect(calls).toHaveLength(0);
    expect((await gate({ name: 'page:read', data: SAMPLES['page:read'] }, contentSender)).ok).toBe(true);
    expect(calls[0]!.context).toMatchObject({ sender: 'content', tabId: 41, senderUrl: JOB_URL, page: { kind: 'job', jobId: JOB_ID } });
  });

  it("after a client-side navigation, goes by the tab's URL (Chromium keeps the document's first one as sender.url)", async () => {
    const { calls, gate } = gateWith();
    const navigated: RawSender = { id: SELF.id, url: 'https://lifeattiktok.com/search?keyword=intern', frameId: 0, tab: tab(JOB_URL) };
    expect((await gate({ name: 'page:read', data: SAMPLES['page:read'] }, navigated)).ok).toBe(true);
    expect(calls[0]!.context).toMatchObject({ sender: 'content', senderUrl: JOB_URL, page: { kind: 'job', jobId: JOB_ID } });
  });

  it("gives marks for any page's cards, but the job page line only for the tab's own job", async () => {
    const { calls, gate } = gateWith();
    const list = SENDERS['content script on the search list']!;
    expect(await gate({ name: 'marks:get', data: { jobIds: [JOB_ID, OTHER_ID] } }, list)).toEqual({ ok: true, value: {} });
    expect(calls[0]!.data).toEqual({ jobIds: [JOB_ID, OTHER_ID] });
    const other = await gate({ name: 'marks:get', data: { jobIds: [], lineFor: OTHER_ID } }, contentSender);
    expect(other).toEqual({ ok: false, code: 'refused', message: "marks:get: the line is only for the tab's own job" });
    expect((await gate({ name: 'marks:get', data: { jobIds: [], lineFor: JOB_ID } }, list)).ok).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('refuses an application form message for another job', async () => {
    const { calls, gate } = gateWith();
    const sender = SENDERS['content script on an application form']!;
    const reply = await gate({ name: 'apply:started', data: { site: 'tiktok', jobId: OTHER_ID } }, sender);
    expect(reply).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining(`tab shows tiktok job ${JOB_ID}`) });
    expect(calls).toHaveLength(0);
  });

  it('records nothing from a private window unless the user allows it; the limit is still answered', async () => {
    const incognito: RawSender = { ...contentSender, tab: tab(JOB_URL, { incognito: true }) };
    let allowed = false;
    const { calls, gate } = gateWith(async () => allowed);
    const refused = await gate({ name: 'page:read', data: SAMPLES['page:read'] }, incognito);
    expect(refused).toEqual({
      ok: false,
      code: 'private-window',
      message: 'page:read from a private window is not recorded (the options page can allow it)',
    });
    expect((await gate({ name: 'limit:get', data: {} }, incognito)).ok).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(['limit:get']);
    allowed = true;
    expect((await gate({ name: 'page:read', data: SAMPLES['page:read'] }, incognito)).ok).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(['limit:get', 'page:read']);
  });
});

describe('classifySender', () => {
  it('knows Firefox extension pages by their moz-extension origin', () => {
    const self = { id: 'job-lens@job-lens.local', baseUrl: 'moz-extension://6f1e0b9a-3c1d-4e55-9a7b-2d8c4f0e1a57/' };
    expect(classifySender({ id: self.id, url: `${self.baseUrl}popup.html` }, self)).toMatchObject({
      ok: true,
      context: { sender: 'extension' },
    });
    // URL.origin is "null" for schemes the URL standard does not know; the host must match.
    expect(classifySender({ id: self.id, url: 'moz-extension://00000000-0000-0000-0000-000000000000/popup.html' }, self).ok).toBe(false);
    expect(classifySender({ id: self.id, url: 'other-scheme://6f1e0b9a-3c1d-4e55-9a7b-2d8c4f0e1a57/popup.html' }, self).ok).toBe(false);
  });

  it('refuses a foreign sender before anything is read', async () => {
    const handler = vi.fn();
    const gate = createSenderGate(
      async (message) => handler(message),
      () => SELF,
    );
    expect(await gate({ name: 'job:delete', data: { jobId: JOB_ID } }, SENDERS['another extension']!)).toEqual({
      ok: false,
      code: 'wrong-sender',
      message: 'the message is not from Job Lens',
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
