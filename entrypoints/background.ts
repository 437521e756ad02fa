import { browser } from 'wxt/browser';
import { badgeFor, type LimitState } from '../lib/limit/limit';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter } from '../lib/messages/router';
import { openDb } from '../lib/store/db';
import { loadLimitState } from '../lib/store/limit';
import { areaPrefs, bumpRevision } from '../lib/marks/prefs';

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

  // The popup can be opened from code only in some browsers and states (Chrome 127+ with a focused
  // window); where it cannot, the page line expands in place instead.
  const openPopup = async () => {
    const open = (action as { openPopup?: () => Promise<void> }).openPopup;
    if (!open) return false;
    try {
      await open();
      return true;
    } catch {
      return false;
    }
  };
  // Every change to the jobs passes through onLimitChange: the revision tells open careers pages to redraw their marks.
  const onLimitChange = async (limit: LimitState) => {
    await showBadge(limit);
    await bumpRevision(browser.storage.local, new Date());
  };
  const route = createRouter(
    createHandlers({
      db,
      now: () => new Date(),
      onLimitChange,
      marksPrefs: areaPrefs(browser.storage.local),
      openPopup,
      injectMarks: async (tabId) => {
        await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/marks.js'] });
      },
    }),
  );
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { tabId: sender.tab?.id, senderUrl: sender.url }),
  );

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  loadLimitState(db, new Date())
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
