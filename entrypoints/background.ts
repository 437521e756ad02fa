import { browser } from 'wxt/browser';
import { createHandlers } from '../lib/messages/handlers';
import { createRouter } from '../lib/messages/router';
import { openDb } from '../lib/store/db';

export default defineBackground(() => {
  // The database lives here, in the extension's origin: a content script's IndexedDB would be the website's.
  const db = openDb();
  const route = createRouter(createHandlers({ db, now: () => new Date() }));

  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { tabId: sender.tab?.id, senderUrl: sender.url }),
  );
});
