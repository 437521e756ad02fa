// First, so every component's own rules come after the tokens and the reset.
import './style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/backup/copy';
import { openPageDb, requestPersistence } from '../../components/data/page-db';
import { downloadText } from '../../components/shared/download';
import { ApiProvider, type ExtensionApi } from '../../components/shared/api';
import { send } from '../../components/shared/page-transport';
import { PopupApp } from '../../components/popup/PopupApp';
import { readFirstScreen } from '../../components/popup/usePopupData';
import { classifyUrl, jobIdOf, type PageKind } from '../../lib/sites/urls';

/**
 * Query parameters, for when this page is opened as a tab rather than as the toolbar popup:
 * - `tab=<id>`: show the job in that tab instead of the active one (the end-to-end tests and the
 *   demo open the popup as a page, which would otherwise be its own "current tab");
 * - `in=tab`: already in a tab, so the import's file picker can open here (see `openImportTab`).
 */
const params = new URLSearchParams(location.search);
const inTab = params.get('in') === 'tab';

let currentTabId: number | undefined;

interface CurrentTab {
  page: PageKind;
  /** The tab is in a private window: what it shows is recorded only if the user allowed it. */
  incognito: boolean;
}

async function currentTab(): Promise<CurrentTab> {
  try {
    const tabParam = Number(params.get('tab'));
    const tab =
      Number.isInteger(tabParam) && tabParam > 0
        ? await browser.tabs.get(tabParam)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    currentTabId = tab?.id;
    // `url` is only visible on the careers hosts (host permissions), which is all we need.
    return { page: tab?.url ? classifyUrl(new URL(tab.url)) : { kind: 'other' }, incognito: tab?.incognito === true };
  } catch {
    return { page: { kind: 'other' }, incognito: false };
  }
}

// Firefox closes the popup as soon as a file dialog opens, and the chosen file is lost with it.
const firefoxPopup = !inTab && browser.runtime.getURL('/').startsWith('moz-extension:');

// The tab is asked at once, while the database opens: the first screen waits for both.
const tabRead = currentTab();

// Where IndexedDB is unavailable the page mirrors the background's data; each write then waits
// for the mirror to catch up, so what the user just did is on screen when the promise settles.
const pageDb = await openPageDb(send, undefined, browser.storage.local, (browser.storage as { session?: KeyValueArea }).session);
void requestPersistence();

const api: ExtensionApi = {
  db: pageDb.db,
  send: async (name, data) => {
    const reply = await send(name, data);
    await pageDb.refresh();
    return reply;
  },
  openOptions: () => browser.runtime.openOptionsPage(),
  download: downloadText,
  now: () => new Date(),
  // The content script answers `page:state` (see entrypoints/job.content.ts); no answer is null.
  askPage: async () => {
    if (currentTabId === undefined) return null;
    try {
      const answer = (await browser.tabs.sendMessage(currentTabId, { name: 'page:state' })) as
        { jobId?: unknown; state?: unknown } | null | undefined;
      const states = ['reading', 'read', 'gone', 'unreadable'] as const;
      if (!answer || typeof answer.jobId !== 'string' || !states.includes(answer.state as (typeof states)[number])) return null;
      return { jobId: answer.jobId, state: answer.state as (typeof states)[number] };
    } catch {
      return null;
    }
  },
  ...(firefoxPopup
    ? {
        openImportTab: async () => {
          await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?in=tab') });
          window.close();
        },
      }
    : {}),
};

// The first render waits for the tab and the first screen's data, so that it shows them rather
// than a loading screen that live queries fill a paint later. A read that fails leaves it to them.
const tab = await tabRead;
const first = await readFirstScreen(pageDb.db, api.now(), jobIdOf(tab.page)).catch(() => undefined);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <PopupApp page={tab.page} privateTab={tab.incognito} first={first} />
    </ApiProvider>
  </StrictMode>,
);
