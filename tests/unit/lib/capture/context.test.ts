// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, type LocationChange } from '../../../../lib/capture/context';

// The content script's own context (the build puts it in place of WXT's): nothing a page can read
// or answer, and it stops only when the extension itself is gone.

// WXT's event name: `<runtime.id>:<entrypoint>:wxt:content-script-started`.
const STARTED = (WxtContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
const RUNTIME_ID = fakeBrowser.runtime.id;

describe('content script context', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.useRealTimers();
    (fakeBrowser.runtime as { id?: string }).id = RUNTIME_ID;
  });

  it('announces nothing to the page', async () => {
    const seen: unknown[] = [];
    const onMessage = (event: MessageEvent) => seen.push(event.data);
    const onEvent = vi.fn();
    window.addEventListener('message', onMessage);
    document.addEventListener(STARTED, onEvent);
    const post = vi.spyOn(window, 'postMessage');
    const dispatch = vi.spyOn(document, 'dispatchEvent');
    const ctx = new ContentScriptContext('job');
    ctx.addEventListener(window, 'wxt:locationchange', () => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(post).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
    window.removeEventListener('message', onMessage);
    ctx.abort();
    // WXT's own context does announce itself with the id: the reason this one exists.
    new WxtContext('job');
    expect(STARTED.startsWith(`${RUNTIME_ID}:`)).toBe(true);
    expect(post).toHaveBeenCalledWith(expect.objectContaining({ type: STARTED }), '*');
  });

  it('is not stopped by a page that sends WXT\'s "started" event, in either form', async () => {
    const ctx = new ContentScriptContext('job');
    const type = STARTED;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'job', messageId: 'page' } }));
    window.postMessage({ type, contentScriptName: 'job', messageId: 'page' }, '*');
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.isValid).toBe(true);
    // The same page stops WXT's.
    const wxt = new WxtContext('job');
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'job', messageId: 'page' } }));
    expect(wxt.isValid).toBe(false);
  });

  it('is invalid once the extension is gone, and its timers stop', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('job');
    const onInvalid = vi.fn();
    const tick = vi.fn();
    ctx.onInvalidated(onInvalid);
    ctx.setInterval(tick, 100);
    vi.advanceTimersByTime(250);
    expect(tick).toHaveBeenCalledTimes(2);
    // An orphaned content script (extension reloaded or removed) sees no runtime id.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    vi.advanceTimersByTime(250);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(ctx.isInvalid).toBe(true);
    expect(onInvalid).toHaveBeenCalledTimes(1);
  });

  it('lets go of a timer once it has fired, and still cancels the ones pending when it goes', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('job');
    const added = vi.spyOn(ctx.signal, 'addEventListener');
    const removed = vi.spyOn(ctx.signal, 'removeEventListener');
    const fired = vi.fn();
    for (let i = 0; i < 50; i++) ctx.setTimeout(fired, 10);
    const pending = vi.fn();
    ctx.setTimeout(pending, 1000);
    vi.advanceTimersByTime(20);
    expect(fired).toHaveBeenCalledTimes(50);
    expect(added).toHaveBeenCalledTimes(51);
    expect(removed).toHaveBeenCalledTimes(50);
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(ctx.isInvalid).toBe(true);
    vi.advanceTimersByTime(2000);
    expect(pending).not.toHaveBeenCalled();
  });

  it('delivers location changes to its listeners without a DOM event', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('job');
    const changes: string[] = [];
    const dispatch = vi.spyOn(window, 'dispatchEvent');
    ctx.addEventListener(window, 'wxt:locationchange', (event: LocationChange) =>
      changes.push(`${event.oldUrl.pathname}→${event.newUrl.pathname}`),
    );
    history.pushState({}, '', '/search/7512345678901234567');
    vi.advanceTimersByTime(1100);
    expect(changes).toEqual([`/→/search/7512345678901234567`]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('ignores untrusted navigate events a page dispatches on the Navigation API', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const ctx = new ContentScriptContext('job');
    const changes: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event: LocationChange) => changes.push(event.newUrl.href));
    const forged = Object.assign(new Event('navigate'), { destination: { url: 'https://lifeattiktok.com/search/7599999999999999999' } });
    navigation.dispatchEvent(forged);
    expect(changes).toEqual([]);
    vi.unstubAllGlobals();
  });

  it("has WXT's public surface, less the handshake", () => {
    const members = (proto: object) =>
      Object.getOwnPropertyNames(proto).filter((name) => name !== 'constructor' && !['watchLocation'].includes(name));
    const handshake = ['stopOldScripts', 'verifyScriptStartedEvent', 'listenForNewerScripts'];
    expect(members(ContentScriptContext.prototype).sort()).toEqual(
      members(WxtContext.prototype)
        .filter((name) => !handshake.includes(name))
        .sort(),
    );
  });
});
