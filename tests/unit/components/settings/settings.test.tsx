// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramPicker } from '../../../../components/limit/ProgramPicker';
import { ApiProvider } from '../../../../components/shared/api';
import { DeleteData } from '../../../../components/settings/DeleteData';
import { LimitSettings } from '../../../../components/settings/LimitSettings';
import { FAQ_LIMIT_SENTENCE } from '../../../../lib/sites/programs';
import { loadLimitState } from '../../../../lib/store/limit';
import { getSettings } from '../../../../lib/store/settings';
import type { JobLensDb } from '../../../../lib/store/db';
import {
  addJob,
  BIGDATA_JOB,
  closeDb,
  DATA_SCIENTIST_JOB,
  freshDb,
  NOW,
  PHD_JOB,
  renderWithApi,
  testApi,
  type TestApi,
} from '../../support/popup-page';
import { local } from '../../support/local-time';

let db: JobLensDb;
let api: TestApi;
beforeEach(() => {
  db = freshDb();
  api = testApi(db);
});
afterEach(async () => {
  cleanup();
  await closeDb(db);
});

const SENIOR = '7500000000000000003';
const senior = () =>
  addJob(db, {
    jobId: SENIOR,
    title: 'Senior Backend Engineer - Shop Seller Growth',
    employmentType: 'Regular',
    cohort: null,
    applicationLimit: null,
  });

describe('LimitSettings', () => {
  it('shows the FAQ’s sentence beside the strict reading, off by default, and turns it on and off', async () => {
    renderWithApi(api, <LimitSettings />);
    const section = await screen.findByTestId('limit-settings');
    expect(section.textContent).toContain(FAQ_LIMIT_SENTENCE);
    const strict = await screen.findByRole('checkbox', { name: /Strict reading/ });
    await waitFor(() => expect((strict as HTMLInputElement).disabled).toBe(false));
    expect((strict as HTMLInputElement).checked).toBe(false);
    await userEvent.click(strict);
    await waitFor(async () => expect((await getSettings(db)).strictLimit).toBe(true));
    await waitFor(() => expect((strict as HTMLInputElement).checked).toBe(true));
    await screen.findByText('Counting every early-career application together');
    await waitFor(() => expect((strict as HTMLInputElement).disabled).toBe(false));
    await userEvent.click(strict);
    await waitFor(async () => expect((await getSettings(db)).strictLimit).toBe(false));
  });

  it('sets and clears the start of the recruiting cycle', async () => {
    renderWithApi(api, <LimitSettings />);
    const date = (await screen.findByLabelText('Recruiting cycle starts on')) as HTMLInputElement;
    await userEvent.type(date, '2025-09-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save cycle start' }));
    await waitFor(async () => expect((await getSettings(db)).cycleStart).toBe('2025-09-01'));
    await screen.findByText('Cycle starts on 2025-09-01');
    await userEvent.clear(date);
    const save = screen.getByRole('button', { name: 'Save cycle start' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    // The stored value arriving later does not undo the edit.
    expect(date.value).toBe('');
    await userEvent.click(save);
    await waitFor(async () => expect((await getSettings(db)).cycleStart).toBeNull());
  });

  it('lists the jobs with a corrected program, and undoes a correction', async () => {
    await addJob(db, { jobId: BIGDATA_JOB }, undefined, { status: 'applied', appliedAt: local('2025-11-01T12:00:00') });
    await senior();
    await api.send('job:setProgram', { jobId: BIGDATA_JOB, program: 'none' });
    await api.send('job:setProgram', { jobId: SENIOR, program: { key: 'graduate:2026-start', label: 'Graduate · 2026 Start' } });
    renderWithApi(api, <LimitSettings />);
    const list = await screen.findByTestId('corrections');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-job-id')).sort()).toEqual([BIGDATA_JOB, SENIOR].sort());
    const bigData = items.find((li) => li.getAttribute('data-job-id') === BIGDATA_JOB)!;
    expect(bigData.textContent).toContain('counts against nothing (no limit)');
    expect(bigData.textContent).toContain('the posting says Undergrad/Master Intern · 2026 Start');
    expect((await loadLimitState(db, NOW)).programs).toEqual([]);

    await userEvent.click(within(bigData).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.programOverride).toBeNull());
    await waitFor(() => expect(within(screen.getByTestId('corrections')).getAllByRole('listitem')).toHaveLength(1));
    expect((await loadLimitState(db, NOW)).programs.map((p) => [p.program.key, p.used])).toEqual([['intern-bsms:2026-start', 1]]);
  });
});

