// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PrivateWindows, type PrivateWindowsApi } from '../../../components/settings/PrivateWindows';
import { sendMessage } from '../../../lib/messages/client';
import { createHandlers } from '../../../lib/messages/handlers';
import { createRouter } from '../../../lib/messages/router';
import { openDb, type JobLensDb } from '../../../lib/store/db';
import { getRecordPrivateWindows } from '../../../lib/store/settings';

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
          async (message) => (refuse ? { ok: false, error: refuse } : route(message)),
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
