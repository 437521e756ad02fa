import { browser } from 'wxt/browser';
import { renderLimitBanner, removeLimitBanner } from '../lib/banner/banner';
import { PageWatcher } from '../lib/capture/watcher';
import { extractPosting, headTitle } from '../lib/extract/extract';
import type { LimitState } from '../lib/limit/limit';
import { sendMessage, type Transport } from '../lib/messages/client';
import { JOB_HOST_MATCHES } from '../lib/sites/hosts';
import { classifyUrl } from '../lib/sites/urls';

// Glue only: the logic lives in lib/ and is tested there. No React and no Zod here; every job
// page loads this script, and the background validates what it receives.
export default defineContentScript({
  matches: [...JOB_HOST_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const transport: Transport = (message) => browser.runtime.sendMessage(message);
    const debug = (message: string) => {
      if (import.meta.env.DEV) console.debug(`[Job Lens] ${message}`);
    };

    // A dismissed banner stays away on this page until the count changes.
    let dismissed = '';
    // The marks script runs only where the background finds it useful; asked again after a save
    // until it runs, since the first job a user saves makes it useful.
    let marksRunning = false;
    const askForMarks = () => {
      if (!marksRunning) {
        sendMessage(transport, 'marks:inject', {})
          .then(({ injected }) => (marksRunning ||= injected))
          .catch((error) => debug(String(error)));
      }
    };
    askForMarks();
    const showLimit = (limit: LimitState) => {
      const key = `${limit.state}:${limit.used}`;
      if (ctx.isInvalid || key === dismissed) return;
      renderLimitBanner(document, limit, () => {
        dismissed = key;
      });
    };

    const watcher = new PageWatcher({
      extract: () => extractPosting(document, new URL(location.href), new Date()),
      headTitle: () => headTitle(document),
      send: (posting) => {
        if (ctx.isInvalid) return;
        sendMessage(transport, 'posting:seen', { posting })
          .then(({ limit }) => {
            showLimit(limit);
            askForMarks();
          })
          .catch((error) => debug(String(error)));
      },
      observe: (onChange) => {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
        return () => observer.disconnect();
      },
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      log: debug,
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      removeLimitBanner(document);
    });

    const onLocation = (url: URL) => {
      const page = classifyUrl(url);
      if (page.kind === 'job') {
        watcher.watch(page.jobId);
        return;
      }
      watcher.stop();
      if (page.kind === 'apply') {
        // Opening the form is recorded as started, never as applied: the user confirms later.
        sendMessage(transport, 'apply:started', { site: page.site, jobId: page.jobId })
          .then(({ limit }) => showLimit(limit))
          .catch((error) => debug(String(error)));
      } else {
        removeLimitBanner(document);
      }
    };

    onLocation(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => onLocation(new URL(newUrl)));
  },
});
