import { browser } from 'wxt/browser';
import { startStore, withBackup } from '../lib/backup/keeper';
import { openMemoryDb } from '../lib/backup/memory';
import { badgeFor, type LimitState } from '../lib/limit/limit';
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
      withBackup(createHandlers({ db: keeper.db, now: () => new Date(), onLimitChange: showBadge, data: keeper }), keeper),
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
