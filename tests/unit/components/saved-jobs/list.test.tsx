// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedJobsView } from '../../../../components/saved-jobs/SavedJobsView';
import type { JobLensDb } from '../../../../lib/store/db';
import { closeDb, freshDb, giveListLayout, records, renderWithApi, testApi } from '../../support/popup-page';

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

// Enough rows that only a window of them can be rendered, few enough to write fast into fake-indexeddb.
const SIZE = 3_000;
const many = records(SIZE, (i) => ({
  title: `Software Engineer Intern ${i}`,
  site: i % 3 === 0 ? 'bytedance' : 'tiktok',
  locations: [['Singapore', 'London', 'San Jose', 'Sydney'][i % 4]!],
  status: i % 500 === 0 ? 'applied' : i % 500 === 1 ? 'rejected' : 'seen',
  appliedAt: i % 500 <= 1 ? new Date(Date.UTC(2025, 8, 1) + i * 60_000).toISOString() : null,
}));
// Newest first, as the database hands them over.
const all = [...many].reverse();

async function seedMany() {
  await db.jobs.bulkPut(many);
}

describe(`jobs list at ${SIZE.toLocaleString('en')} jobs`, () => {
  it('renders only the rows in view, and the count of all', async () => {
    await seedMany();
    renderWithApi(testApi(db), <SavedJobsView recent={all.slice(0, 40)} total={all.length} scored={false} onOpen={() => {}} />);
    const list = screen.getByRole('list', { name: 'Jobs you viewed' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(4);
    expect(items.length).toBeLessThan(30);
    expect(items[0]!.textContent).toContain(`Software Engineer Intern ${SIZE - 1}`);
    expect(screen.getByTestId('job-count').textContent).toBe('3,000 jobs');
    // The scroll height stands for every row, so the scroll bar tells where the user is.
    expect(parseInt((list as HTMLElement).style.height, 10)).toBe(SIZE * 86);
    // The whole title is the row's tooltip, and it is shown in up to two lines (style sheet).
    expect(within(list).getAllByRole('button')[0]!.getAttribute('title')).toBe(`Software Engineer Intern ${SIZE - 1}`);
  });

  it('filters the whole set, not just the rows on screen; "Applied" includes later stages', async () => {
    await seedMany();
    renderWithApi(testApi(db), <SavedJobsView recent={all.slice(0, 40)} total={all.length} scored={false} onOpen={() => {}} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'applied');
    // Applied at any stage: the rejected ones were applied to as well.
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('12 jobs of 3,000 jobs'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'rejected');
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('6 jobs of 3,000 jobs'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'applied');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'applied');
    await waitFor(() => {
      const first = within(screen.getByRole('list', { name: 'Jobs you viewed' })).getAllByRole('listitem')[0]!;
      expect(first.textContent).toContain('Software Engineer Intern 2501');
    });
    // The places are read once the menu is wanted (every posting is read for them).
    screen.getByRole('combobox', { name: 'Location' }).focus();
    await screen.findByRole('option', { name: 'London' }, { timeout: 10_000 });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Location' }), 'London');
    // Applied jobs are i ≡ 0 or 1 (mod 500): i ≡ 1 (mod 4) is London, so 1, 501 … 2501 are rejected there.
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('6 jobs of 3,000 jobs'), { timeout: 10_000 });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Location' }), 'Sydney');
    expect(await screen.findByText('No job matches these filters.')).toBeTruthy();
  }, 20_000);

  it('finds jobs by the site’s name', async () => {
    await seedMany();
    renderWithApi(testApi(db), <SavedJobsView recent={all.slice(0, 40)} total={all.length} scored={false} onOpen={() => {}} />);
    const search = screen.getByRole('searchbox', { name: 'Search your jobs' });
    fireEvent.change(search, { target: { value: 'bytedance' } });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('1,000 jobs of 3,000 jobs'), { timeout: 10_000 });
    fireEvent.change(search, { target: { value: 'tiktok 2997' } });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('0 jobs of 3,000 jobs'));
    fireEvent.change(search, { target: { value: 'tiktok 2998' } });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('1 job of 3,000 jobs'));
  }, 20_000);

  it('moves through rows with the arrow keys, beyond the rows first rendered', async () => {
    await seedMany();
    const opened: string[] = [];
    renderWithApi(
      testApi(db),
      <SavedJobsView recent={all.slice(0, 40)} total={all.length} scored={false} onOpen={(id) => opened.push(id)} />,
    );
    const firstRow = screen.getAllByRole('button', { name: new RegExp(`Software Engineer Intern ${SIZE - 1}\\b`) })[0]!;
    firstRow.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain(`Software Engineer Intern ${SIZE - 3}`));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Software Engineer Intern 0ByteDance'));
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual([all.at(-1)!.jobId]);
  });

  it('shows the most recent rows before the order is read, the rest as placeholders', () => {
    renderWithApi(testApi(db), <SavedJobsView recent={all.slice(0, 3)} total={SIZE} scored={false} onOpen={() => {}} />);
    const items = within(screen.getByRole('list', { name: 'Jobs you viewed' })).getAllByRole('listitem');
    expect(items.slice(0, 3).map((li) => li.getAttribute('data-job-id'))).toEqual(all.slice(0, 3).map((j) => j.jobId));
    expect(items[3]!.textContent).toBe('Loading…');
    expect(screen.getByTestId('job-count').textContent).toBe('3,000 jobs');
  });
});

describe('jobs list before the count arrives', () => {
  it('says it is counting rather than showing the first page size as the total', () => {
    renderWithApi(testApi(db), <SavedJobsView recent={all.slice(0, 40)} total={undefined} scored={false} onOpen={() => {}} />);
    expect(screen.getByTestId('job-count').textContent).toBe('Counting your jobs…');
    expect(
      within(screen.getByRole('list', { name: 'Jobs you viewed' }))
        .getAllByRole('listitem')[0]!
        .getAttribute('data-job-id'),
    ).toBe(all[0]!.jobId);
  });

  it('knows an empty table from an empty first page, without counting', () => {
    renderWithApi(testApi(db), <SavedJobsView recent={[]} total={undefined} scored={false} onOpen={() => {}} />);
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
    renderWithApi(api, <SavedJobsView recent={[]} total={0} scored={false} onOpen={() => {}} />);
    expect(screen.queryByTestId('import-input')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import…' }));
    expect(opened).toBe(1);
  });
});
