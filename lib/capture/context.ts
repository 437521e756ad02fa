import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The content script's context, in place of WXT's (the build aliases `wxt/utils/content-script-context`
 * to this module for content scripts, see wxt.config.ts). WXT's announces each start to the page
 * with `window.postMessage(…, "*")` carrying `<extension id>:<script>:wxt:content-script-started`,
 * and stops when the page sends that event back: any page could learn the id and switch Job Lens
 * off. This one has no handshake at all and dispatches nothing on the page's DOM:
 *
 * - it is invalid once the extension is gone (`runtime.id` is unset in an orphaned script: the
 *   extension was reloaded, updated or removed), which is what the handshake was for;
 * - location changes are delivered to listeners directly, from the Navigation API's trusted
 *   `navigate` events or by polling `location.href`, never as a DOM event with an id in its name.
 *
 * Same public surface as WXT's, so `main(ctx)` is typed by WXT and runs on this.
 */
type Surface = Pick<
  WxtContentScriptContext,
  | 'signal'
  | 'abort'
  | 'isInvalid'
  | 'isValid'
  | 'onInvalidated'
  | 'block'
  | 'setInterval'
  | 'setTimeout'
  | 'requestAnimationFrame'
  | 'requestIdleCallback'
  | 'notifyInvalidated'
  | 'options'
>;

/** What `ctx.addEventListener(window, 'wxt:locationchange', …)` handlers receive. */
export class LocationChange extends Event {
  constructor(
    readonly newUrl: URL,
    readonly oldUrl: URL,
  ) {
    super('wxt:locationchange');
  }
}

interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: Event & { destination?: { url?: string } }) => void,
    options?: AddEventListenerOptions,
  ): void;
}

export class ContentScriptContext implements Surface {
  private readonly controller = new AbortController();
  private readonly locationListeners: ((event: LocationChange) => void)[] = [];
  private watchingLocation = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: WxtContentScriptContext['options'],
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted && !extensionAlive()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    // The watcher sets a timer on every batch of DOM changes while a job page settles: a fired
    // timer lets go of its abort listener, or a long-lived tab would keep one per timer ever set.
    const id = setTimeout(() => {
      forget();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    const forget = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      this.locationListeners.push(handler as (event: LocationChange) => void);
      if (this.isValid) this.watchLocation();
      return;
    }
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    let last = new URL(location.href);
    const changed = (next: URL) => {
      if (next.href === last.href || this.isInvalid) return;
      const event = new LocationChange(next, last);
      last = next;
      for (const listener of this.locationListeners) listener(event);
    };
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          // Only the browser's own navigations: a page can dispatch an untrusted `navigate` on its navigation object.
          const url = event.isTrusted ? event.destination?.url : undefined;
          if (url) changed(new URL(url));
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => changed(new URL(location.href)), 1000);
    }
  }
}

function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
