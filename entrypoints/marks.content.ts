import { browser } from 'wxt/browser';
import { createPageMarks, trackFocus } from '../lib/marks/controller';
import { PREFS_KEY, REVISION_KEY } from '../lib/marks/prefs';
import { sendMessage, type Transport } from '../lib/messages/client';
import type { Site } from '../lib/posting/schema';
import { JOB_HOST_MATCHES } from '../lib/sites/hosts';
import { classifyUrl } from '../lib/sites/urls';

// The marks on the careers site's own pages. Not in the manifest: the background runs it in a
// tab only when marks are on and something is saved (the job page script asks), so the script
// every careers page loads stays small. Glue only; the logic is in lib/marks.
export default defineContentScript({
  matches: [...JOB_HOST_MATCHES],
  registration: 'runtime',
  main(ctx) {
    // The background may be asked more than once per page (each job read asks again).
    const flags = globalThis as { jobLensMarks?: boolean };
    if (flags.jobLensMarks) return;
    flags.jobLensMarks = true;

    const transport: Transport = (message) => browser.runtime.sendMessage(message);
    let site: Site | undefined;
    const marks = createPageMarks({
      doc: document,
      url: () => new URL(location.href),
      fetch: (jobIds, lineFor) => sendMessage(transport, 'marks:get', { jobIds, lineFor, site }, { attempts: 2 }),
      observe: (onChange) => {
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['href'] });
        return () => observer.disconnect();
      },
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      openPopup: () => sendMessage(transport, 'marks:openPopup', {}).then((r) => r.opened, () => false),
      dismissLine: () => {
        if (site) sendMessage(transport, 'marks:dismissLine', { site }).catch(() => {});
      },
    });
    trackFocus(document);
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (REVISION_KEY in changes || PREFS_KEY in changes)) marks.refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      marks.stop();
    });

    const onLocation = (url: URL) => {
      const page = classifyUrl(url);
      site = page.kind === 'other' ? undefined : page.site;
      marks.setJob(page.kind === 'job' ? page.jobId : null);
    };
    onLocation(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => onLocation(new URL(newUrl)));
  },
});
