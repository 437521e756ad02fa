import { createPageMarks, trackFocus } from '../lib/marks/controller';
import { MARKS_CHANGED, MARKS_GLOBAL } from '../lib/marks/types';
import { sendMessage, type Transport } from '../lib/messages/client';
import { classifyUrl } from '../lib/sites/urls';

// The marks on the careers site's own pages: seen, saved and applied jobs in search results, and
// the line under a job page's title. Not in the manifest: the background injects it into careers
// tabs only while marks are on and something is saved, so the job page script stays small. Glue
// only (the logic is in lib/marks); no Zod, no React and no polyfill, like the account pages' script.
interface Runtime {
  id: string;
  sendMessage(m: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: (message: unknown, sender: { id?: string; tab?: unknown }, reply: (answer: unknown) => void) => void): void;
  };
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, true | undefined> & {
    browser?: { runtime: Runtime };
    chrome?: { runtime: Runtime };
  };
  // Injected again (a setting turned on, the first job saved) into a tab that already runs it.
  if (scope[MARKS_GLOBAL]) return;
  scope[MARKS_GLOBAL] = true;
  const runtime = (scope.browser ?? scope.chrome)!.runtime;
  const transport: Transport = (message) => runtime.sendMessage(message);

  // The site's app changes its address without loading a page, and every such change redraws
  // the page: the address is compared whenever the page changes (a string comparison).
  let href = '';
  const followLocation = () => {
    if (location.href === href) return;
    href = location.href;
    const page = classifyUrl(new URL(href));
    marks.setJob(page.kind === 'job' ? page.jobId : null);
  };

  const marks = createPageMarks({
    doc: document,
    url: () => new URL(location.href),
    fetch: (jobIds, lineFor) => sendMessage(transport, 'marks:get', lineFor ? { jobIds, lineFor } : { jobIds }, { attempts: 2 }),
    observe: (onChange) => {
      const observer = new MutationObserver((records) => {
        followLocation();
        onChange(records);
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['href'] });
      return () => observer.disconnect();
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    openPopup: () =>
      sendMessage(transport, 'marks:openPopup', {}).then(
        (r) => r.opened,
        () => false,
      ),
    dismissLine: () => void sendMessage(transport, 'marks:dismissLine', {}).catch(() => undefined),
  });
  trackFocus(document);
  // Only the background sends this (a content script's message would name its tab).
  runtime.onMessage.addListener((message, sender, reply) => {
    if (message !== MARKS_CHANGED || sender.id !== runtime.id || sender.tab) return;
    marks.refresh();
    reply(true);
  });
  window.addEventListener('popstate', followLocation);
  followLocation();
});
