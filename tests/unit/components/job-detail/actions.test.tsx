// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesDraftKey } from '../../../../components/job-detail/JobActions';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { matchPosting } from '../../../../lib/match';
import { minimumLine, summarizeMatch } from '../../../../lib/match/summary';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { classifyUrl } from '../../../../lib/sites/urls';
import type { JobLensDb } from '../../../../lib/store/db';
import { recordApplyStarted } from '../../../../lib/store/jobs';
import { campusPageText } from '../../support/job-page';
import {
  addJob,
  addProfile,
  BIGDATA_JOB,
  closeDb,
  freshDb,
  giveListLayout,
  MASTER_STUDENT,
  NOW,
  PHD_JOB,
  renderWithApi,
  testApi,
  type TestApi,
} from '../../support/popup-page';

const jobUrl = (jobId: string) => `https://lifeattiktok.com/search/${jobId}`;

let db: JobLensDb;
let api: TestApi;
let removeLayout: () => void;
beforeEach(() => {
  db = freshDb();
  api = testApi(db);
  removeLayout = giveListLayout();
  localStorage.clear();
});
afterEach(async () => {
  cleanup();
  removeLayout();
  await closeDb(db);
});

const jobPage = (jobId: string) => classifyUrl(new URL(`https://lifeattiktok.com/search/${jobId}?spread=5MWH5CQ`));

describe('status: nothing recorded by browsing, every record undoable, focus kept', () => {
  it('changing the menu (as arrow keys do in Chrome and Firefox) records nothing until "Set status"', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const menu = (await screen.findByRole('combobox', { name: 'Status' })) as HTMLSelectElement;
    menu.focus();
    // What two presses of ArrowDown do to a focused <select>: change events, one per step.
    fireEvent.change(menu, { target: { value: 'saved' } });
    fireEvent.change(menu, { target: { value: 'applied' } });
    await new Promise((r) => setTimeout(r, 50));
    expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('seen');
    expect(api.badges).toEqual([]);
    expect(screen.getByTestId('status-pending').textContent).toContain('records an application on 2025-11-15');
    expect(document.activeElement).toBe(menu);

    await userEvent.click(screen.getByRole('button', { name: 'Set status' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('applied'));
    expect((await db.jobs.get(BIGDATA_JOB))?.appliedAt).toBe(NOW.toISOString());
    await waitFor(() =>
      expect(screen.getByTestId('action-message').textContent).toContain('Recorded: Applied on 2025-11-15. It counts against the limit.'),
    );
  });

  it('"Mark applied" records the date and offers Undo, which gets the focus and takes the application back', async () => {
    await addJob(db, { jobId: BIGDATA_JOB }, undefined, { status: 'saved' });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark applied' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('applied'));
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).toContain('1 of 2 used'));
    // The button is gone with the date field: focus goes to Undo, not to the page.
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    await userEvent.keyboard('{Enter}');
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('saved'));
    const back = (await db.jobs.get(BIGDATA_JOB))!;
    expect(back.appliedAt).toBeNull();
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).not.toContain('1 of 2'));
    expect(api.badges.at(-1)).toBe('0/2');
    await waitFor(() => expect(screen.getByTestId('action-message').textContent).toBe('Back to Saved'));
    // The history keeps both acts.
    expect(back.statusHistory.map((h) => h.status)).toEqual(['applied', 'saved']);
    // Undo is gone once used; the focus is on the status menu, not dropped to the page.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Status' }));
  });

  it('"Save job" hands the focus to Undo when the button goes away', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByRole('button', { name: 'Save job' })).closest('p')?.textContent).toContain('Viewed, not saved.');
    await userEvent.click(screen.getByRole('button', { name: 'Save job' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('saved'));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    expect(screen.queryByRole('button', { name: 'Save job' })).toBeNull();
  });

  it('says which statuses still count against the limit', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByTestId('counting-statuses')).textContent).toMatch(
      /Applied, Interviewing, Offer, Rejected and Withdrawn all count/,
    );
  });
});

