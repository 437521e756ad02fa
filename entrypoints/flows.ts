import { removeNote, renderSubmittedNote } from '../lib/banner/note';
import { watchUntil } from '../lib/capture/settle';
import { FLOWS_GLOBAL, type FlowsEntry } from '../lib/flows/inject';
import { showsDuplicateDialog, showsSubmission } from '../lib/flows/page';
import { readHistory } from '../lib/history/read';
import { sendMessage, type Transport } from '../lib/messages/client';
import { classifyUrl } from '../lib/sites/urls';

// Glue only, like the job content script, for the account pages: the form (its "already applied"
// dialog), the confirmation and the history. The background injects it into a careers tab when the
// job content script finds itself on one of them, so job pages never load this code. It carries no
// Zod, no React and no polyfill: the browser's own runtime.sendMessage answers with a promise.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, FlowsEntry | undefined> & {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  // Injected twice (two quick navigations): the first copy already follows the page.
  if (scope[FLOWS_GLOBAL]) return;
  const runtime = (scope.browser ?? scope.chrome)!.runtime;
  const transport: Transport = (message) => runtime.sendMessage(message);
  const debug = (message: string) => {
    if (import.meta.env.DEV) console.debug(`[Job Lens] ${message}`);
  };

  const deps = {
    observe: (onChange: () => void) => {
      const observer = new MutationObserver(onChange);
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      return () => observer.disconnect();
    },
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    clearTimeout: (id: number) => window.clearTimeout(id),
  };
  let stop = () => {};

  const onLocation = (url: URL) => {
    stop();
    stop = () => {};
    const page = classifyUrl(url);
    if (page.kind !== 'applied') removeNote(document);
    if (page.kind === 'applied') {
      // The words, not the URL, say the form went through: the address can be opened by hand.
      stop = watchUntil(deps, () => {
        if (!showsSubmission(document)) return false;
        sendMessage(transport, 'apply:submitted', {})
          .then(({ recorded, recordingId, title }) => {
            if (recordingId === null || (recorded !== 'job' && recorded !== 'site')) return;
            renderSubmittedNote(document, title, () =>
              sendMessage(transport, 'apply:undo', { recordingId }).then((reply) =>
                reply.undone ? 'Undone: Job Lens no longer counts this application.' : (reply.message ?? 'Nothing to undo.'),
              ),
            );
          })
          .catch((error) => debug(String(error)));
        return true;
      });
    } else if (page.kind === 'history') {
      // The list can grow as it renders: sent again whenever what it shows changes.
      let sent = '';
      stop = watchUntil(deps, () => {
        const rows = readHistory(document, new URL(location.href))?.rows ?? [];
        const key = JSON.stringify(rows);
        if (rows.length > 0 && key !== sent) {
          sent = key;
          sendMessage(transport, 'history:read', { rows }).catch((error) => debug(String(error)));
        }
        return false;
      });
    } else if (page.kind === 'apply') {
      // Submitting again shows the "already applied" dialog on the form itself, whenever that is.
      stop = watchUntil(
        deps,
        () => {
          if (!showsDuplicateDialog(document)) return false;
          sendMessage(transport, 'apply:duplicate', {}).catch((error) => debug(String(error)));
          return true;
        },
        { maxWaitMs: Number.POSITIVE_INFINITY },
      );
    } else if (page.kind === 'login' && page.formJobId !== null) {
      // The background remembers for this tab the form the sign-in leads to.
      sendMessage(transport, 'apply:started', {
        site: page.site,
        jobId: page.formJobId,
        viaReferral: page.viaReferral,
        signIn: true,
      }).catch((error) => debug(String(error)));
    }
  };

  scope[FLOWS_GLOBAL] = (href) => onLocation(new URL(href));
  onLocation(new URL(location.href));
});
