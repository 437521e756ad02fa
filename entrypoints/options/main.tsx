import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import type { ProfilePageApi } from '../../components/profile/ProfileEditor';
import { sendMessage } from '../../lib/messages/client';
import { openDb } from '../../lib/store/db';
import { getRecordPrivateWindows } from '../../lib/store/settings';
import type { PrivateWindowsApi } from '../../components/settings/PrivateWindows';
import { App } from './App';
import './style.css';

const db = openDb();
const api: ProfilePageApi = {
  db,
  saveProfile: (profile) => sendMessage((message) => browser.runtime.sendMessage(message), 'profile:save', { profile }),
  download: downloadText,
  now: () => new Date(),
  dataPageUrl: browser.runtime.getURL('/popup.html'),
};

const privateWindows: PrivateWindowsApi = {
  load: () => getRecordPrivateWindows(db),
  save: async (record) =>
    (await sendMessage((message) => browser.runtime.sendMessage(message), 'settings:setRecordPrivate', { recordPrivateWindows: record }))
      .recordPrivateWindows,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} privateWindows={privateWindows} />
  </StrictMode>,
);
