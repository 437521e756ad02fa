import type { MessageName, RequestOf } from '../../../lib/messages/protocol';
import { classifySender, MESSAGE_SENDERS, type MessageContext, type SenderKind } from '../../../lib/messages/senders';
import { canonicalApplyUrl } from '../../../lib/sites/urls';

/** The extension as the tests' background sees itself. */
export const SELF = { id: 'job-lens@test', baseUrl: 'chrome-extension://joblenstest/' };

/**
 * The context the background's sender check gives a message sent from the tab at `tabUrl` (a
 * content script in its top frame), made by the check itself from what the browser reports.
 */
export function fromTab(tabUrl: string, tabId = 7): MessageContext {
  const verdict = classifySender({ id: SELF.id, url: tabUrl, frameId: 0, tab: { id: tabId, url: tabUrl, incognito: false } }, SELF);
  if (!verdict.ok) throw new Error(`the test's tab is refused: ${verdict.message}`);
  return verdict.context;
}

/** The context of a message from an extension page (the popup). */
function fromPopup(): MessageContext {
  const verdict = classifySender({ id: SELF.id, url: `${SELF.baseUrl}popup.html` }, SELF);
  if (!verdict.ok) throw new Error(`the popup is refused: ${verdict.message}`);
  return verdict.context;
}

/**
 * Where a message comes from when the extension runs: a content script's messages from the tab
 * they are about (apply:started from the job's form),
 * everything else from the popup. A content message the tests have no tab for is an error here,
 * not a silent extension-page call. `tabUrl` names the tab for the other content messages.
 */
export function contextFor<K extends MessageName>(name: K, data: RequestOf<K>, tabUrl?: string): MessageContext {
  if (tabUrl !== undefined) return fromTab(tabUrl);
  const senders: readonly SenderKind[] = MESSAGE_SENDERS[name];
  if (senders.includes('extension')) return fromPopup();
  if (name === 'apply:started') {
    const { site, jobId } = data as RequestOf<'apply:started'>;
    return fromTab(canonicalApplyUrl(site, jobId));
  }
  throw new Error(`no tab for ${name} in these tests`);
}
