// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { readFirstScreen } from '../../../../components/popup/usePopupData';
import { classifyUrl } from '../../../../lib/sites/urls';
import { recordApplyStarted } from '../../../../lib/store/jobs';
import type { JobLensDb } from '../../../../lib/store/db';
import {
  addJob,
  addProfile,
  BIGDATA_JOB,
  closeDb,
  DATA_SCIENTIST_JOB,
  freshDb,
  giveListLayout,
  NOW,
  PHD_JOB,
  renderWithApi,
  testApi,
  type TestApi,
} from '../../support/popup-page';
import { local } from '../../support/local-time';

let db: JobLensDb;
let api: TestApi;
let removeLayout: () => void;

beforeEach(() => {
  db = freshDb();
  api = testApi(db);
  removeLayout = giveListLayout();
});
afterEach(async () => {
  cleanup();
  removeLayout();
  await closeDb(db);
});

const jobPage = (jobId: string) => classifyUrl(new URL(`https://lifeattiktok.com/search/${jobId}?spread=5MWH5CQ`));
const OTHER = { kind: 'other' } as const;

describe('popup: saved jobs view', () => {
  it('tells a new user how to start, with the options page one click away', async () => {
    renderWithApi(api, <PopupApp page={OTHER} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Open a job on lifeattiktok.com or joinbytedance.com');
    expect((await screen.findByTestId('limit-summary')).textContent).toContain('No early-career applications yet');
    await userEvent.click(within(empty).getByRole('button', { name: 'Set up your profile' }));
    expect(api.optionsOpened).toBe(1);
    // The header button reaches the options page from every view as well.
    await userEvent.click(screen.getByRole('button', { name: /Profile & settings/ }));
    expect(api.optionsOpened).toBe(2);
  });

  it('lists the jobs, newest first, and narrows them by search and filters', async () => {
    await addJob(db, { jobId: PHD_JOB }, local('2025-11-01T09:00:00'));
    await addJob(db, { jobId: BIGDATA_JOB, site: 'bytedance' }, local('2025-11-03T09:00:00'));
    await addJob(db, { jobId: DATA_SCIENTIST_JOB }, local('2025-11-02T09:00:00'));
    renderWithApi(api, <PopupApp page={OTHER} />);

    const list = await screen.findByRole('list', { name: 'Jobs you viewed' });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('3 jobs'));
    const order = () =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-job-id'));
    expect(order()).toEqual([BIGDATA_JOB, DATA_SCIENTIST_JOB, PHD_JOB]);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search your jobs' }), 'scientist');
    await waitFor(() => expect(order()).toEqual([DATA_SCIENTIST_JOB]));
    expect(screen.getByTestId('job-count').textContent).toContain('1 job of 3 jobs');

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'bytedance');
    await waitFor(() => expect(order()).toEqual([BIGDATA_JOB]));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Site' }), 'all');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Degree' }), 'PhD');
    await waitFor(() => expect(order()).toEqual([PHD_JOB]));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'applied');
    expect(await screen.findByText('No job matches these filters.')).toBeTruthy();
  });

  it('sorts by best match from the stored summaries: eligible jobs first, then by score, with the blocker on the row', async () => {
    await addProfile(db);
    await addJob(db, { jobId: PHD_JOB }, local('2025-11-03T09:00:00'));
    await addJob(db, { jobId: BIGDATA_JOB }, local('2025-11-02T09:00:00'));
    await addJob(db, { jobId: DATA_SCIENTIST_JOB }, local('2025-11-01T09:00:00'));
    // What the background does after any message: every job gets its summary stored.
    await api.summaries.refresh();
    const stored = await db.jobs.toArray();
    expect(stored.every((j) => j.match !== null && j.match.day === '2025-11-15')).toBe(true);
    const phd = stored.find((j) => j.jobId === PHD_JOB)!.match!;
    expect(phd.eligible).toBe(false);

    renderWithApi(api, <PopupApp page={OTHER} />);
    const list = await screen.findByRole('list', { name: 'Jobs you viewed' });
    await waitFor(() => expect(screen.getByTestId('job-count').textContent).toBe('3 jobs'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'score');
    const order = () =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-job-id'));
    // The PhD posting is ruled out for a master's student: last, whatever its score.
    await waitFor(() => expect(order().at(-1)).toBe(PHD_JOB));
    const byRank = [...stored].sort((a, b) => b.match!.rank - a.match!.rank).map((j) => j.jobId);
    expect(order()).toEqual(byRank);
    const eligibleScores = stored.filter((j) => j.match!.eligible).map((j) => j.match!.score!);
    const chips = within(list)
      .getAllByRole('listitem')
      .map((li) => Number(li.querySelector('.score-chip')?.textContent));
    expect(chips.slice(0, eligibleScores.length)).toEqual([...eligibleScores].sort((a, b) => b - a));
    const phdRow = list.querySelector(`[data-job-id="${PHD_JOB}"]`)!;
    expect(within(phdRow as HTMLElement).getByTestId('row-blocker').textContent).toBe(`✗ Not eligible: ${phd.firstBlocker}`);
    expect(phd.firstBlocker).toMatch(/PhD/);
    // The rows the user can take carry no blocker mark.
    expect(list.querySelectorAll('[data-testid="row-blocker"]')).toHaveLength(1);

    // "Eligible only" leaves the PhD job out.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Eligible only' }));
    await waitFor(() => expect(order()).toEqual(byRank.filter((id) => id !== PHD_JOB)));
  });

  it('opens a job from the list and comes back to the same filters', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await addJob(db, { jobId: BIGDATA_JOB }, local('2025-11-11T09:00:00'));
    renderWithApi(api, <PopupApp page={OTHER} />);
    await screen.findByRole('list', { name: 'Jobs you viewed' });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search your jobs' }), 'big data');
    await userEvent.click(await screen.findByRole('button', { name: /Big Data Engineer Intern/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: /Big Data Engineer Intern/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await userEvent.click(screen.getByRole('button', { name: '← Back to saved jobs' }));
    expect((screen.getByRole('searchbox', { name: 'Search your jobs' }) as HTMLInputElement).value).toBe('big data');
  });
});

describe('popup: the current job', () => {
  it('highlights every qualification line by verdict, with evidence as its description, and blockers on top', async () => {
    await addProfile(db);
    await addJob(db, { jobId: PHD_JOB });
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} />);

    expect(await screen.findByRole('tab', { name: 'This job', selected: true })).toBeTruthy();
    const lines = await screen.findAllByTestId('qualification');
    const verdicts = lines.map((li) => li.getAttribute('data-verdict'));
    expect(verdicts).toContain('unmet');
    expect(verdicts).toContain('met');
    // The PhD line is unmet for a master's student, and says why.
    const phd = lines.find((li) => li.textContent?.includes('Currently pursuing a PhD'))!;
    expect(phd.getAttribute('data-verdict')).toBe('unmet');
    expect(phd.tabIndex).toBe(0);
    const evidence = document.getElementById(phd.getAttribute('aria-describedby')!)!;
    expect(evidence.textContent).toContain('Missing: a PhD in progress');
    // The verdict is in words for those who cannot see the colour.
    expect(phd.textContent).toMatch(/^✗Not met: Currently pursuing a PhD/);
    expect(screen.getByRole('list', { name: 'What the marks mean' }).textContent).toBe('✓Met◐Partly met✗Not met?Unknown');

    const blockers = screen.getByTestId('blockers');
    expect(blockers.textContent).toContain('Needs a PhD in progress');
    // Blockers and score come before the qualification lines.
    expect(blockers.compareDocumentPosition(phd) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('score').textContent).toMatch(/Match \d+\/100/);
    expect(screen.getByTestId('job-subtitle').textContent).toBe('A257111A · Singapore · Intern · 2026 Start · PhD');
    expect(screen.getByText('At least 3 months')).toBeTruthy();
    expect(screen.getByText('January to June; or May to August')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open on TikTok' }).getAttribute('href')).toBe(`https://lifeattiktok.com/search/${PHD_JOB}`);
  });

  it('asks for a profile instead of marking everything red when there is none', async () => {
    await addJob(db, { jobId: PHD_JOB });
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} />);
    const callout = await screen.findByTestId('profile-callout');
    expect(callout.textContent).toContain('Set up your profile to see which of these requirements you meet');
    expect(screen.queryAllByTestId('qualification')).toEqual([]);
    expect(document.querySelector('[class*="verdict-unmet"]')).toBeNull();
    // The lines are still there, as plain text.
    expect(screen.getByText(/Currently pursuing a PhD in Computer Science/)).toBeTruthy();
    await userEvent.click(within(callout).getByRole('button', { name: 'Set up your profile' }));
    expect(api.optionsOpened).toBe(1);
  });

  it('says it is still reading a job page that is not in the database yet, then shows it when it arrives', async () => {
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    expect((await screen.findByTestId('not-read-yet')).textContent).toContain('reading this job');
    await act(async () => {
      await addJob(db, { jobId: BIGDATA_JOB });
    });
    expect(await screen.findByRole('heading', { level: 2, name: /Big Data Engineer Intern/ })).toBeTruthy();
  });

  it('saves, marks applied with a date, changes status and keeps notes, all through the background', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save job' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('saved'));
    // The buttons stay disabled until the popup has the background's answer, not just until the
    // row is written: the next click waits for the confirmation.
    await screen.findByText('Status: Saved');

    const date = screen.getByLabelText('Applied on') as HTMLInputElement;
    expect(date.value).toBe('2025-11-15');
    fireEvent.change(date, { target: { value: '2025-11-12' } });
    await userEvent.click(screen.getByRole('button', { name: 'Mark applied' }));
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.appliedAt).toBe(local('2025-11-12T12:00:00')));
    expect((await screen.findByTestId('applied-on')).textContent).toBe('Applied on 2025-11-12');
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).toBe('Undergrad/Master Intern · 2026 Start: 1 of 2 used'));
    expect(api.badges.at(-1)).toBe('1/2');

    // Today's date is kept as the moment itself, so two applications made today keep their order.
    await addJob(db, { jobId: PHD_JOB });
    await api.send('job:setStatus', { jobId: PHD_JOB, status: 'saved' });
    cleanup();
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark applied' }));
    await waitFor(async () => expect((await db.jobs.get(PHD_JOB))?.appliedAt).toBe(NOW.toISOString()));
    cleanup();
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    await screen.findByTestId('applied-on');

    // Picking in the menu records nothing; "Set status" does, and focus stays on it.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'interviewing');
    expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('applied');
    const set = screen.getByRole('button', { name: 'Set status' });
    await userEvent.click(set);
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.status).toBe('interviewing'));
    await screen.findByText('Status: Interviewing');
    expect(document.activeElement).toBe(set);

    await userEvent.type(screen.getByLabelText('Notes'), 'Recruiter: <b>Mei</b>');
    await waitFor(async () => expect((await db.jobs.get(BIGDATA_JOB))?.notes).toBe('Recruiter: <b>Mei</b>'));
  });

  it('switches between the job and the list with the arrow keys', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const current = await screen.findByRole('tab', { name: 'This job' });
    current.focus();
    await userEvent.keyboard('{ArrowRight}');
    const saved = screen.getByRole('tab', { name: /Jobs you viewed/ });
    expect(saved.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(saved);
    expect(await screen.findByRole('list', { name: 'Jobs you viewed' })).toBeTruthy();
  });
});

