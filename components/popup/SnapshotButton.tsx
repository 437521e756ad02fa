// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-tones.css';
import '../shared/popup-controls.css';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { takeSnapshot, snapshotFileName } from '../../lib/capture/snapshot';
import { SNAPSHOT_REQUEST, type SnapshotReply } from '../../lib/capture/snapshot-message';
import { downloadText } from '../shared/download';

/** The tab the popup is about: `?tab=<id>` when opened as a page (tests, demo), else the active one. */
async function jobTabId(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/**
 * "This posting was read wrong": saves a sanitised copy of the job page (no scripts, form controls,
 * link addresses or personal data) that `npm run -s fixture` turns into a test. tabs.sendMessage
 * needs no permission; the content script answers only the extension's own pages.
 */
export function SnapshotButton() {
  const [status, setStatus] = useState('');
  const save = async () => {
    try {
      const tabId = await jobTabId();
      if (tabId === undefined) throw new Error('no tab');
      const reply = (await browser.tabs.sendMessage(tabId, SNAPSHOT_REQUEST)) as SnapshotReply | undefined;
      if (!reply || typeof reply.html !== 'string' || typeof reply.url !== 'string') throw new Error('no reply');
      const url = new URL(reply.url);
      const now = new Date();
      const doc = new DOMParser().parseFromString(reply.html, 'text/html');
      const name = snapshotFileName(url, now);
      downloadText(name, takeSnapshot(doc, url, browser.runtime.getManifest().version, now), 'text/html');
      setStatus(`Saved ${name}: the job page without scripts, form fields or your details. Attach it to your report.`);
    } catch {
      setStatus('Could not copy this page. Reload it, wait until the job shows, and try again.');
    }
  };
  return (
    <p className="meta snapshot">
      <button type="button" className="link" onClick={() => void save()}>
        This posting was read wrong: save a snapshot
      </button>{' '}
      <span role="status">{status}</span>
    </p>
  );
}
