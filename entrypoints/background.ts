import { browser } from 'wxt/browser';
import { badgeFor, type LimitState } from '../lib/limit/limit';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter } from '../lib/messages/router';
import { openDb } from '../lib/store/db';
import { loadLimitState } from '../lib/store/limit';
import { createSummaryRefresher } from '../lib/store/match-summary';

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

  // Match scores are kept with each job; a profile changed, or a day passed, while stopped is caught up here.
  const summaries = createSummaryRefresher(db, () => new Date());
  summaries.refresh().catch((error) => console.error('Job Lens: could not update match scores', error));

  const route = createRouter(createHandlers({ db, now: () => new Date(), onLimitChange: showBadge, summaries }));
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { tabId: sender.tab?.id, senderUrl: sender.url }),
  );

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  loadLimitState(db, new Date())
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
