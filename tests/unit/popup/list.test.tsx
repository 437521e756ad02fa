// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedJobsView } from '../../../components/jobs/SavedJobsView';
import type { JobLensDb } from '../../../lib/store/db';
import { closeDb, freshDb, giveListLayout, records, renderWithApi, testApi } from './helpers';

let db: JobLensDb;
let removeLayout: () => void;
beforeEach(() => {
  db = freshDb();
  removeLayout = giveListLayout();
});
afterEach(async () => {
  cleanup();
  removeLayout();
  await closeDb(db);
});

const many = records(10_000, (i) => ({
  title: `Software Engineer Intern ${i}`,
  site: i % 3 === 0 ? 'bytedance' : 'tiktok',
  locations: [['Singapore', 'London', 'San Jose', 'Sydney'][i % 4]!],
  status: i % 500 === 0 ? 'applied' : 'seen',
  appliedAt: i % 500 === 0 ? new Date(Date.UTC(2025, 8, 1) + i * 60_000).toISOString() : null,
}));
// Newest first, as the database hands them over.
const all = [...many].reverse();

describe('saved jobs list at 10,000 jobs', () => {
  it('renders only the rows in view, and the count of all', async () => {
    renderWithApi(testApi(db), <SavedJobsView data={{ all, recent: all.slice(0, 40), total: all.length }} profile={null} onOpen={() => {}} />);
    const list = screen.getByRole('list', { name: 'Saved jobs' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(4);
    expect(items.length).toBeLessThan(30);
    expect(items[0]!.textContent).toContain('Software Engineer Intern 9999');
    expect(screen.getByTestId('job-count').textContent).toBe('10,000 jobs');
    // The scroll height stands for every row, so the scroll bar tells where the user is.
    expect(parseInt((list as HTMLElement).style.height, 10)).toBe(10_000 * 62);
  });

  it('filters the whole set, not just the rows on screen', async () => {
    renderWithApi(testApi(db), <SavedJobsView data={{ all, recent: all.slice(0, 40), total: all.length }} profile={null} onOpen={() => {}} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'applied');
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('20 jobs of 10,000 jobs'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'applied');
    const first = within(screen.getByRole('list', { name: 'Saved jobs' })).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('Software Engineer Intern 9500');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Location' }), 'Sydney');
    // Applied jobs are every 500th, always index ≡ 0 (mod 4): none in Sydney.
    expect(await screen.findByText('No saved job matches these filters.')).toBeTruthy();
  });

  it('moves through rows with the arrow keys, beyond the rows first rendered', async () => {
    const opened: string[] = [];
    renderWithApi(
      testApi(db),
      <SavedJobsView data={{ all, recent: all.slice(0, 40), total: all.length }} profile={null} onOpen={(id) => opened.push(id)} />,
    );
    const firstRow = screen.getAllByRole('button', { name: /Software Engineer Intern 9999\b/ })[0]!;
    firstRow.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Software Engineer Intern 9997'));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Software Engineer Intern 0ByteDance'));
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual([all.at(-1)!.jobId]);
  });

  it('shows the most recent rows before all rows are read, the rest as placeholders', () => {
    renderWithApi(testApi(db), <SavedJobsView data={{ all: undefined, recent: all.slice(0, 3), total: 10_000 }} profile={null} onOpen={() => {}} />);
    const items = within(screen.getByRole('list', { name: 'Saved jobs' })).getAllByRole('listitem');
    expect(items.slice(0, 3).map((li) => li.getAttribute('data-job-id'))).toEqual(all.slice(0, 3).map((j) => j.jobId));
    expect(items[3]!.textContent).toBe('Loading…');
    expect(screen.getByTestId('job-count').textContent).toBe('10,000 jobs');
  });
});

describe('saved jobs list before the count arrives', () => {
  it('says it is counting rather than showing the first page size as the total', () => {
    renderWithApi(testApi(db), <SavedJobsView data={{ all: undefined, recent: all.slice(0, 40), total: undefined }} profile={null} onOpen={() => {}} />);
    expect(screen.getByTestId('job-count').textContent).toBe('Counting saved jobs…');
    expect(within(screen.getByRole('list', { name: 'Saved jobs' })).getAllByRole('listitem')[0]!.getAttribute('data-job-id')).toBe(all[0]!.jobId);
  });

  it('knows an empty table from an empty first page, without counting', () => {
    renderWithApi(testApi(db), <SavedJobsView data={{ all: undefined, recent: [], total: undefined }} profile={null} onOpen={() => {}} />);
    expect(screen.getByTestId('empty-state')).toBeTruthy();
  });
});

describe('import where the popup cannot keep a file dialog open', () => {
  it('offers a button that opens the import in a tab instead of a file input', async () => {
    const api = testApi(db);
    let opened = 0;
    api.openImportTab = async () => {
      opened += 1;
    };
    renderWithApi(api, <SavedJobsView data={{ all: [], recent: [], total: 0 }} profile={null} onOpen={() => {}} />);
    expect(screen.queryByTestId('import-input')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import…' }));
    expect(opened).toBe(1);
  });
});
