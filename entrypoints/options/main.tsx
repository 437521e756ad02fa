import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ProfilePageApi } from '../../components/profile/ProfileEditor';
import { sendMessage } from '../../lib/messages/client';
import { openDb } from '../../lib/store/db';
import { App } from './App';
import './style.css';

const api: ProfilePageApi = {
  db: openDb(),
  saveProfile: (profile) => sendMessage((message) => browser.runtime.sendMessage(message), 'profile:save', { profile }),
  download(fileName, text, mimeType) {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // Firefox reads the object URL after the click returns; revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  now: () => new Date(),
  dataPageUrl: browser.runtime.getURL('/popup.html'),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
