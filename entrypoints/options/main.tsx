import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import type { ProfilePageApi } from '../../components/profile/ProfileEditor';
import type { SettingsApi } from '../../components/settings/api';
import { sendMessage } from '../../lib/messages/client';
import { openDb } from '../../lib/store/db';
import { App } from './App';
import './style.css';

const db = openDb();
const send: SettingsApi['send'] = (name, data) => sendMessage((message) => browser.runtime.sendMessage(message), name, data);
const api: ProfilePageApi = {
  db,
  saveProfile: (profile) => sendMessage((message) => browser.runtime.sendMessage(message), 'profile:save', { profile }),
  download: downloadText,
  now: () => new Date(),
  dataPageUrl: browser.runtime.getURL('/popup.html'),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} settings={{ db, send, now: () => new Date() }} />
  </StrictMode>,
);
