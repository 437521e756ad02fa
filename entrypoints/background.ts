import { browser } from 'wxt/browser';
import { badgeFor, type LimitState } from '../lib/limit/limit';
import { FLOWS_FILE } from '../lib/flows/inject';
import { TabMemory, type KeyValueArea } from '../lib/flows/tabs';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter } from '../lib/messages/router';
import { openDb } from '../lib/store/db';
import { loadLimitState } from '../lib/store/limit';

export default defineBackground(() => {
  // The database lives here, in the extension's origin: a content script's IndexedDB would be the website's.
  const db = openDb();

  // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const showBadge = async (limit: LimitState) => {
    const badge = badgeFor(limit);
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.color });
    await action.setTitle({
      title: limit.limit === null ? 'Job Lens' : `Job Lens: ${limit.used} of ${limit.limit} applications used`,
    });
  };

  // Which form each tab showed. `storage.session` (Chrome MV3, Firefox 115+) outlives a stopped
  // service worker and ends with the browser session; `storage.local` is the fallback, cleared at
  // start-up because tab ids begin again after a restart.
  const session = (browser.storage as { session?: KeyValueArea }).session;
  const tabs = new TabMemory(session ?? browser.storage.local);
  if (!session) browser.runtime.onStartup.addListener(() => void tabs.forgetAllTabs());
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forgetTab(tabId));
  // Marks when this browser session began (kept across worker restarts by the area itself).
  void tabs.sessionStart(new Date());

  const injectFlows = async (tabId: number) => {
    // Chrome MV3 and Firefox both have `scripting` (with its permission); older Firefox only tabs.executeScript.
    if (browser.scripting) await browser.scripting.executeScript({ target: { tabId }, files: [FLOWS_FILE] });
    else await browser.tabs.executeScript(tabId, { file: FLOWS_FILE });
  };

  const route = createRouter(createHandlers({ db, now: () => new Date(), onLimitChange: showBadge, tabs, injectFlows }));
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { tabId: sender.tab?.id, senderUrl: sender.url }),
  );

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  loadLimitState(db, new Date())
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
