import { browser } from 'wxt/browser';
import { badgeFor, type LimitState } from '../lib/limit/limit';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter, createSenderGate } from '../lib/messages/router';
import { openDb } from '../lib/store/db';
import { loadLimitState } from '../lib/store/limit';
import { getRecordPrivateWindows } from '../lib/store/settings';

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

  const route = createRouter(createHandlers({ db, now: () => new Date(), onLimitChange: showBadge }), {
    recordsPrivateWindows: () => getRecordPrivateWindows(db),
  });
  // Every message passes the sender check first: who sent it is read from the browser's `sender`,
  // and what a content script may send is tied to its own tab (lib/messages/senders.ts).
  const gate = createSenderGate(route, () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }));
  browser.runtime.onMessage.addListener((message, sender) => gate(message, sender));

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  loadLimitState(db, new Date())
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