describe('popup: the limit and pending applications', () => {
  it('shows the count on every view and, at the last slot and at the limit, the applications in order', async () => {
    // Both in one program (the title decides it): Undergrad/Master Intern, 2026 Start.
    await addJob(db, { jobId: PHD_JOB, title: 'Second applied Intern - 2026 Start (BS/MS)' }, undefined, {
      status: 'applied',
      appliedAt: local('2025-11-05T12:00:00'),
    });
    await addJob(db, { jobId: BIGDATA_JOB, title: 'First applied Intern - 2026 Start (BS/MS)' }, undefined, {
      status: 'applied',
      appliedAt: local('2025-11-01T12:00:00'),
    });
    await addJob(db, { jobId: DATA_SCIENTIST_JOB });
    const { unmount } = renderWithApi(api, <PopupApp page={OTHER} />);
    const banner = await screen.findByTestId('limit-banner');
    expect(screen.getByTestId('limit-summary').textContent).toBe('Undergrad/Master Intern · 2026 Start: 2 of 2 used');
    expect(banner.textContent).toContain('Limit reached: 2 of 2 · Undergrad/Master Intern · 2026 Start');
    expect(
      within(banner)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'First applied Intern - 2026 Start (BS/MS) (TikTok, applied 2025-11-01)',
      'Second applied Intern - 2026 Start (BS/MS) (TikTok, applied 2025-11-05)',
    ]);
    // The saved view lists each program with its applications in order.
    const programs = screen.getByTestId('program-list');
    expect(within(programs).getByRole('heading', { level: 3 }).textContent).toBe('Undergrad/Master Intern · 2026 Start: 2 of 2 used');
    unmount();

    // The job view shows the same banner, and warns before a third application.
    renderWithApi(api, <PopupApp page={jobPage(DATA_SCIENTIST_JOB)} />);
    expect(await screen.findByTestId('limit-banner')).toBeTruthy();
    expect((await screen.findByText(/You have used 2 of 2 applications/)).textContent).toContain('may not be considered');

    // Undoing one application leaves one slot: the banner says so.
    await api.send('job:setStatus', { jobId: PHD_JOB, status: 'saved' });
    await waitFor(() => expect(screen.getByTestId('limit-banner').textContent).toContain('1 place left: 1 of 2 used'));
    expect(screen.getByTestId('limit-summary').textContent).toBe('Undergrad/Master Intern · 2026 Start: 1 of 2 used');
  });

  it('asks whether an opened application form was submitted; only "yes" counts', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await addJob(db, { jobId: BIGDATA_JOB });
    await recordApplyStarted(db, PHD_JOB, new Date('2025-11-14T08:00:00'));
    await recordApplyStarted(db, BIGDATA_JOB, new Date('2025-11-14T09:00:00'));
    renderWithApi(api, <PopupApp page={OTHER} />);

    const items = await screen.findAllByTestId('pending-item');
    expect(items.map((i) => i.getAttribute('data-job-id'))).toEqual([PHD_JOB, BIGDATA_JOB]);
    expect(items[0]!.textContent).toContain('Did you submit your application to Algorithm Engineer Intern');

    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Yes, I submitted it' }));
    await waitFor(async () => expect((await db.jobs.get(PHD_JOB))?.appliedAt).toBe(local('2025-11-14T08:00:00')));
    await waitFor(() => expect(screen.getAllByTestId('pending-item')).toHaveLength(1));
    await userEvent.click(within(screen.getByTestId('pending-item')).getByRole('button', { name: 'Not yet: ask me again tomorrow' }));
    await waitFor(() => expect(screen.queryAllByTestId('pending-item')).toEqual([]));
    // Put away, not forgotten: the form stays marked as opened and the question comes back later.
    const notYet = await db.jobs.get(BIGDATA_JOB);
    expect([notYet?.appliedAt, notYet?.applyStartedAt]).toEqual([null, local('2025-11-14T09:00:00')]);
    expect(notYet?.applyAskAgainAt).not.toBeNull();
    expect(screen.getByTestId('limit-summary').textContent).toBe('PhD Intern · 2026 Start: 1 of 2 used');
  });

  it('"No, I did not apply" forgets the opened form for good', async () => {
    await addJob(db, { jobId: BIGDATA_JOB });
    await recordApplyStarted(db, BIGDATA_JOB, new Date('2025-11-14T09:00:00'));
    renderWithApi(api, <PopupApp page={OTHER} />);
    await userEvent.click(within(await screen.findByTestId('pending-item')).getByRole('button', { name: 'No, I did not apply' }));
    await waitFor(() => expect(screen.queryAllByTestId('pending-item')).toEqual([]));
    const job = await db.jobs.get(BIGDATA_JOB);
    expect([job?.appliedAt, job?.applyStartedAt, job?.applyAskAgainAt]).toEqual([null, null, null]);
  });

  it('asks for the date of an application the site said was made before, and shows the site beside the user', async () => {
    await addJob(db, { jobId: BIGDATA_JOB, title: 'Big Data Engineer Intern' }, undefined, {
      status: 'applied',
      appliedAt: local('2025-11-14T09:00:00'),
      appliedDateUnknown: true,
    });
    renderWithApi(api, <PopupApp page={OTHER} />);
    const item = await screen.findByTestId('undated-item');
    expect(item.textContent).toContain('The site says you already applied to Big Data Engineer Intern');
    await userEvent.clear(within(item).getByLabelText('Applied on'));
    await userEvent.type(within(item).getByLabelText('Applied on'), '2025-11-02');
    await userEvent.click(within(item).getByRole('button', { name: 'Save date' }));
    await waitFor(() => expect(screen.queryAllByTestId('undated-item')).toEqual([]));
    const job = await db.jobs.get(BIGDATA_JOB);
    expect([job?.appliedAt, job?.appliedDateUnknown]).toEqual([local('2025-11-02T12:00:00'), false]);
  });

  it('shows the site’s status and, where they differ, the site’s date beside the user’s', async () => {
    await addJob(db, { jobId: BIGDATA_JOB }, undefined, {
      status: 'interviewing',
      appliedAt: local('2025-11-05T12:00:00'),
      siteStatus: { text: 'Resume screening', appliedAt: local('2025-11-03T06:05:00'), readAt: local('2025-11-10T08:00:00') },
    });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const line = await screen.findByTestId('site-status');
    expect(line.textContent).toContain('On the site: Resume screening (read 2025-11-10)');
    expect(line.textContent).toContain('The site dates this application 2025-11-03; your record says 2025-11-05.');
  });
});

