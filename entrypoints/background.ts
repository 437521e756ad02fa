import { browser } from 'wxt/browser';
import { startStore, withBackup } from '../lib/backup/keeper';
import { openMemoryDb } from '../lib/backup/memory';
import { BANNER_FILE } from '../lib/banner/inject';
import { FLOWS_FILE } from '../lib/flows/inject';
import { TabMemory, type KeyValueArea } from '../lib/flows/tabs';
import { badgeForCount, NO_PROGRAM_BADGE, overallBadge, type Badge, type LimitState } from '../lib/limit/limit';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter, createSenderGate } from '../lib/messages/router';
import { JOB_HOST_MATCHES } from '../lib/sites/hosts';
import { classifyUrl, siteOfHost } from '../lib/sites/urls';
import { openDb } from '../lib/store/db';
import { loadLimitState, pageLimitFor } from '../lib/store/limit';
import { getRecordPrivateWindows } from '../lib/store/settings';
import { createSummaryRefresher, type SummaryRefresher } from '../lib/store/match-summary';
import { areaPrefs } from '../lib/marks/prefs';
import { createMarksTabs } from '../lib/marks/sync';
import { MARKS_CHANGED, MARKS_FILE } from '../lib/marks/types';

export default defineBackground(() => {
  // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const paint = async (badge: Badge, tabId?: number) => {
    await action.setBadgeText({ text: badge.text, tabId });
    await action.setBadgeBackgroundColor({ color: badge.color, tabId });
    await action.setTitle({ title: badge.title, tabId });
  };
  /**
   * A careers tab on a job or its form shows that job's program ("2/2"); every other tab the
   * fullest program. Tab-specific badges are kept by the browser, so nothing here lives in memory
   * that an MV3 restart could lose: each run works everything out again from the database and
   * the tabs' addresses (visible on the careers hosts through the host permissions).
   */
  const paintTab = async (state: LimitState, tabId: number, url: string | undefined) => {
    const page = url ? classifyUrl(new URL(url)) : { kind: 'other' as const };
    // Set for the tab even where it matches the overall badge: a value the tab showed before
    // (another job, before a client-side navigation) must not stay behind.
    if (page.kind !== 'job' && page.kind !== 'apply') return paint(overallBadge(state), tabId);
    const db = await database();
    const job = await db.jobs.get(page.jobId);
    // A job not read yet (a form opened from a link) has no known program: the overall badge.
    if (!job) return paint(overallBadge(state), tabId);
    const { count } = await pageLimitFor(db, state, page.jobId);
    return paint(count ? badgeForCount(count) : NO_PROGRAM_BADGE, tabId);
  };

  const paintAll = async (state: LimitState) => {
    await paint(overallBadge(state));
    const tabs = await browser.tabs.query({ url: [...JOB_HOST_MATCHES] });
    for (const tab of tabs) if (tab.id !== undefined) await paintTab(state, tab.id, tab.url).catch(() => undefined);
  };

  // Many tabs saving at once would each repaint every tab: one repaint runs at a time, and the
  // changes that arrive meanwhile are answered by one more run with the newest state.
  let running: Promise<void> | null = null;
  let queued: LimitState | null = null;
  const showBadge = (state: LimitState): void => {
    queued = state;
    if (running) return;
    running = (async () => {
      while (queued) {
        const next = queued;
        queued = null;
        await paintAll(next).catch((error) => console.error('Job Lens: could not update the badge', error));
      }
      running = null;
    })();
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

  const inject = (file: typeof FLOWS_FILE | typeof BANNER_FILE | typeof MARKS_FILE) => async (tabId: number) => {
    // Chrome MV3 and Firefox both have `scripting` (with its permission); older Firefox only tabs.executeScript.
    if (browser.scripting) await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    else await browser.tabs.executeScript(tabId, { file });
  };
  const injectFlows = inject(FLOWS_FILE);
  const injectBanner = inject(BANNER_FILE);

  // The database lives here, in the extension's origin: a content script's IndexedDB would be the
  // website's. It opens (and, from the copy in storage.local, restores) before the first message
  // is answered; messages that arrive meanwhile wait for it.
  const started = startStore({
    area: browser.storage.local,
    ...(session ? { session } : {}),
    now: () => new Date(),
    open: () => openDb(),
    openMemory: () => openMemoryDb(),
    spaceLeft: async () => {
      const { quota, usage } = (await navigator.storage?.estimate?.()) ?? {};
      return quota === undefined || usage === undefined ? undefined : quota - usage;
    },
  });
  const database = () => started.then(({ keeper }) => keeper.db);

  // The marks on the careers pages: their setting in storage.local, their script injected into
  // careers tabs while they are wanted, and those tabs told after every change to what they show.
  const marksPrefs = areaPrefs(browser.storage.local);
  const marksTabs = createMarksTabs({
    prefs: marksPrefs,
    db: database,
    careersTabs: async () =>
      (await browser.tabs.query({ url: [...JOB_HOST_MATCHES] })).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    tell: (tabId) => browser.tabs.sendMessage(tabId, MARKS_CHANGED, { frameId: 0 }),
    inject: inject(MARKS_FILE),
  });
  const isCareersPage = (url: string | undefined) => {
    try {
      const page = new URL(url ?? '');
      return page.protocol === 'https:' && siteOfHost(page.hostname) !== null;
    } catch {
      return false;
    }
  };
  const marksChanged = () => void marksTabs.changed().catch((error) => console.error('Job Lens: could not update the page marks', error));
  // The popup can be opened from code only in some browsers and states (Chrome 127+ with a focused
  // window); where it cannot, the job page line expands in place instead.
  const openPopup = async () => {
    const open = (action as { openPopup?: () => Promise<void> }).openPopup;
    if (!open) return false;
    try {
      await open.call(action);
      return true;
    } catch {
      return false;
    }
  };
  // An update may bring a matcher that reads lines differently: the scores kept with each job are
  // then all computed again, not only tomorrow's (their freshness is the profile and the day).
  // Listened for at once, as the event comes with the worker's first start after the update.
  let updated = false;
  let current: SummaryRefresher | null = null;
  const keepScores = (work: Promise<void>) => work.catch((error) => console.error('Job Lens: could not update match scores', error));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'update') return;
    updated = true;
    if (current) void keepScores(current.rescoreAll());
  });
  const route = started.then(({ keeper }) => {
    const handlersFor = (db: typeof keeper.db) => {
      // Match scores are kept with each job; a profile changed, or a day passed, while stopped is caught up here.
      const summaries = createSummaryRefresher(db, () => new Date(), { onChange: marksChanged });
      current = summaries;
      void keepScores(updated ? summaries.rescoreAll() : summaries.refresh());
      return createHandlers({
        db,
        now: () => new Date(),
        onLimitChange: showBadge,
        data: keeper,
        tabs,
        injectFlows,
        injectBanner,
        summaries,
        marksPrefs,
        openPopup,
        onMarksChange: marksChanged,
      });
    };
    let handlers = handlersFor(keeper.db);
    // A database lost while the browser runs: from then on the handlers work on the copy.
    keeper.onSwitch(() => {
      handlers = handlersFor(keeper.db);
    });
    return createRouter(
      withBackup(() => handlers, keeper),
      { recordsPrivateWindows: () => getRecordPrivateWindows(keeper.db) },
    );
  });
  // Every message passes the sender check first: who sent it is read from the browser's `sender`,
  // and what a content script may send is tied to its own tab (lib/messages/senders.ts).
  const gate = createSenderGate(
    (message, context) => route.then((r) => r(message, context)),
    () => ({ id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') }),
  );
  // The promise returned is the reply, in both browsers: not a floating promise.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- see above
  browser.runtime.onMessage.addListener((message, sender) => gate(message, sender));

  // Firefox's background is a page and may ask for persistent storage; Chrome's worker cannot (the
  // extension pages ask there). Unpersisted storage is what the browser evicts first when the disk fills.
  void globalThis.navigator?.storage?.persist?.().catch(() => false);

  // A client-side navigation changes a tab's job without any message: follow its address.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'complete') return;
    // A careers page loaded a new document: the marks script, when wanted (redone after each load).
    if (change.status === 'complete' && isCareersPage(tab.url)) marksTabs.loaded(tabId).catch(() => undefined);
    // Any other page (another site, or one of Job Lens's own, such as the popup opened as a tab) shows
    // the overall badge without a repaint: it is reached only by loading a new document, and the browser
    // drops a tab's own badge then. Working out the limit there would read every application on every
    // page load anywhere, in the way of a popup reading its first screen.
    if (!isCareersPage(tab.url)) return;
    database()
      .then((db) => loadLimitState(db, new Date()))
      .then((state) => paintTab(state, tabId, tab.url))
      .catch(() => undefined);
  });

  // The badge survives browser restarts only if it is recomputed from the database at start-up.
  started
    .then(({ keeper }) => loadLimitState(keeper.db, new Date()))
    .then(showBadge)
    .catch((error) => console.error('Job Lens: could not compute the limit', error));
});
