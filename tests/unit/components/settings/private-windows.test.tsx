// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, type ExtensionApi } from '../../../../components/shared/api';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { PrivateWindows, type PrivateWindowsApi } from '../../../../components/settings/PrivateWindows';
import { sendMessage } from '../../../../lib/messages/client';
import { createHandlers } from '../../../../lib/messages/handlers';
import { createRouter } from '../../../../lib/messages/router';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { classifySender } from '../../../../lib/messages/senders';
import { classifyUrl } from '../../../../lib/sites/urls';
import { getRecordPrivateWindows } from '../../../../lib/store/settings';
import { SELF } from '../../support/sent-from';
import { campusPageText } from '../../support/job-page';

// The options page's private-window switch over a real (fake-indexeddb) database, its saves going
// through the background's router and handlers; and the background using the stored choice.

const dbs: JobLensDb[] = [];
afterEach(async () => {
  cleanup();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function setup(refuse?: string) {
  const db = openDb(`private-windows-${Math.random()}`);
  dbs.push(db);
  const route = createRouter(createHandlers({ db, now: () => new Date('2026-11-02T10:00:00Z') }), {
    recordsPrivateWindows: () => getRecordPrivateWindows(db),
  });
  const api: PrivateWindowsApi = {
    load: () => getRecordPrivateWindows(db),
    save: async (record) =>
      (
        await sendMessage(
          async (message) => (refuse ? { ok: false, code: 'failed', message: refuse } : route(message)),
          'settings:setRecordPrivate',
          { recordPrivateWindows: record },
          { attempts: 1 },
        )
      ).recordPrivateWindows,
  };
  return { db, route, api };
}

const box = () => screen.getByRole('checkbox', { name: 'Record job pages I view in private windows' }) as HTMLInputElement;

describe('private windows setting', () => {
  it('is off by default, and turning it on is stored and used by the background', async () => {
    const { db, api } = setup();
    render(<PrivateWindows api={api} />);
    await waitFor(() => expect(box().disabled).toBe(false));
    expect(box().checked).toBe(false);
    expect(await getRecordPrivateWindows(db)).toBe(false);
    await userEvent.setup().click(box());
    await waitFor(() => expect(box().checked).toBe(true));
    expect(await getRecordPrivateWindows(db)).toBe(true);
    expect(await db.settings.get('recordPrivateWindows')).toMatchObject({ value: true, updatedAt: '2026-11-02T10:00:00.000Z' });
  });

  it('says when the save was refused and keeps the stored choice', async () => {
    const { db, api } = setup('database closed');
    render(<PrivateWindows api={api} />);
    await waitFor(() => expect(box().disabled).toBe(false));
    await userEvent.setup().click(box());
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: database closed');
    expect(box().checked).toBe(false);
    expect(await getRecordPrivateWindows(db)).toBe(false);
  });
});

describe('the popup on a private window’s job tab', () => {
  const JOB_ID = '7500000000000000001';
  const JOB_URL = `https://lifeattiktok.com/search/${JOB_ID}`;

  /** The popup over the same database, and the tab's content script sending through the real sender check. */
  function popupSetup() {
    const { db, route } = setup();
    let optionsOpened = 0;
    const api: ExtensionApi = {
      db,
      send: (name, data) => sendMessage((m) => route(m), name, data, { attempts: 1 }),
      openOptions: async () => {
        optionsOpened += 1;
      },
      download: () => undefined,
      now: () => new Date('2026-11-02T10:00:00Z'),
      // The content script read the posting; whether it was kept is the background's call.
      askPage: async () => ({ jobId: JOB_ID, state: 'read' }),
    };
    const fromTab = (incognito: boolean) => {
      const verdict = classifySender({ id: SELF.id, url: JOB_URL, frameId: 0, tab: { id: 9, url: JOB_URL, incognito } }, SELF);
      if (!verdict.ok) throw new Error(verdict.message);
      return verdict.context;
    };
    const seen = (incognito: boolean) =>
      route({ name: 'page:read', data: { jobId: JOB_ID, page: campusPageText('Data Engineer Intern'), last: null } }, fromTab(incognito));
    const renderPopup = (privateTab: boolean) =>
      render(
        <ApiProvider api={api}>
          <PopupApp page={classifyUrl(new URL(JOB_URL))} privateTab={privateTab} />
        </ApiProvider>,
      );
    return { db, api, seen, renderPopup, optionsOpened: () => optionsOpened };
  }

  it('says in one line that the job was not recorded and why, with a way to the setting', async () => {
    const { db, seen, renderPopup, optionsOpened } = popupSetup();
    const refused = await seen(true);
    expect(refused).toMatchObject({
      ok: false,
      code: 'private-window',
      message: expect.stringContaining('private window is not recorded'),
    });
    expect(await db.jobs.get(JOB_ID)).toBeUndefined();

    renderPopup(true);
    const line = await screen.findByTestId('private-not-recorded');
    expect(line.querySelectorAll('p')).toHaveLength(1);
    expect(line.textContent).toContain('Not recorded: this is a private window');
    expect(screen.queryByText(/reading this job/)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Record job pages I view in private windows' }));
    expect(optionsOpened()).toBe(1);
  });

  it('says nothing of the kind once the user allows private windows, nor on a regular window', async () => {
    const allowed = popupSetup();
    await allowed.api.send('settings:setRecordPrivate', { recordPrivateWindows: true });
    const view = allowed.renderPopup(true);
    expect((await screen.findByTestId('not-read-yet')).textContent).toContain('reading this job');
    expect(screen.queryByTestId('private-not-recorded')).toBeNull();
    // Allowed, the same posting from the same private tab is kept, and the popup shows it.
    expect((await allowed.seen(true)).ok).toBe(true);
    expect((await screen.findByRole('heading', { level: 2 })).id).toBe('job-title');
    view.unmount();

    const regular = popupSetup();
    regular.renderPopup(false);
    expect((await screen.findByTestId('not-read-yet')).textContent).toContain('reading this job');
    expect(screen.queryByTestId('private-not-recorded')).toBeNull();
  });

  it('shows a job already kept (seen in a regular window) as usual, in a private window too', async () => {
    const { seen, renderPopup } = popupSetup();
    expect((await seen(false)).ok).toBe(true);
    renderPopup(true);
    expect((await screen.findByRole('heading', { level: 2 })).id).toBe('job-title');
    expect(screen.queryByTestId('private-not-recorded')).toBeNull();
  });
});
