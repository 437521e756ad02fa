import { describe, expect, it } from 'vitest';
import { deriveProgram, effectiveProgram, hasIntake, programFor, type ProgramInput } from '../../../../lib/program/program';

/**
 * Titles shaped like the careers sites' (team in brackets, intake suffix, degree tag), written in
 * our own words. `limit`: true when the page states the limit sentence, false when it states none
 * (experienced hires), undefined when only the title is known (a row of the site's history).
 */
type Row = [title: string, employmentType: string | null, levels: string[], limit: boolean | undefined, expected: string | null];

const LIMIT = { max: 2 };

const TABLE: Row[] = [
  // Undergrad/Master interns, every tag and intake the site uses
  [
    'Big Data Engineer Intern (Live Recommendation Architecture) - 2026 Start (BS/MS)',
    'Intern',
    ['Bachelor', 'Master'],
    true,
    'intern-bsms:2026-start',
  ],
  [
    'Data Scientist Intern (Live Operation Intelligence) - 2026 Start (BS/MS)',
    null,
    ['Bachelor', 'Master'],
    true,
    'intern-bsms:2026-start',
  ],
  ['Backend Software Engineer Intern (Search) - 2026 Summer (BS/MS)', 'Intern', ['Bachelor', 'Master'], true, 'intern-bsms:2026-summer'],
  [
    'Machine Learning Engineer Intern (Trust and Safety - Content Understanding) - 2026 Start (MS)',
    'Intern',
    ['Master'],
    true,
    'intern-bsms:2026-start',
  ],
  ['Frontend Engineer Intern (Creation Tools) - 2026 Start (BS)', 'Intern', ['Bachelor'], true, 'intern-bsms:2026-start'],
  [
    'Security Engineer Intern (Product Security - Web & Mobile) - 2026 Start (BS/MS)',
    'Intern',
    ['Bachelor', 'Master'],
    true,
    'intern-bsms:2026-start',
  ],
  ['Product Designer Intern (Commerce Experience) - 2027 Start (BS/MS)', 'Intern', [], true, 'intern-bsms:2027-start'],
  [
    'Software Engineer Intern (Ads Infrastructure) - 2025 Summer (BS/MS)',
    'Intern',
    ['Bachelor', 'Master'],
    true,
    'intern-bsms:2025-summer',
  ],
  ['Site Reliability Engineer Intern - 2026 Start (BS/MS)', 'Intern', ['Bachelor', 'Master', 'PhD'], true, 'intern-bsms:2026-start'],
  ['Data Engineer Intern (Payments) – 2026 Start (BS/MS)', 'Internship', ['Bachelor'], true, 'intern-bsms:2026-start'],
  ['Research Engineer Intern (Speech) - 2026 Start (BS/MS/PhD)', 'Intern', ['Bachelor', 'Master', 'PhD'], true, 'intern-bsms:2026-start'],
  ['Operations Analyst Intern (Global Live) - 2026 Spring (BS/MS)', 'Intern', [], true, 'intern-bsms:2026-spring'],
  ['Marketing Intern (Brand Partnerships) - 2026 Fall (BS/MS)', 'Intern', [], true, 'intern-bsms:2026-fall'],
  // PhD interns
  ['Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)', 'Intern', ['PhD'], true, 'intern-phd:2026-start'],
  ['Research Scientist Intern (Multimodal Interaction & World Model) - 2026 Start (PhD)', 'Intern', ['PhD'], true, 'intern-phd:2026-start'],
  ['Research Scientist Intern (Vision Foundation Models) - 2026 Summer (PhD)', 'Intern', ['PhD'], true, 'intern-phd:2026-summer'],
  ['Machine Learning Scientist Intern (Recommendation) - 2027 Start (Ph.D.)', 'Intern', ['PhD'], true, 'intern-phd:2027-start'],
  ['PhD Research Intern (Speech Synthesis) - 2026 Start', 'Intern', ['PhD'], true, 'intern-phd:2026-start'],
  // MBA interns
  ['Product Manager Intern (Monetization) - 2026 Summer (MBA)', 'Intern', ['Master'], true, 'intern-mba:2026-summer'],
  ['MBA Strategy Intern (Global Business Solutions) - 2026 Summer', 'Intern', ['Master'], true, 'intern-mba:2026-summer'],
  // Graduates
  [
    'Software Engineer Graduate (Search Infrastructure) - 2026 Start (BS/MS)',
    'Regular',
    ['Bachelor', 'Master'],
    true,
    'graduate:2026-start',
  ],
  ['Frontend Engineer Graduate (Live) - 2027 Start (BS/MS)', 'Regular', ['Bachelor', 'Master'], true, 'graduate:2027-start'],
  ['Data Analyst Graduate (Trust and Safety) - 2026 Start (BS)', 'Regular', ['Bachelor'], true, 'graduate:2026-start'],
  ['Software Engineer (Video Platform) - 2026 Start (BS/MS)', 'Regular', ['Bachelor', 'Master'], true, 'graduate:2026-start'],
  ['Graduate Program - Product Operations - 2026 Start', 'Regular', [], true, 'graduate:2026-start'],
  ['New Grad Backend Engineer (Commerce) - 2026 Start (BS/MS)', 'Regular', [], true, 'graduate:2026-start'],
  // PhD and MBA graduates
  ['Research Scientist Graduate (Applied Machine Learning) - 2027 Start (PhD)', 'Regular', ['PhD'], true, 'graduate-phd:2027-start'],
  ['Machine Learning Engineer (Ads Ranking) - 2026 Start (PhD)', 'Regular', ['PhD'], true, 'graduate-phd:2026-start'],
  ['PhD Graduates - Computer Vision Researcher - 2027 Start', 'Regular', ['PhD'], true, 'graduate-phd:2027-start'],
  ['Product Manager Graduate (Commerce) - 2026 Start (MBA)', 'Regular', ['Master'], true, 'graduate-mba:2026-start'],
  // ByteDance wording (joinbytedance.com / jobs.bytedance.com)
  ['Backend Software Engineer Intern (Data Platform) - 2025 Start', 'Intern', ['Bachelor'], true, 'intern-bsms:2025-start'],
  ['Research Scientist Intern (Seed - Large Language Models) - 2026 Start (PhD)', 'Intern', ['PhD'], true, 'intern-phd:2026-start'],
  [
    'Software Development Engineer Intern (Doubao - Infrastructure) - 2026 Start (BS/MS)',
    'Intern',
    ['Bachelor', 'Master'],
    true,
    'intern-bsms:2026-start',
  ],
  ['Research Scientist Graduate (Seed - Robotics) - 2026 Start (PhD)', 'Regular', ['PhD'], true, 'graduate-phd:2026-start'],
  ['Software Engineer Graduate (Volcano Engine) - 2026 Start (BS/MS)', 'Regular', ['Bachelor', 'Master'], true, 'graduate:2026-start'],
  // A limit sentence but no intake in the title (older pages, project interns)
  ['Frontend Software Engineer Intern (Ads Platform)', 'Intern', ['Bachelor', 'Master'], true, 'intern-bsms:any'],
  ['Research Intern (Speech Recognition)', 'Intern', ['PhD'], true, 'intern-phd:any'],
  ['Product Analyst (Growth)', 'Regular', [], true, 'graduate:any'],
  // Experienced hires: the page states no limit, whatever the title suggests
  ['Senior Backend Software Engineer - Shop Seller Growth', 'Regular', ['Bachelor'], false, null],
  ['Staff Machine Learning Engineer (Recommendation)', 'Regular', ['Master', 'PhD'], false, null],
  ['Engineering Manager, Ads Measurement', 'Regular', [], false, null],
  ['Research Scientist, Computer Vision (PhD)', 'Regular', ['PhD'], false, null],
  ['Graduate Recruiting Partner', 'Regular', [], false, null],
  // Only the title known (the site's history page)
  ['Big Data Engineer Intern (Live Recommendation Architecture) - 2026 Start (BS/MS)', null, [], undefined, 'intern-bsms:2026-start'],
  ['Research Scientist Graduate (Applied Machine Learning) - 2027 Start (PhD)', null, [], undefined, 'graduate-phd:2027-start'],
  ['Product Manager Intern (Monetization) - 2026 Summer (MBA)', null, [], undefined, 'intern-mba:2026-summer'],
  ['Senior Backend Software Engineer - Shop Seller Growth', null, [], undefined, null],
  ['Site Reliability Engineer, Storage', null, [], undefined, null],
];

