// First, so every component's own rules come after the tokens and the reset.
import './style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/backup/copy';
import { openPageDb, requestPersistence } from '../../components/data/page-db';
import { downloadText } from '../../components/shared/download';
import { dataApiFrom, type ExtensionApi } from '../../components/shared/api';
import { send } from '../../components/shared/page-transport';
import type { DataSectionApi } from '../../components/settings/DataSection';
import { countJobs } from '../../lib/store/queries';
import { getRecordPrivateWindows } from '../../lib/store/settings';
import type { PrivateWindowsApi } from '../../components/settings/PrivateWindows';
import type { PageMarksApi } from '../../components/settings/PageMarks';
import { PREFS_KEY, parsePrefs } from '../../lib/marks/prefs';
import { App } from './App';

const pageDb = await openPageDb(send, undefined, browser.storage.local, (browser.storage as { session?: KeyValueArea }).session);
void requestPersistence();

const data: DataSectionApi = {
  ...dataApiFrom(send),
  countJobs: () => countJobs(pageDb.db),
  storage: globalThis.navigator?.storage,
  now: () => new Date(),
};

const api: ExtensionApi = {
  db: pageDb.db,
  // Where the page mirrors the background's data, each write waits for the mirror to catch up.
  send: async (name, data) => {
    const reply = await send(name, data);
    await pageDb.refresh();
    return reply;
  },
  openOptions: () => browser.runtime.openOptionsPage(),
  download: downloadText,
  now: () => new Date(),
  dataPageUrl: browser.runtime.getURL('/popup.html'),
};

const privateWindows: PrivateWindowsApi = {
  load: () => getRecordPrivateWindows(pageDb.db),
  save: async (record) => (await send('settings:setRecordPrivate', { recordPrivateWindows: record })).recordPrivateWindows,
};

// Read from the extension's storage, written through the background (which tells open careers pages).
const pageMarks: PageMarksApi = {
  load: async () => parsePrefs((await browser.storage.local.get(PREFS_KEY))[PREFS_KEY]),
  save: async (enabled, restoreLine) => (await send('marks:setPrefs', { enabled, restoreLine })).prefs,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} data={data} privateWindows={privateWindows} pageMarks={pageMarks} settings />
  </StrictMode>,
);