describe('DeleteData', () => {
  it('deletes one job only on a second click of its own button', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    await addJob(db, { jobId: DATA_SCIENTIST_JOB });
    renderWithApi(api, <DeleteData />);
    await userEvent.type(screen.getByLabelText('Find a job to delete'), 'big data');
    const results = await screen.findByRole('list', { name: 'Jobs found' });
    const item = within(results).getByRole('listitem');
    expect(item.getAttribute('data-job-id')).toBe(BIGDATA_JOB);
    await userEvent.click(within(item).getByRole('button', { name: /^Delete / }));
    // One click arms it, nothing is gone yet.
    expect(await db.jobs.get(BIGDATA_JOB)).toBeDefined();
    await userEvent.click(within(item).getByRole('button', { name: /^Click again to delete/ }));
    await waitFor(async () => expect(await db.jobs.get(BIGDATA_JOB)).toBeUndefined());
    expect(await db.jobs.get(DATA_SCIENTIST_JOB)).toBeDefined();
  });

  it('deletes everything only once the phrase is typed', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await api.send('settings:setStrictLimit', { strict: true });
    renderWithApi(api, <DeleteData />);
    const button = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/to confirm/), 'delete every');
    expect(button.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/to confirm/), 'thing');
    expect(button.disabled).toBe(false);
    await userEvent.click(button);
    await waitFor(async () => expect(await db.jobs.count()).toBe(0));
    expect(await db.settings.count()).toBe(0);
  });

  it('is refused by the background without the exact phrase', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await expect(api.send('data:deleteAll', { confirm: 'yes' as never })).rejects.toThrow();
    expect(await db.jobs.count()).toBe(1);
  });
});

describe('ProgramPicker', () => {
  it('shows the job’s program and corrects it only when saved', async () => {
    const job = await addJob(db, { jobId: BIGDATA_JOB });
    await addJob(db, { jobId: PHD_JOB });
    const { rerender } = renderWithApi(api, <ProgramPicker job={job} />);
    expect(screen.getByTestId('program-label').textContent).toBe('Undergrad/Master Intern · 2026 Start');
    expect(screen.getByTestId('program').textContent).toContain('(from the posting)');
    await userEvent.click(screen.getByRole('button', { name: 'Change' }));
    const select = (await screen.findByRole('combobox', { name: 'Counts against' })) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    const options = Array.from(select.options).map((o) => o.textContent);
    expect(options).toEqual(
      expect.arrayContaining(['No limit (counts against nothing)', 'PhD Intern · 2026 Start', 'Graduate · 2026 Start']),
    );
    await userEvent.selectOptions(select, 'PhD Intern · 2026 Start');
    // Choosing in the list changes nothing yet.
    expect((await db.jobs.get(BIGDATA_JOB))?.programOverride).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await db.jobs.get(BIGDATA_JOB))?.programOverride).toEqual({ key: 'intern-phd:2026-start', label: 'PhD Intern · 2026 Start' }),
    );
    const saved = (await db.jobs.get(BIGDATA_JOB))!;
    rerender(
      <ApiProvider api={api}>
        <ProgramPicker job={saved} />
      </ApiProvider>,
    );
    expect(screen.getByTestId('program-label').textContent).toBe('PhD Intern · 2026 Start');
    expect(screen.getByTestId('program').textContent).toContain('(your correction)');
  });

  it('says an experienced-hire job has no limit', async () => {
    const job = await senior();
    renderWithApi(api, <ProgramPicker job={job} />);
    expect(screen.getByTestId('program-label').textContent).toBe('No application limit');
  });
});