describe('popup: the limit per program', () => {
  it('warns on a job of the full program but not on a Graduate job or an experienced-hire job', async () => {
    const bsms = (jobId: string, title: string) => ({
      jobId,
      title: `${title} Intern - 2026 Start (BS/MS)`,
      degreeLevels: ['Bachelor' as const, 'Master' as const],
    });
    await addJob(db, bsms('7500000000000000010', 'First'), undefined, { status: 'applied', appliedAt: local('2025-11-01T12:00:00') });
    await addJob(db, bsms('7500000000000000011', 'Second'), undefined, { status: 'applied', appliedAt: local('2025-11-02T12:00:00') });
    await addJob(db, bsms('7500000000000000012', 'Third'));
    await addJob(db, {
      jobId: '7500000000000000013',
      title: 'Software Engineer Graduate (Search) - 2026 Start (BS/MS)',
      employmentType: 'Regular',
    });
    await addJob(db, {
      jobId: '7500000000000000014',
      title: 'Staff Engineer - Ads',
      employmentType: 'Regular',
      cohort: null,
      applicationLimit: null,
    });

    renderWithApi(api, <PopupApp page={jobPage('7500000000000000012')} />);
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).toBe('Undergrad/Master Intern · 2026 Start: 2 of 2 used'));
    expect(screen.getByTestId('limit-banner').textContent).toContain('Limit reached: 2 of 2');
    cleanup();

    renderWithApi(api, <PopupApp page={jobPage('7500000000000000013')} />);
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).toBe('Graduate · 2026 Start: 0 of 2 used'));
    expect(screen.queryByTestId('limit-banner')).toBeNull();
    expect(screen.getByTestId('program-label').textContent).toBe('Graduate · 2026 Start');
    cleanup();

    renderWithApi(api, <PopupApp page={jobPage('7500000000000000014')} />);
    await waitFor(() => expect(screen.getByTestId('limit-summary').textContent).toBe('No application limit for this job'));
    expect(screen.queryByTestId('limit-banner')).toBeNull();
    expect(screen.getByTestId('program-label').textContent).toBe('No application limit');
  });
});

