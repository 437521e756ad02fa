import { browser } from 'wxt/browser';
import { removeLimitBanner } from '../lib/banner/banner';
import { BANNER_GLOBAL, type BannerEntry } from '../lib/banner/inject';
import { createBannerShower } from '../lib/banner/loader';
import { SNAPSHOT_REQUEST, type SnapshotReply } from '../lib/capture/snapshot-message';
import { showsNotFound } from '../lib/capture/not-found';
import { PageWatcher, type ReadAnswer } from '../lib/capture/watcher';
import { tryReadPage } from '../lib/extract/page';
import { FLOWS_GLOBAL, needsFlows, type FlowsEntry } from '../lib/flows/inject';
import type { PageLimit } from '../lib/store/limit';
import { sendMessage, type Transport } from '../lib/messages/client';
import { JOB_HOST_MATCHES } from '../lib/sites/hosts';
import { classifyUrl } from '../lib/sites/urls';

// Glue only: the logic lives in lib/ and is tested there. No React, no Zod and no extractor here;
// every job page loads this script, and the background reads and validates what it receives.
export default defineContentScript({
  matches: [...JOB_HOST_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const transport: Transport = (message) => browser.runtime.sendMessage(message);
    const debug = (message: string) => {
      if (import.meta.env.DEV) console.debug(`[Job Lens] ${message}`);
    };

    // The background knows the page's program and count, and whether the user closed this banner
    // at that count before (in the extension's storage, so a reload does not bring it back). The
    // banner's own script is loaded on the first banner this tab has to show.
    const showBanner = createBannerShower({
      load: () => sendMessage(transport, 'banner:load', {}),
      entry: () => (globalThis as unknown as Record<string, BannerEntry | undefined>)[BANNER_GLOBAL],
      remove: () => removeLimitBanner(document),
      isInvalid: () => ctx.isInvalid,
      log: debug,
    });
    const showLimit = ({ banner }: PageLimit) => showBanner(banner);

    // What the popup asks about this tab when it has no posting for the job shown here.
    let pageState: { jobId: string; state: 'reading' | 'read' | 'gone' | 'unreadable' } | null = null;
    // Answered synchronously through `sendResponse`: Chrome does not take a promise from a listener.
    browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if ((message as { name?: unknown } | null)?.name === 'page:state') sendResponse(pageState);
      return undefined;
    });

    const watcher = new PageWatcher({
      // The content script only reads the page's lines; the background turns them into a posting.
      read: async (jobId, last): Promise<ReadAnswer> => {
        if (ctx.isInvalid) return { ready: true, fingerprint: null };
        const read = tryReadPage(document);
        if (!read.ok) return { ready: false, reason: read.reason };
        try {
          const answer = await sendMessage(transport, 'page:read', { jobId, page: read.page, last });
          if (!answer.read) return { ready: false, reason: answer.reason };
          pageState = { jobId, state: 'read' };
          if (answer.seen) showLimit(answer.seen.page);
          return { ready: true, fingerprint: answer.fingerprint };
        } catch (error) {
          // Refused (a private window) or failed: reading the page again would not change that.
          pageState = { jobId, state: 'read' };
          debug(String(error));
          return { ready: true, fingerprint: null };
        }
      },
      observe: (onChange) => {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
        return () => observer.disconnect();
      },
      // Plain timers: the watcher sets and clears one per batch of DOM changes, and it is stopped
      // when the extension goes (ctx.onInvalidated below; `read` checks ctx.isInvalid first).
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      log: debug,
      gone: () => showsNotFound(document),
      onGone: (jobId) => {
        pageState = { jobId, state: 'gone' };
        const page = classifyUrl(new URL(location.href));
        if (ctx.isInvalid || page.kind !== 'job') return;
        sendMessage(transport, 'posting:gone', { site: page.site, jobId }).catch((error) => debug(String(error)));
      },
      onGiveUp: (jobId) => {
        pageState = { jobId, state: 'unreadable' };
      },
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      removeLimitBanner(document);
    });

    // The form, confirmation and history pages get their own script, injected on the first of them.
    let flowsRequested = false;
    const handOver = (url: URL, page: ReturnType<typeof classifyUrl>) => {
      const flows = (globalThis as unknown as Record<string, FlowsEntry | undefined>)[FLOWS_GLOBAL];
      if (flows) flows(url.href);
      else if (needsFlows(page) && !flowsRequested) {
        flowsRequested = true;
        sendMessage(transport, 'flows:load', {}).catch((error) => {
          flowsRequested = false;
          debug(String(error));
        });
      }
    };

    const onLocation = (url: URL) => {
      const page = classifyUrl(url);
      handOver(url, page);
      if (page.kind === 'job') {
        pageState = { jobId: page.jobId, state: 'reading' };
        watcher.watch(page.jobId);
        return;
      }
      watcher.stop();
      if (page.kind === 'apply') {
        // Opening the form is recorded as started, never as applied: the user confirms later.
        sendMessage(transport, 'apply:started', { site: page.site, jobId: page.jobId, viaReferral: page.viaReferral })
          .then(({ page }) => showLimit(page))
          .catch((error) => debug(String(error)));
      } else {
        removeLimitBanner(document);
      }
    };

    // "This posting was read wrong": the page as shown, to the extension's own pages only (the popup
    // asks through tabs.sendMessage and sanitises the copy itself).
    browser.runtime.onMessage.addListener((message: unknown, sender, reply: (r: SnapshotReply) => void) => {
      if (message === SNAPSHOT_REQUEST && sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'))) {
        reply({ url: location.href, html: document.documentElement.outerHTML });
      }
    });

    onLocation(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => onLocation(new URL(newUrl)));
  },
});
