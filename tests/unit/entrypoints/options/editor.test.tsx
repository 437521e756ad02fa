// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileSchema, type ProfileInput } from '../../../../lib/profile/schema';
import { saveProfile } from '../../../../lib/profile/store';
import { NOW, closeDb, freshDb, renderOptions, type TestPage } from '../../support/options-page';

const pages: TestPage[] = [];
const open = (...args: Parameters<typeof renderOptions>) => {
  const page = renderOptions(...args);
  pages.push(page);
  return page;
};

afterEach(async () => {
  cleanup();
  for (const page of pages.splice(0)) await closeDb(page.db);
});

const storedRow = (page: TestPage) => page.db.profile.get('me');
const saveButton = () => screen.getByRole('button', { name: 'Save profile' });
const saveStatus = () => document.getElementById('save-status')!;
const group = (name: string) => screen.getByRole('group', { name });
const described = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

async function ready() {
  await screen.findByRole('button', { name: 'Save profile' });
}

const MASTER: ProfileInput = {
  education: [{ level: 'Master', field: 'Data Science', status: 'pursuing', graduation: '2026-12' }],
  skills: ['Python', 'SQL'],
  languages: ['English (fluent)'],
  locations: ['Singapore'],
};

describe('options page: filling and saving a profile', () => {
  it('fills every part of the profile by keyboard and saves it through the background', async () => {
    const page = open();
    const { user } = page;
    await ready();
    expect(saveStatus().textContent).toBe('Not saved yet.');

    // Education: adding a row moves focus to its first field.
    await user.click(screen.getByRole('button', { name: 'Add degree' }));
    const degree = group('Degree 1');
    expect(document.activeElement).toBe(within(degree).getByLabelText('Level'));
    await user.selectOptions(within(degree).getByLabelText('Level'), 'PhD');
    await user.type(within(degree).getByLabelText('Field of study'), 'Computer Science');
    await user.type(within(degree).getByLabelText('Graduation (YYYY-MM)'), '2027-06');

    // Skills: an alias finds its canonical skill; arrow keys and Enter choose it.
    const skills = screen.getByRole('combobox', { name: 'Add a skill' });
    await user.type(skills, 'golang');
    expect(skills.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Suggested skills' });
    expect(within(listbox).getAllByRole('option')[0]!.textContent).toBe('Go (Golang)');
    await user.keyboard('{ArrowDown}');
    const active = document.getElementById(skills.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(active.textContent).toBe('Go (Golang)');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Remove skill Go' })).toBeTruthy();
    expect((skills as HTMLInputElement).value).toBe('');
    // A comma-separated list adds each entry; aliases become canonical names.
    await user.type(skills, 'pytorch, Spark, sql{Enter}');
    await user.type(skills, 'Golang{Enter}');
    expect(screen.getByText('Go is already in the list.')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: /Add a skill/ }))
        .getAllByRole('listitem')
        .map((li) => li.firstChild!.textContent),
    ).toEqual(['Go', 'PyTorch', 'Spark', 'SQL']);

    await user.type(screen.getByLabelText('Add a language'), 'English (fluent){Enter}Mandarin (native){Enter}');

    await user.click(screen.getByRole('button', { name: 'Add period' }));
    fireEvent.change(within(group('Period 1')).getByLabelText('From'), { target: { value: '2026-05-11' } });
    fireEvent.change(within(group('Period 1')).getByLabelText('To'), { target: { value: '2026-08-28' } });

    await user.type(screen.getByLabelText('Add a location'), 'Singapore{Enter}San Jose{Enter}');

    await user.click(screen.getByRole('button', { name: 'Add publication' }));
    const publication = group('Publication 1');
    expect(document.activeElement).toBe(within(publication).getByLabelText('Venue'));
    await user.keyboard('NeurIPS');
    await user.type(within(publication).getByLabelText('Year'), '2024');
    await user.click(within(publication).getByLabelText('First author'));

    await user.click(screen.getByRole('button', { name: 'Add country' }));
    await user.type(within(group('Country 1')).getByLabelText('Country'), 'United States');
    await user.selectOptions(within(group('Country 1')).getByLabelText('Status'), 'student-visa');

    // Experience: a role with dates; an empty end means it goes on.
    await user.click(screen.getByRole('button', { name: 'Add role' }));
    const role = group('Role 1');
    expect(document.activeElement).toBe(within(role).getByLabelText('Role'));
    fireEvent.change(within(role).getByLabelText('Role'), { target: { value: 'Research Intern' } });
    fireEvent.change(within(role).getByLabelText('From (YYYY-MM)'), { target: { value: '2024-06' } });
    fireEvent.change(within(role).getByLabelText('To (YYYY-MM)'), { target: { value: '2024-09' } });
    await user.click(within(role).getByLabelText('Internship'));

    expect(saveStatus().textContent).toBe('Unsaved changes.');
    await user.click(saveButton());
    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Profile saved/));

    expect(await storedRow(page)).toEqual({
      id: 'me',
      updatedAt: NOW.toISOString(),
      data: {
        education: [{ level: 'PhD', field: 'Computer Science', status: 'pursuing', graduation: '2027-06' }],
        skills: ['Go', 'PyTorch', 'Spark', 'SQL'],
        languages: ['English (fluent)', 'Mandarin (native)'],
        availability: [{ from: '2026-05-11', to: '2026-08-28' }],
        locations: ['Singapore', 'San Jose'],
        publications: [{ venue: 'NeurIPS', year: 2024, firstAuthor: true }],
        workAuthorization: [{ country: 'United States', status: 'student-visa' }],
        experience: [{ title: 'Research Intern', organization: '', from: '2024-06', to: '2024-09', internship: true }],
      },
    });
    // It went through the protocol, as the extension page does.
    expect(page.api.sent).toHaveLength(1);
    expect(page.api.sent[0]).toMatchObject({ name: 'profile:save' });
    // Many keystrokes on a shared, busy machine: a generous budget, not a timing assertion.
  }, 30_000);

  it('asks before the page is left with unsaved changes, and not once they are saved', async () => {
    const page = open();
    await ready();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await page.user.type(screen.getByLabelText('Add a location'), 'Singapore{Enter}');
    expect(saveStatus().textContent).toBe('Unsaved changes.');
    expect(leave()).toBe(true);
    await page.user.click(saveButton());
    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Profile saved/));
    expect(leave()).toBe(false);
  });

  it('loads the saved profile into the form', async () => {
    const db = freshDb();
    await saveProfile(db, ProfileSchema.parse(MASTER), NOW);
    open(db);
    await ready();
    const degree = group('Degree 1');
    expect((within(degree).getByLabelText('Level') as HTMLSelectElement).value).toBe('Master');
    expect((within(degree).getByLabelText('Field of study') as HTMLInputElement).value).toBe('Data Science');
    expect(screen.getByRole('button', { name: 'Remove skill SQL' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove location Singapore' })).toBeTruthy();
    expect(saveStatus().textContent).toMatch(/^Last saved/);
  });
});

describe('options page: validation next to each field', () => {
  it("shows the schema's message once a field is left, linked by aria-invalid and aria-describedby", async () => {
    const { user } = open();
    await ready();
    await user.click(screen.getByRole('button', { name: 'Add degree' }));
    const graduation = within(group('Degree 1')).getByLabelText('Graduation (YYYY-MM)');
    await user.type(graduation, '2026-13');
    // Not yet: the user is still typing.
    expect(graduation.getAttribute('aria-invalid')).toBeNull();
    await user.tab();
    expect(graduation.getAttribute('aria-invalid')).toBe('true');
    expect(described(graduation)).toContain('expected a year and month (YYYY-MM)');
    await user.clear(graduation);
    await user.type(graduation, '2026-12');
    expect(graduation.getAttribute('aria-invalid')).toBeNull();
    expect(described(graduation)).not.toContain('expected');
  });

  it('refuses to save an invalid draft: every message shown, focus on the first, nothing sent', async () => {
    const page = open();
    const { user } = page;
    await ready();
    await user.click(screen.getByRole('button', { name: 'Add degree' }));
    await user.click(screen.getByRole('button', { name: 'Add period' }));
    const period = group('Period 1');
    fireEvent.change(within(period).getByLabelText('From'), { target: { value: '2026-09-01' } });
    fireEvent.change(within(period).getByLabelText('To'), { target: { value: '2026-06-01' } });

    await user.click(saveButton());
    expect(saveStatus().textContent).toBe('Not saved: 3 fields need attention (degree 1, field).');
    const field = within(group('Degree 1')).getByLabelText('Field of study');
    expect(document.activeElement).toBe(field);
    expect(described(field)).toContain('must not be empty');
    expect(described(within(group('Degree 1')).getByLabelText('Graduation (YYYY-MM)'))).toContain('expected a year and month');
    expect(described(within(period).getByLabelText('To'))).toContain('`from` must not be after `to`');
    expect(page.api.sent).toEqual([]);
    expect(await storedRow(page)).toBeUndefined();
  });

  it("reports the background's refusal in the status line", async () => {
    const page = open(freshDb(), { refuse: 'the database is full' });
    await ready();
    await page.user.type(screen.getByLabelText('Add a language'), 'English{Enter}');
    await page.user.click(saveButton());
    await waitFor(() => expect(saveStatus().textContent).toBe('Not saved: the database is full'));
    expect(saveStatus().getAttribute('role')).toBe('status');
    expect(await storedRow(page)).toBeUndefined();
  });

  it('shows a stored profile that no longer passes the schema, marked for repair, and saves the fix', async () => {
    const db = freshDb();
    await db.profile.put({
      id: 'me',
      data: { education: [{ level: 'PhD', field: 'CS', status: 'pursuing', graduation: '2027' }], skills: ['Go'] },
      updatedAt: '2025-10-01T00:00:00.000Z',
    });
    const page = open(db);
    await ready();
    expect(screen.getByRole('alert').textContent).toContain('education.0.graduation');
    const graduation = within(group('Degree 1')).getByLabelText('Graduation (YYYY-MM)');
    expect((graduation as HTMLInputElement).value).toBe('2027');
    expect(graduation.getAttribute('aria-invalid')).toBe('true');
    await page.user.clear(graduation);
    await page.user.type(graduation, '2027-06');
    await page.user.click(saveButton());
    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Profile saved/));
    expect((await storedRow(page))!.data).toMatchObject({ education: [{ graduation: '2027-06' }], skills: ['Go'] });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('options page: skills by keyboard', () => {
  it('Escape closes the suggestions, a second Escape clears; chips are removed with Delete and focus moves on', async () => {
    const { user } = open();
    await ready();
    const skills = screen.getByRole('combobox', { name: 'Add a skill' }) as HTMLInputElement;
    await user.type(skills, 'Python{Enter}Spark{Enter}SQL{Enter}');
    await user.type(skills, 'kube');
    expect(skills.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(skills.getAttribute('aria-expanded')).toBe('false');
    expect(skills.value).toBe('kube');
    await user.keyboard('{Escape}');
    expect(skills.value).toBe('');

    // Up from the box wraps to the last suggestion.
    await user.type(skills, 'kube');
    await user.keyboard('{ArrowUp}');
    const options = screen.getAllByRole('option');
    expect(skills.getAttribute('aria-activedescendant')).toBe(options[options.length - 1]!.id);
    await user.keyboard('{Escape}{Escape}');

    // Backspace in the empty box goes to the last chip; Delete removes the focused chip.
    await user.keyboard('{Backspace}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove skill SQL' }));
    screen.getByRole('button', { name: 'Remove skill Spark' }).focus();
    await user.keyboard('{Delete}');
    expect(screen.queryByRole('button', { name: 'Remove skill Spark' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove skill SQL' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove skill Python' }));
    await user.keyboard(' ');
    expect(document.activeElement).toBe(skills);
    expect(screen.queryByRole('list', { name: /Add a skill/ })).toBeNull();
  });

  it('marks an entry the schema refuses, and does not save it', async () => {
    const page = open();
    await ready();
    const long = `Distributed ${'systems '.repeat(14)}`.trim();
    await page.user.click(screen.getByLabelText('Add a location'));
    await page.user.paste(long);
    await page.user.keyboard('{Enter}');
    expect(screen.getByText(`${long.slice(0, 40)}…: must be at most 100 characters`)).toBeTruthy();
    expect(screen.getByLabelText('Add a location').getAttribute('aria-invalid')).toBe('true');
    await page.user.click(saveButton());
    expect(saveStatus().textContent).toBe('Not saved: 1 field needs attention (location 1).');
    expect(await storedRow(page)).toBeUndefined();
  });

  it('keeps a skill that is not on the list as typed', async () => {
    const { user } = open();
    await ready();
    await user.type(screen.getByRole('combobox', { name: 'Add a skill' }), 'Quantum annealing{Enter}');
    expect(screen.getByRole('button', { name: 'Remove skill Quantum annealing' })).toBeTruthy();
  });
});

const RESUME = `Priya Nair
priya@example.com

EDUCATION
Master of Science in Data Science, University of Melbourne    Feb 2025 – Dec 2026
B.Tech. in Computer Science, IIT Madras, 2020 – 2024

SKILLS
Python, golang, Spark, Tableau

PUBLICATIONS
1. Priya Nair, Sam Ortiz. Streaming joins at scale. VLDB 2024.
`;

describe('options page: proposals from a résumé', () => {
  it('lists what it found for the user to tick, and merges only the ticked ones into the form', async () => {
    const db = freshDb();
    await saveProfile(db, ProfileSchema.parse({ skills: ['Python'] }), NOW);
    const page = open(db);
    const { user } = page;
    await ready();
    await user.click(screen.getByLabelText('Paste your résumé text'));
    await user.paste(RESUME);
    await user.click(screen.getByRole('button', { name: 'Find degrees, skills and publications' }));

    const checklist = screen.getByRole('group', { name: 'Found in your résumé' });
    const degrees = within(checklist).getByRole('group', { name: 'Degrees' });
    expect(
      within(degrees)
        .getAllByRole('checkbox')
        .map((c) => c.closest('li')!.querySelector('label')!.textContent),
    ).toEqual([
      'Master · Data Science · pursuing · graduation 2026-12',
      'Bachelor · Computer Science · completed · graduation 2024 (month not given)',
    ]);
    // Python is already in the profile, so it is not asked about.
    const skills = within(checklist).getByRole('group', { name: 'Skills' });
    expect(
      within(skills)
        .getAllByRole('checkbox')
        .map((c) => c.closest('li')!.querySelector('label')!.textContent),
    ).toEqual(['Go', 'Spark', 'Tableau']);
    expect(within(skills).getByText('golang')).toBeTruthy();
    expect(screen.getByText(/already in your profile/)).toBeTruthy();
    // Focus lands on the first proposal.
    expect(document.activeElement).toBe(within(degrees).getAllByRole('checkbox')[0]);

    await user.click(within(skills).getByLabelText('Tableau'));
    await user.click(within(degrees).getByLabelText(/^Bachelor/));
    await user.click(within(checklist).getByRole('button', { name: 'Add 4 selected to the form' }));
    expect(screen.queryByRole('group', { name: 'Found in your résumé' })).toBeNull();
    expect(screen.getByText('Added 1 degree, 2 skills and 1 publication to the form. Review them, then save.')).toBeTruthy();

    expect((within(group('Degree 1')).getByLabelText('Field of study') as HTMLInputElement).value).toBe('Data Science');
    expect(screen.queryByRole('group', { name: 'Degree 2' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove skill Tableau' })).toBeNull();
    expect((within(group('Publication 1')).getByLabelText('Venue') as HTMLInputElement).value).toBe('VLDB');
    expect((within(group('Publication 1')).getByLabelText('First author') as HTMLInputElement).checked).toBe(true);

    // Nothing was saved by accepting; saving stores the merged profile.
    expect((await storedRow(page))!.data).toEqual(ProfileSchema.parse({ skills: ['Python'] }));
    await user.click(saveButton());
    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Profile saved/));
    expect((await storedRow(page))!.data).toMatchObject({
      education: [{ level: 'Master', field: 'Data Science', status: 'pursuing', graduation: '2026-12' }],
      skills: ['Python', 'Go', 'Spark'],
      publications: [{ venue: 'VLDB', year: 2024, firstAuthor: true }],
    });
  });

  it('proposes languages, locations and availability, never a degree the profile has, and says why it cannot read a text', async () => {
    const db = freshDb();
    await saveProfile(
      db,
      ProfileSchema.parse({
        education: [{ level: 'Bachelor', field: 'Computer Science', status: 'pursuing', graduation: '2027-05' }],
        languages: ['English'],
      }),
      NOW,
    );
    const page = open(db);
    const { user } = page;
    await ready();
    const box = screen.getByLabelText('Paste your résumé text');
    // Too long: a message, not a button that does nothing.
    fireEvent.change(box, { target: { value: 'x'.repeat(100_001) } });
    await user.click(screen.getByRole('button', { name: 'Find degrees, skills and publications' }));
    expect(screen.getByText(/^This text is 100,001 characters long; Job Lens reads up to 100,000/)).toBeTruthy();

    fireEvent.change(box, {
      target: {
        value: [
          'EDUCATION',
          'BSc Computer Science, expected 2027',
          'LANGUAGES',
          'English (native), Mandarin (fluent)',
          'Location: Singapore',
          'Availability: 11 May 2026 to 28 August 2026',
          'EXPERIENCE',
          'Data Analyst Intern, Grab — Jun 2024 – Aug 2024',
        ].join('\n'),
      },
    });
    await user.click(screen.getByRole('button', { name: 'Find degrees, skills and publications' }));
    const checklist = screen.getByRole('group', { name: 'Found in your résumé' });
    // The bachelor's is in the profile already; English too.
    expect(within(checklist).queryByRole('group', { name: 'Degrees' })).toBeNull();
    const labels = (name: string) =>
      within(within(checklist).getByRole('group', { name }))
        .getAllByRole('checkbox')
        .map((c) => c.closest('li')!.querySelector('label')!.textContent);
    expect(labels('Languages')).toEqual(['Mandarin (fluent)']);
    expect(labels('Locations')).toEqual(['Singapore']);
    expect(labels('Availability')).toEqual(['2026-05-11 to 2026-08-28']);
    expect(labels('Experience')).toEqual(['Data Analyst Intern · Grab · 2024-06 to 2024-08 · internship']);
    await user.click(within(checklist).getByRole('button', { name: 'Add 4 selected to the form' }));
    expect(
      screen.getByText(
        'Added 0 degrees, 0 skills, 0 publications, 1 language, 1 location, 1 availability period and 1 role to the form. Review them, then save.',
      ),
    ).toBeTruthy();
    expect((within(group('Role 1')).getByLabelText('From (YYYY-MM)') as HTMLInputElement).value).toBe('2024-06');
    expect((within(group('Role 1')).getByLabelText('Internship') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Remove language Mandarin (fluent)' })).toBeTruthy();
    expect((within(group('Period 1')).getByLabelText('From') as HTMLInputElement).value).toBe('2026-05-11');
  });

  it('says so when the text holds nothing new', async () => {
    const { user } = open();
    await ready();
    await user.click(screen.getByLabelText('Paste your résumé text'));
    await user.paste('Dear hiring team, thank you for reading.');
    await user.click(screen.getByRole('button', { name: 'Find degrees, skills and publications' }));
    expect(screen.getByText('No degrees, skills or publications found in this text.')).toBeTruthy();
  });
});

describe('options page: export, import and changes elsewhere', () => {
  it('downloads the saved profile as the JSON the match CLI reads, and loads such a file back into the form', async () => {
    const db = freshDb();
    await saveProfile(db, ProfileSchema.parse(MASTER), NOW);
    const page = open(db);
    const { user } = page;
    await ready();
    await user.click(screen.getByRole('button', { name: 'Download profile (JSON)' }));
    expect(page.api.downloads).toHaveLength(1);
    const [download] = page.api.downloads;
    expect(download!.fileName).toBe('job-lens-profile-2025-11-15.json');
    expect(download!.mimeType).toBe('application/json');
    expect(ProfileSchema.parse(JSON.parse(download!.text))).toEqual(ProfileSchema.parse(MASTER));

    const other = { ...MASTER, skills: ['R', 'Tableau'] };
    await user.upload(
      screen.getByLabelText('Load a profile file (JSON)'),
      new File([JSON.stringify(other)], 'mine.json', { type: 'application/json' }),
    );
    await screen.findByText('Loaded mine.json into the form. Review it, then save.');
    expect(screen.getByRole('button', { name: 'Remove skill Tableau' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove skill Python' })).toBeNull();
    expect(saveStatus().textContent).toBe('Unsaved changes.');

    await user.upload(screen.getByLabelText('Load a profile file (JSON)'), new File(['{"skills": "Python"}'], 'bad.json'));
    await screen.findByText(/^Not loaded: skills: /);
    expect(screen.getByRole('link', { name: 'Open the Job Lens data page' }).getAttribute('href')).toBe(
      'chrome-extension://test/popup.html',
    );
  });

  it('follows a change made elsewhere when the form is unchanged, and asks when it is not', async () => {
    const db = freshDb();
    await saveProfile(db, ProfileSchema.parse(MASTER), NOW);
    const { user } = open(db);
    await ready();
    await saveProfile(db, ProfileSchema.parse({ ...MASTER, skills: ['Python', 'SQL', 'Hive'] }), NOW);
    await screen.findByRole('button', { name: 'Remove skill Hive' });
    expect(saveStatus().textContent).toMatch(/changed elsewhere/);

    await user.type(screen.getByLabelText('Add a language'), 'Malay{Enter}');
    await saveProfile(db, ProfileSchema.parse({ ...MASTER, skills: ['Kafka'] }), NOW);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('changed elsewhere while you were editing');
    // The user's edit is still there until they choose.
    expect(screen.getByRole('button', { name: 'Remove language Malay' })).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Discard my changes and load it' }));
    expect(screen.getByRole('button', { name: 'Remove skill Kafka' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove language Malay' })).toBeNull();
  });
});