describe('popup: a posting that changed', () => {
  it('shows what changed against the kept copy until the user says they have seen it', async () => {
    const first = await addJob(db, { jobId: BIGDATA_JOB, extractedAt: local('2025-11-01T09:00:00') });
    const edited = {
      ...first,
      minimumQualifications: [first.minimumQualifications[0]!, 'Familiar with Flink and Kafka.'],
      locations: ['Singapore', 'Jakarta'],
      extractedAt: local('2025-11-12T09:00:00'),
    };
    const { recordPostingSeen } = await import('../../../../lib/store/jobs');
    const { postingOf } = await import('../../../../lib/store/schema');
    expect((await recordPostingSeen(db, postingOf(edited), new Date('2025-11-12T09:00:00'))).ok).toBe(true);

    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const notice = await screen.findByTestId('change-notice');
    expect(notice.textContent).toContain('changed since you first kept it (Locations, Minimum qualifications)');
    await waitFor(() => expect(notice.querySelector('details')).not.toBeNull());
    const changes = Array.from(notice.querySelectorAll('.change')).map((c) => ({
      label: c.querySelector('h4')?.textContent,
      removed: Array.from(c.querySelectorAll('.removed')).map((li) => li.textContent),
      added: Array.from(c.querySelectorAll('.added')).map((li) => li.textContent),
    }));
    expect(changes).toEqual([
      { label: 'Locations', removed: [], added: ['Added: + Jakarta'] },
      {
        label: 'Minimum qualifications',
        removed: first.minimumQualifications.slice(1).map((l) => `Removed: − ${l}`),
        added: ['Added: + Familiar with Flink and Kafka.'],
      },
    ]);
    await userEvent.click(within(notice).getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(screen.queryByTestId('change-notice')).toBeNull());
    expect((await db.jobs.get(BIGDATA_JOB))?.changedAt).toBeNull();
  });
});

