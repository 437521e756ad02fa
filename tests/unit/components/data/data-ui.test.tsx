// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataNotices } from '../../../../components/data/DataNotices';
import { dataApiFrom, type Send } from '../../../../components/shared/api';
import { DataSection, type DataSectionApi } from '../../../../components/settings/DataSection';
import { startStore, withBackup, type DataKeeper } from '../../../../lib/backup/keeper';
import { openMemoryDb } from '../../../../lib/backup/memory';
import { sendMessage } from '../../../../lib/messages/client';
import { createHandlers } from '../../../../lib/messages/handlers';
import { createRouter } from '../../../../lib/messages/router';
import { openDb } from '../../../../lib/store/db';
import { makePosting } from '../../support/factory';
import { contextFor } from '../../support/sent-from';

/** The notices and the settings' data section over the background's real keeper and handlers. */

const NOW = new Date('2026-03-02T09:00:00.000Z');
let count = 0;
const area = {
  get: (k: string) => fakeBrowser.storage.local.get(k),
  set: (i: Record<string, unknown>) => fakeBrowser.storage.local.set(i),
};

async function background() {
  count += 1;
  const { keeper } = await startStore({
    area,
    now: () => NOW,
    open: () => openDb(`job-lens-ui-${count}`),
    openMemory: () => openMemoryDb(`mem-ui-${count}`),
  });
  const route = createRouter(withBackup(createHandlers({ db: keeper.db, now: () => NOW, data: keeper }), keeper));
  // Each message from where the extension sends it: a content script's from its tab, the rest from the popup.
  const send: Send = (name, data) => sendMessage((m) => route(m, contextFor(name, data)), name, data, { attempts: 1 });
  return { keeper, send };
}

function sectionApi(keeper: DataKeeper, send: Send, persisted: boolean): DataSectionApi & { asked: number } {
  const api = {
    ...dataApiFrom(send),
    countJobs: () => keeper.db.jobs.count(),
    storage: {
      estimate: async () => ({ usage: 3.4 * 1024 * 1024, quota: 10 * 1024 ** 3 }),
      persisted: async () => persisted,
      persist: async () => {
        api.asked += 1;
        persisted = true;
        return true;
      },
    },
    now: () => NOW,
    asked: 0,
  };
  return api;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('the data section of the settings', () => {
  it('shows the jobs, the size, the persistence state and the last copy, and asks for persistence', async () => {
    const { keeper, send } = await background();
    const job = makePosting({ jobId: '7600000000000000100' });
    await send('posting:seen', { posting: job });
    await send('job:setStatus', { jobId: job.jobId, status: 'saved' });
    const api = sectionApi(keeper, send, false);
    render(<DataSection api={api} />);

    await waitFor(() => expect(screen.getByTestId('data-size').textContent).toBe('1 job, 3.4 MB in this browser'));
    // The copy was written at NOW, shown on the user's own clock.
    const local = NOW.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
    expect(screen.getByTestId('data-backup').textContent).toBe(
      `Last written ${local}, 1 job with your applications, statuses or notes, your settings and profile`,
    );
    expect(screen.getByTestId('data-persisted').textContent).toContain('No: the browser decides');
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep it' }));
    await waitFor(() => expect(screen.getByTestId('data-persisted').textContent).toContain('Yes: the browser will not clear Job Lens'));
    expect(api.asked).toBe(1);
  });

  it('names the last write that failed', async () => {
    const { keeper, send } = await background();
    await keeper.writeFailed(Object.assign(new Error('QuotaExceededError: disk full'), { name: 'QuotaExceededError' }));
    render(<DataSection api={sectionApi(keeper, send, true)} />);
    await waitFor(() => expect(screen.getByTestId('data-write-failure').textContent).toContain('QuotaExceededError: disk full'));
  });
});

describe('the notices', () => {
  it('shows a restore notice as text and drops it for good once dismissed', async () => {
    const { keeper, send } = await background();
    await keeper.notify('restored', 'Job Lens found its database empty and restored <b>2 applications</b> from its backup copy.');
    const api = dataApiFrom(send);
    const first = render(<DataNotices api={api} />);
    const notice = await screen.findByTestId('data-notice');
    expect(notice.textContent).toContain('restored <b>2 applications</b>');
    expect(notice.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('data-notice')).toBeNull());
    first.unmount();
    render(<DataNotices api={api} />);
    // Another page opened later: still gone.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('data-notice')).toBeNull();
    expect(keeper.status().notices).toEqual([]);
  });
});
