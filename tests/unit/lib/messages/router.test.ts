import { describe, expect, it, vi } from 'vitest';
import { sendMessage, RefusedError } from '../../../../lib/messages/client';
import { createRouter, type Handlers } from '../../../../lib/messages/router';
import { extractFromHtml } from '../../../../lib/extract/node';
import type { JobPosting } from '../../../../lib/posting/schema';
import { fromTab } from '../../support/sent-from';

function posting(): JobPosting {
  const html = `<html><body><div>Technology</div><h1>Software Engineer Intern - 2026 Start (BS/MS)</h1>
    <div><span>Location</span><span>:</span><span>San Jose</span></div>
    <h2>Responsibilities</h2><ul><li>Build services.</li></ul>
    <h2>Qualifications</h2><ul><li>Currently pursuing a Bachelor's degree.</li></ul></body></html>`;
  const result = extractFromHtml(html, new URL('https://lifeattiktok.com/search/7512345678901234567'), new Date('2026-11-01T10:00:00Z'));
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
}

const LIMIT = { strict: false, programs: [], uncounted: 0, defaultLimit: 2, cycleStart: '2025-11-01' };
const PAGE = { program: null, count: null, dismissed: false, banner: null };
const POPUP = { sender: 'extension' as const, senderUrl: 'chrome-extension://abc/popup.html' };
const unused = async () => {
  throw new Error('not called in these tests');
};

function handlers(): Handlers {
  return {
    'page:read': unused,
    'posting:seen': vi.fn(async () => ({ outcome: 'created' as const, limit: LIMIT, page: PAGE })),
    'posting:gone': unused,
    'apply:started': unused,
    'apply:confirm': unused,
    'apply:dismiss': unused,
    'job:setStatus': unused,
    'job:setNotes': unused,
    'job:acknowledgeChange': unused,
    'job:delete': unused,
    'settings:setCycleStart': unused,
    'settings:setRecordPrivate': unused,
    'profile:save': unused,
    'limit:get': vi.fn(async () => ({ limit: LIMIT })),
    'apply:submitted': unused,
    'apply:duplicate': unused,
    'apply:undo': unused,
    'history:read': unused,
    'apply:later': unused,
    'flows:load': unused,
    'banner:load': unused,
    'data:status': unused,
    'data:dismissNotice': unused,
    'data:snapshot': unused,
    'data:imported': unused,
    'job:setProgram': unused,
    'settings:setStrictLimit': unused,
    'banner:dismiss': unused,
    'data:deleteAll': unused,
    'marks:get': unused,
    'marks:dismissLine': unused,
    'marks:openPopup': unused,
    'marks:setPrefs': unused,
  };
}

describe('message router', () => {
  it('passes a valid posting to its handler, with the checked sender', async () => {
    const h = handlers();
    const route = createRouter(h);
    const data = { posting: posting() };
    expect(await route({ name: 'posting:seen', data }, POPUP)).toEqual({
      ok: true,
      value: { outcome: 'created', limit: LIMIT, page: PAGE },
    });
    expect(h['posting:seen']).toHaveBeenCalledWith(data, POPUP);
    // A content script sends the page's text (page:read), never a posting made on the page.
    const reply = await route({ name: 'posting:seen', data }, fromTab(data.posting.url));
    expect(reply).toEqual({ ok: false, code: 'wrong-sender', message: 'posting:seen is not accepted from a content script' });
    expect(h['posting:seen']).toHaveBeenCalledTimes(1);
    expect(await route({ name: 'limit:get', data: {} }, POPUP)).toEqual({ ok: true, value: { limit: LIMIT } });
    expect(h['limit:get']).toHaveBeenCalledWith({}, POPUP);
  });

  it('refuses an invalid payload and names the field, without calling the handler', async () => {
    const h = handlers();
    const bad = { ...posting(), jobId: 'abc', startDates: ['next May'] };
    const reply = await createRouter(h)({ name: 'posting:seen', data: { posting: bad } }, POPUP);
    expect(reply).toMatchObject({ ok: false, code: 'invalid', path: 'posting.jobId' });
    // Every field it got wrong (up to three) is named, for the log; the first is `path`.
    expect(!reply.ok && reply.message).toMatch(/^posting\.jobId: .*; posting\.startDates\.0: /);
    expect(h['posting:seen']).not.toHaveBeenCalled();
  });

  it('refuses unknown and malformed messages', async () => {
    const route = createRouter(handlers());
    expect(await route({ name: 'db:drop', data: {} })).toEqual({ ok: false, code: 'unknown-message', message: 'unknown message db:drop' });
    expect(await route({ name: 'toString', data: {} })).toEqual({
      ok: false,
      code: 'unknown-message',
      message: 'unknown message toString',
    });
    expect(await route('posting:seen')).toEqual({ ok: false, code: 'not-a-message', message: 'not a Job Lens message' });
    expect(await route({ name: 'limit:get', data: { extra: 1 } })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('turns a failing handler into an error reply', async () => {
    const h = handlers();
    h['limit:get'] = async () => {
      throw new Error('database closed');
    };
    expect(await createRouter(h)({ name: 'limit:get', data: {} })).toEqual({ ok: false, code: 'failed', message: 'database closed' });
  });
});

describe('sendMessage', () => {
  const noSleep = async () => {};

  it('retries when the background does not answer (stopped service worker), then succeeds', async () => {
    const route = createRouter(handlers());
    let calls = 0;
    const transport = vi.fn(async (message: unknown) => {
      calls++;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (calls === 2) return undefined;
      return route(message, POPUP);
    });
    const value = await sendMessage(transport, 'posting:seen', { posting: posting() }, { sleep: noSleep });
    expect(value).toEqual({ outcome: 'created', limit: LIMIT, page: PAGE });
    expect(transport).toHaveBeenCalledTimes(3);
  });

  it('does not retry a refusal', async () => {
    const route = createRouter(handlers());
    const transport = vi.fn((message: unknown) => route(message, POPUP));
    const bad = { ...posting(), url: 'javascript:alert(1)' };
    await expect(sendMessage(transport, 'posting:seen', { posting: bad }, { sleep: noSleep })).rejects.toBeInstanceOf(RefusedError);
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    const transport = vi.fn(async () => undefined);
    await expect(sendMessage(transport, 'posting:seen', { posting: posting() }, { attempts: 3, sleep: noSleep })).rejects.toThrow(
      'posting:seen: no answer from the background after 3 attempts',
    );
    expect(transport).toHaveBeenCalledTimes(3);
  });
});