const input = ([title, employmentType, levels, limit]: Row): ProgramInput => ({
  title,
  employmentType,
  degreeLevels: levels,
  applicationLimit: limit === true ? LIMIT : limit === false ? null : undefined,
});

describe('deriveProgram', () => {
  it('reads a table of more than forty titles', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    const got = TABLE.map((row) => [row[0], deriveProgram(input(row))?.key ?? null]);
    expect(got).toEqual(TABLE.map((row) => [row[0], row[4]]));
  });

  it('labels a program with the site’s track name and the intake', () => {
    expect(deriveProgram(input(TABLE[0]!))).toEqual({ key: 'intern-bsms:2026-start', label: 'Undergrad/Master Intern · 2026 Start' });
    expect(deriveProgram(input(TABLE[13]!))?.label).toBe('PhD Intern · 2026 Start');
    expect(deriveProgram(input(TABLE[26]!))?.label).toBe('PhD Graduate · 2027 Start');
    expect(deriveProgram(input(TABLE[20]!))?.label).toBe('Graduate · 2026 Start');
    expect(deriveProgram(input(TABLE[35]!))?.label).toBe('Undergrad/Master Intern · intake not stated');
  });

  it('takes the intake of an older page from its value row when the title has none', () => {
    // The older page's row "Undergraduate/Master Intern- 2025 Start" becomes cohort, degree levels and type.
    const older = {
      title: 'Frontend Software Engineer Intern (Ads Platform)',
      employmentType: 'Intern',
      degreeLevels: ['Bachelor', 'Master'],
      cohort: '2025 Start',
      applicationLimit: LIMIT,
    };
    expect(deriveProgram(older)).toEqual({ key: 'intern-bsms:2025-start', label: 'Undergrad/Master Intern · 2025 Start' });
    // "PhD Graduates - 2027 Start" in that row, with a title that says neither.
    expect(
      deriveProgram({
        title: 'Research Scientist (Speech)',
        employmentType: 'Regular',
        degreeLevels: ['PhD'],
        cohort: '2027 Start',
        applicationLimit: LIMIT,
      })?.key,
    ).toBe('graduate-phd:2027-start');
  });

  it('gives every program a stable key: the same posting read twice, the same key', () => {
    for (const row of TABLE) expect(deriveProgram(input(row))).toEqual(deriveProgram(input(row)));
  });

  it('knows which programs have an intake', () => {
    expect(hasIntake(programFor('graduate', '2026 Start'))).toBe(true);
    expect(hasIntake(programFor('graduate', null))).toBe(false);
  });
});

