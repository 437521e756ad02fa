import { createContext, useContext, type ReactNode } from 'react';
import type { DataStatus } from '../../lib/backup/status';
import type { MessageName, RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { JobLensDb } from '../../lib/store/db';

export type Send = <K extends MessageName>(name: K, data: RequestOf<K>) => Promise<ResponseOf<K>>;

/**
 * Everything the extension's pages (the popup and the options page) need from outside React. Each
 * entrypoint builds it from `browser.*`; tests build it over a fake-indexeddb database and the
 * background's real handlers, so the components never touch `browser` themselves.
 */
export interface ExtensionApi {
  /** Read side: the page reads the extension's database directly (same origin). */
  db: JobLensDb;
  /** Write side: every change goes to the background, which validates it and keeps the toolbar badge true. */
  send: Send;
  openOptions(): Promise<void>;
  /** Saves text as a file for the user. */
  download(fileName: string, text: string, mimeType: string): void;
  /**
   * Where the file picker for import must live: Firefox closes a popup when a file dialog opens,
   * so there the import opens the same page in a tab. Undefined when the picker can open here.
   */
  openImportTab?: () => Promise<void>;
  now(): Date;
  /**
   * Asks the current tab's content script what it found on a job page Job Lens has no posting
   * for (null when it does not answer). Absent when the page is not about a tab.
   */
  askPage?: () => Promise<{ jobId: string; state: 'reading' | 'read' | 'gone' | 'unreadable' } | null>;
  /** Where the full export and import live (the popup's page), when it can be opened as a link. */
  dataPageUrl?: string;
}

const ApiContext = createContext<ExtensionApi | null>(null);

export function ApiProvider({ api, children }: { api: ExtensionApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ExtensionApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** What the notices and the settings' data section need from outside React. */
export interface DataApi {
  status(): Promise<DataStatus>;
  dismiss(id: string): Promise<void>;
}

export function dataApiFrom(send: Send): DataApi {
  return {
    status: async () => (await send('data:status', {})).status,
    dismiss: async (id) => {
      await send('data:dismissNotice', { id });
    },
  };
}
