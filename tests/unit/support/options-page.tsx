import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import type { ExtensionApi } from '../../../components/shared/api';
import { App } from '../../../entrypoints/options/App';
import { sendMessage } from '../../../lib/messages/client';
import { createHandlers } from '../../../lib/messages/handlers';
import { createRouter } from '../../../lib/messages/router';
import { openDb, type JobLensDb } from '../../../lib/store/db';

/**
 * The options page over a real (fake-indexeddb) database, its saves going through the background's
 * real router and handlers, so the row a test reads back is what the extension would store.
 */
export const NOW = new Date('2025-11-15T10:00:00');

export interface TestPage {
  db: JobLensDb;
  api: ExtensionApi & { downloads: { fileName: string; text: string; mimeType: string }[]; sent: unknown[] };
  user: ReturnType<typeof userEvent.setup>;
}

let count = 0;

export function freshDb(): JobLensDb {
  count += 1;
  return openDb(`job-lens-options-test-${count}`);
}

/** `refuse` makes the background answer every save with that error instead of storing. */
export function renderOptions(db: JobLensDb = freshDb(), { refuse }: { refuse?: string } = {}): TestPage {
  const route = createRouter(createHandlers({ db, now: () => NOW }));
  const sent: unknown[] = [];
  const downloads: TestPage['api']['downloads'] = [];
  const api: TestPage['api'] = {
    db,
    send: (name, data) =>
      sendMessage(
        async (message) => {
          sent.push(message);
          return refuse ? { ok: false, code: 'failed', message: refuse } : route(message);
        },
        name,
        data,
        { attempts: 1 },
      ),
    openOptions: async () => undefined,
    download: (fileName, text, mimeType) => void downloads.push({ fileName, text, mimeType }),
    now: () => NOW,
    dataPageUrl: 'chrome-extension://test/popup.html',
    downloads,
    sent,
  };
  const user = userEvent.setup();
  render(<App api={api} />);
  return { db, api, user };
}

export async function closeDb(db: JobLensDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}