describe('effectiveProgram', () => {
  const posting = input(TABLE[0]!);
  it('uses the posting’s program unless the user corrected it', () => {
    expect(effectiveProgram(posting, null)?.key).toBe('intern-bsms:2026-start');
    expect(effectiveProgram(posting, undefined)?.key).toBe('intern-bsms:2026-start');
    expect(effectiveProgram(posting, 'none')).toBeNull();
    const phd = programFor('intern-phd', '2026 Start');
    expect(effectiveProgram(posting, phd)).toEqual(phd);
    // An experienced posting the user knows to be campus.
    expect(effectiveProgram(input(TABLE[38]!), phd)).toEqual(phd);
  });
});

describe('deriveProgram on every job fixture', () => {
  it('gives each saved page the program its title, type and limit sentence show', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../../fixtures/', import.meta.url);
    const programs: Record<string, string | null> = {};
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.expected.json'))
      .sort()) {
      const fixture = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { expect: string; posting?: ProgramInput };
      if (fixture.expect === 'job') programs[file.replace('.expected.json', '')] = deriveProgram(fixture.posting!)?.key ?? null;
    }
    expect(programs).toEqual({
      'bytedance-dl': 'intern-phd:2026-start',
      // "Machine Learning Engineer Intern (Doubao Speech) - 2026 Start (PhD)", Intern, ByteDance's limit sentence.
      'bytedance-headings-inline': 'intern-phd:2026-start',
      'bytedance-old-dash-words': 'intern-bsms:2025-start',
      'tiktok-eeo-boilerplate': null,
      'tiktok-experienced-staff-ml': null,
      'tiktok-graduate-search': 'graduate:2026-start',
      'tiktok-hostile-text': 'intern-bsms:2026-start',
      // "Data Analyst Intern (Commerce Growth) - 2026 Start (BS/MS)", Intern, with the limit sentence.
      'tiktok-nav-list-items': 'intern-bsms:2026-start',
      // "Graduate Site Reliability Engineer - 2026 Start (BS/MS)", Regular, but the page states no limit
      // sentence: by the rule for pages read without one (experienced hires), it belongs to no program.
      'tiktok-no-job-information': null,
      // The older page: no intake in the title, "Undergraduate/Master Intern- 2025 Start" in its value row.
      'tiktok-old-job-id': 'intern-bsms:2025-start',
      'tiktok-paragraphs': 'intern-bsms:2026-start',
      // "Backend Software Engineer Intern (Trust and Safety) - 2026 Start (BS/MS)", Intern, with the limit sentence.
      'tiktok-pre-line-run': 'intern-bsms:2026-start',
      'tiktok-seed-000': 'intern-phd:2026-start',
      'tiktok-seed-002': 'intern-bsms:2026-start',
      'tiktok-seed-003': 'intern-bsms:2026-start',
      'tiktok-ul-li': 'intern-bsms:2026-summer',
      // An undergraduate intern's page: the BS/MS intern program, like bytedance-old-dash-words.
      'tiktok-value-row-job-id': 'intern-bsms:2026-start',
    });
  });
});
