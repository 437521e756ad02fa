import { browser } from 'wxt/browser';
import { startStore, withBackup } from '../lib/backup/keeper';
import { openMemoryDb } from '../lib/backup/memory';
import { badgeFor, type LimitState } from '../lib/limit/limit';
import { FLOWS_FILE } from '../lib/flows/inject';
import { TabMemory, type KeyValueArea } from '../lib/flows/tabs';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter } from '../lib/messages/router';
import { openDb } from '../lib/store/db';
import { loadLimitState } from '../lib/store/limit';

export default defineBackground(() => {
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

  // The database lives here, in the extension's origin: a content script's IndexedDB would be the
  // website's. It opens (and, from the copy in storage.local, restores) before the first message
  // is answered; messages that arrive meanwhile wait for it.
  const started = startStore({
    area: browser.storage.local,
    now: () => new Date(),
    open: () => openDb(),
    openMemory: () => openMemoryDb(),
  });
  const route = started.then(({ keeper }) =>
    createRouter(
      withBackup(createHandlers({ db: keeper.db, now: () => new Date(), onLimitChange: showBadge, data: keeper, tabs, injectFlows }), keeper),
    ),
  );
  browser.runtime.onMessage.addListener((message, sender) =>
    route.then((r) => r(message, { tabId: sender.tab?.id, senderUrl: sender.url })),
  );

  // Firefox's background is a page and may ask for persistent storage; Chrome's worker cannot (the
  // extension pages ask there). Unpersisted storage is what the browser evicts first when the disk fills.
  void globalThis.navigator?.storage?.persist?.().catch(() => false);

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  started
    .then(({ keeper }) => loadLimitState(keeper.db, new Date()))
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
