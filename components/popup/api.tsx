import { createContext, useContext, type ReactNode } from 'react';
import type { MessageName, RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { JobLensDb } from '../../lib/store/db';

/**
 * Everything the popup needs from outside React. The entrypoint builds it from `browser.*`;
 * tests build it over a fake-indexeddb database and the background's real handlers, so the
 * components never touch `browser` themselves.
 */
export interface PopupApi {
  /** Read side: the popup reads the extension's database directly (same origin). */
  db: JobLensDb;
  /** Write side: every change goes to the background, which keeps the toolbar badge true. */
  send<K extends MessageName>(name: K, data: RequestOf<K>): Promise<ResponseOf<K>>;
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
   * for (null when it does not answer). Absent when the popup is not about a tab.
   */
  askPage?: () => Promise<{ jobId: string; state: 'reading' | 'read' | 'gone' | 'unreadable' } | null>;
}

const ApiContext = createContext<PopupApi | null>(null);

export function ApiProvider({ api, children }: { api: PopupApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): PopupApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