describe('notes: never lose typed text', () => {
  it('saves as the user types, after a pause, without a button', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect(screen.queryByRole('button', { name: /Save notes/ })).toBeNull();
    await userEvent.type(await screen.findByLabelText('Notes'), 'Ask about the team');
    expect(screen.getByTestId('notes-state').textContent).toBe('Saving as you type…');
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('Ask about the team'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('notes-state').textContent).toBe('Notes are saved as you type.'));
    expect(localStorage.getItem(notesDraftKey(BIGDATA_JOB))).toBeNull();
  });

  it('saves at once when the popup is hidden or closed, before the pause ends', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const notes = await screen.findByLabelText('Notes');
    fireEvent.change(notes, { target: { value: 'typed just before a click outside' } });
    // The draft is already kept synchronously, in case the page dies before any message goes out.
    expect(localStorage.getItem(notesDraftKey(BIGDATA_JOB))).toBe('typed just before a click outside');
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('typed just before a click outside'), { timeout: 300 });

    fireEvent.change(notes, { target: { value: 'and a tab switch' } });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as unknown as Record<string, unknown>).visibilityState;
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('and a tab switch'), { timeout: 300 });
  });

  it('gives back and saves a draft left by a popup that closed before its save arrived', async () => {
    await addJob(db, { jobId: BIGDATA_JOB }, undefined, { notes: 'old' });
    localStorage.setItem(notesDraftKey(BIGDATA_JOB), 'old and the words typed as it closed');
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect(((await screen.findByLabelText('Notes')) as HTMLTextAreaElement).value).toBe('old and the words typed as it closed');
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('old and the words typed as it closed'));
    await waitFor(() => expect(localStorage.getItem(notesDraftKey(BIGDATA_JOB))).toBeNull());
  });

  it('saves when the view goes away (back to the list, another job)', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    const { unmount } = renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    fireEvent.change(await screen.findByLabelText('Notes'), { target: { value: 'written, then left' } });
    unmount();
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('written, then left'), { timeout: 300 });
  });
});

describe('the job view: eligibility first, then the rest of what was kept', () => {
  it('leads with "Not eligible" and its reason, then a score that agrees with its "N of M"', async () => {
    await addProfile(db);
    const job = await addJob(db, { jobId: PHD_JOB });
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} />);
    const headline = await screen.findByTestId('eligibility');
    const report = matchPosting(job, ProfileSchema.parse(MASTER_STUDENT), NOW);
    const summary = summarizeMatch(report, { profileUpdatedAt: NOW.toISOString(), day: '2025-11-15' });
    expect(headline.textContent).toMatch(/^✗ Not eligible: .*PhD/);
    expect(headline.textContent).toContain(summary.firstBlocker!);
    const score = screen.getByTestId('score');
    expect(headline.compareDocumentPosition(score) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(score.textContent).toBe(`Match ${report.score}/100 · ${minimumLine(summary.minimum)}`);
  });

  it('says a job without blockers has none', async () => {
    await addProfile(db);
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const report = matchPosting((await db.jobs.get(BIGDATA_JOB))!, ProfileSchema.parse(MASTER_STUDENT), NOW);
    const headline = await screen.findByTestId('eligibility');
    if (report.blockers.length === 0) expect(headline.textContent).toContain('No blocker');
    else expect(headline.textContent).toContain('Not eligible');
  });

  it('shows the status history, the responsibilities folded, and the contact address', async () => {
    await addJob(db, { jobId: BIGDATA_JOB, contactEmail: 'campus-recruiting@example.com' });
    await api.send('job:setStatus', { jobId: BIGDATA_JOB, status: 'saved' });
    await api.send('job:setStatus', { jobId: BIGDATA_JOB, status: 'applied', appliedAt: '2025-11-12' });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const history = await screen.findByTestId('status-history');
    expect(history.querySelector('summary')?.textContent).toBe('Status history (2)');
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.split(' ·')[0]),
    ).toEqual(['Applied', 'Saved']);
    const job = (await db.jobs.get(BIGDATA_JOB))!;
    const responsibilities = screen.getByTestId('responsibilities') as HTMLDetailsElement;
    expect(responsibilities.open).toBe(false);
    expect(
      within(responsibilities)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(job.responsibilities);
    expect(screen.getByRole('link', { name: 'campus-recruiting@example.com' }).getAttribute('href')).toBe(
      'mailto:campus-recruiting@example.com',
    );
  });
});

