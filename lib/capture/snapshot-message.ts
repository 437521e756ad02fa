/**
 * The popup's request to the content script of the active tab for the page as shown ("This posting
 * was read wrong"). The content script sends the page's HTML only; the popup sanitises it
 * (lib/capture/snapshot.ts), so the content script stays small.
 */
export const SNAPSHOT_REQUEST = 'job-lens:snapshot';

export interface SnapshotReply {
  url: string;
  html: string;
}
