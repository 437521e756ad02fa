// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TransferPanel } from '../../../../components/saved-jobs/TransferPanel';
import { freshDb, renderWithApi, testApi } from '../../support/popup-page';

const FIXTURE_TEXT = readFileSync(resolve(__dirname, '../../../fixtures/exports/v1.json'), 'utf8');

afterEach(() => cleanup());

describe('the import in the popup page', () => {
  it('reads the chosen file and writes it here, then tells the background, which recomputes the limit (the badge)', async () => {
    const db = freshDb();
    const api = testApi(db);
    const sent: string[] = [];
    const send = api.send;
    api.send = (name, data) => {
      sent.push(name);
      return send(name, data);
    };
    renderWithApi(api, <TransferPanel />);
    await userEvent.upload(
      screen.getByTestId('import-input'),
      new File([FIXTURE_TEXT], 'job-lens-2025-11-03.json', { type: 'application/json' }),
    );
    await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).toMatch(/^Imported: 6 jobs added/));
    expect(await db.jobs.count()).toBe(6);
    // Only the notice that data came in went through a message (the background then recomputes the
    // limit and follows with its backup copy): no file text crosses to the background.
    expect(sent).toEqual(['data:imported']);
    expect(api.badges).toEqual(['2/2']);
  });

  it('shows why a bad file is refused and writes nothing', async () => {
    const db = freshDb();
    const api = testApi(db);
    renderWithApi(api, <TransferPanel />);
    await userEvent.upload(
      screen.getByTestId('import-input'),
      new File([FIXTURE_TEXT.slice(0, 5000)], 'cut.json', { type: 'application/json' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toMatch(
        /^Import refused, nothing was changed\. The file is not valid JSON/,
      ),
    );
    expect(await db.jobs.count()).toBe(0);
    expect(api.badges).toEqual([]);
  });
});