describe('a dead job', () => {
  it('says the job is no longer open when the tab shows the site’s not-found view for a job never kept', async () => {
    api.askPage = async () => ({ jobId: BIGDATA_JOB, state: 'gone' });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByTestId('job-gone')).textContent).toContain('This job is no longer open.');
    expect(screen.queryByText(/reading this job/)).toBeNull();
  });

  it('asks again while the tab is still reading, and says so when the page could not be read', async () => {
    const answers = [
      { jobId: BIGDATA_JOB, state: 'reading' as const },
      { jobId: BIGDATA_JOB, state: 'unreadable' as const },
    ];
    api.askPage = async () => answers.shift() ?? null;
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByTestId('not-read-yet')).textContent).toContain('reading this job');
    await waitFor(() => expect(screen.getByTestId('not-read-yet').textContent).toContain('could not read a job on this page'), {
      timeout: 2500,
    });
  });

  it('marks a kept job closed, in its view and on its row', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    await api.sendFromTab(jobUrl(BIGDATA_JOB), 'posting:gone', { site: 'tiktok', jobId: BIGDATA_JOB });
    expect((await db.jobs.get(BIGDATA_JOB))?.closedAt).toBe(NOW.toISOString());
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByTestId('job-closed')).textContent).toContain('This job is no longer open on TikTok');
    cleanup();
    renderWithApi(api, <PopupApp page={{ kind: 'other' }} />);
    const list = await screen.findByRole('list', { name: 'Jobs you viewed' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]!.textContent).toContain('no longer open'));
  });

  it('a job read again is open again', async () => {
    const job = await addJob(db, { jobId: BIGDATA_JOB });
    await api.sendFromTab(jobUrl(BIGDATA_JOB), 'posting:gone', { site: 'tiktok', jobId: BIGDATA_JOB });
    const read = await api.sendFromTab(jobUrl(BIGDATA_JOB), 'page:read', {
      jobId: BIGDATA_JOB,
      page: campusPageText(job.title),
      last: null,
    });
    expect(read).toMatchObject({ read: true, seen: { outcome: 'changed' } });
    expect((await db.jobs.get(BIGDATA_JOB))?.closedAt).toBeNull();
  });

  it('creates nothing for a job never kept', async () => {
    expect(await api.sendFromTab(jobUrl(PHD_JOB), 'posting:gone', { site: 'tiktok', jobId: PHD_JOB })).toEqual({ closed: false });
    expect(await db.jobs.count()).toBe(0);
  });
});

describe('the pending question', () => {
  it('is one line: the question and its buttons together, the whole question as its tooltip', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await recordApplyStarted(db, PHD_JOB, new Date('2025-11-14T08:00:00'));
    renderWithApi(api, <PopupApp page={{ kind: 'other' }} />);
    const item = await screen.findByTestId('pending-item');
    const line = item.querySelector('.pending-line')!;
    // Short words on the buttons, so the title keeps the line; their names say the whole answer.
    const buttons = within(line as HTMLElement).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Yes', 'Not yet', 'No']);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Yes, I submitted it',
      'Not yet: ask me again tomorrow',
      'No, I did not apply',
    ]);
    for (const b of buttons) expect(b.getAttribute('aria-label')!.startsWith(b.textContent!)).toBe(true);
    expect(within(line as HTMLElement).getByRole('group').textContent).toBe('YesNot yetNo');
    expect(line.querySelector('[aria-hidden="true"]')!.textContent).toBe(
      'Did you apply to Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)?',
    );
    // What a screen reader names the buttons' group by: the whole question, said once.
    expect(within(item).getByRole('group', { name: /^Did you submit your application to Algorithm Engineer Intern/ })).toBeTruthy();
    const question = line.querySelector('.pending-question')!;
    expect(question.getAttribute('title')).toBe(
      'Did you submit your application to Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)? (TikTok, form opened 2025-11-14)',
    );
    await act(async () => {});
  });
});