describe('popup: text from pages', () => {
  it('shows markup and script in a posting literally, never as elements', async () => {
    await addProfile(db);
    const hostile = '<img src=x onerror="window.__pwned=1">Engineer <script>window.__pwned=2</script>';
    await addJob(db, {
      jobId: BIGDATA_JOB,
      title: hostile,
      minimumQualifications: ['<b>Bold</b> Python <a href="javascript:alert(1)">here</a>'],
      locations: ['<i>Singapore</i>'],
    });
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} />);
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(hostile);
    expect(document.querySelector('img, script, b, i, a[href^="javascript"]')).toBeNull();
    expect(screen.getByText(/<b>Bold<\/b> Python/)).toBeTruthy();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('popup: export and import', () => {
  it('exports JSON and CSV as files, and imports a file back through the background', async () => {
    await addJob(db, { jobId: PHD_JOB }, undefined, { notes: 'first choice' });
    renderWithApi(api, <PopupApp page={OTHER} />);
    await screen.findByRole('list', { name: 'Jobs you viewed' });

    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(api.downloads).toHaveLength(1));
    const json = api.downloads[0]!;
    expect(json.fileName).toBe('job-lens-2025-11-15.json');
    const exported = JSON.parse(json.text) as { format: string; jobs: { jobId: string; notes: string }[] };
    expect(exported.jobs.map((j) => [j.jobId, j.notes])).toEqual([[PHD_JOB, 'first choice']]);

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(api.downloads).toHaveLength(2));
    expect(api.downloads[1]!.fileName).toBe('job-lens-2025-11-15.csv');
    expect(api.downloads[1]!.text.split('\r\n')[1]).toContain(PHD_JOB);

    // The same file into an empty database brings the job back.
    await db.jobs.clear();
    const input = screen.getByTestId('import-input') as HTMLInputElement;
    await userEvent.upload(input, new File([json.text], 'backup.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('transfer-message').textContent).toBe('Imported: 1 job added, 0 updated, 0 unchanged.'));
    expect((await db.jobs.get(PHD_JOB))?.notes).toBe('first choice');
  });

  it('shows why a bad file is refused, and changes nothing', async () => {
    await addJob(db, { jobId: PHD_JOB });
    renderWithApi(api, <PopupApp page={OTHER} />);
    await screen.findByRole('list', { name: 'Jobs you viewed' });
    const truncated = '{"format":"job-lens","version":1,"jobs":[{"jobId":"75';
    await userEvent.upload(screen.getByTestId('import-input'), new File([truncated], 'broken.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(screen.getByTestId('transfer-message').textContent).toMatch(
        /^Import refused, nothing was changed\. The file is not valid JSON/,
      ),
    );
    expect(screen.getByTestId('transfer-message').className).toBe('error');
    expect(await db.jobs.count()).toBe(1);
  });
});

describe('popup: time', () => {
  it('uses the injected clock, not the machine clock', () => {
    expect(api.now()).toBe(NOW);
  });
});

describe('popup: the first screen, read before it renders', () => {
  it('shows the job, its score and the limit in the first render, then follows changes live', async () => {
    await addProfile(db);
    await addJob(db, { jobId: PHD_JOB });
    const first = await readFirstScreen(db, NOW, PHD_JOB);
    expect(first.currentJob?.jobId).toBe(PHD_JOB);
    delete document.documentElement.dataset.firstRender;
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} first={first} />);
    // Nothing awaited: what the hooks read later is already on screen.
    expect(screen.getByTestId('score').textContent).toMatch(/Match \d+\/100/);
    expect(screen.getByTestId('blockers').textContent).toContain('Needs a PhD in progress');
    expect(screen.getByTestId('limit-summary').textContent).toBe('PhD Intern · 2026 Start: 0 of 2 used');
    expect(document.documentElement.dataset.firstRender).toBe('done');

    await api.send('job:setNotes', { jobId: PHD_JOB, notes: 'Written elsewhere' });
    expect(await screen.findByDisplayValue('Written elsewhere')).toBeTruthy();
  });

  it('shows the list in the first render away from a job page', async () => {
    await addJob(db, { jobId: PHD_JOB }, local('2025-11-01T09:00:00'));
    await addJob(db, { jobId: BIGDATA_JOB }, local('2025-11-03T09:00:00'));
    renderWithApi(api, <PopupApp page={OTHER} first={await readFirstScreen(db, NOW, null)} />);
    const rows = within(screen.getByRole('list', { name: 'Jobs you viewed' })).getAllByRole('listitem');
    expect(rows.map((li) => li.getAttribute('data-job-id'))).toEqual([BIGDATA_JOB, PHD_JOB]);
  });

  it('without it, the same render waits for the live queries (what the read saves)', async () => {
    await addProfile(db);
    await addJob(db, { jobId: PHD_JOB });
    renderWithApi(api, <PopupApp page={jobPage(PHD_JOB)} />);
    expect(screen.queryByTestId('score')).toBeNull();
    expect(await screen.findByTestId('score')).toBeTruthy();
  });

  it('never shows a job read for another tab as this tab’s job', async () => {
    await addJob(db, { jobId: PHD_JOB });
    await addJob(db, { jobId: BIGDATA_JOB });
    const first = await readFirstScreen(db, NOW, PHD_JOB);
    renderWithApi(api, <PopupApp page={jobPage(BIGDATA_JOB)} first={first} />);
    expect(screen.queryByRole('link', { name: 'Open on TikTok' })).toBeNull();
    const link = await screen.findByRole('link', { name: 'Open on TikTok' });
    expect(link.getAttribute('href')).toBe(`https://lifeattiktok.com/search/${BIGDATA_JOB}`);
  });
});
