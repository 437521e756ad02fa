import { describe, expect, it } from 'vitest';
import {
  degreeLevelsFromTag,
  parseApplicationLimit,
  parseCohort,
  parseCommitment,
  parseContactEmail,
  parseInternshipPeriods,
  parseOnsiteDays,
  parseStartDates,
  teamFromTitle,
} from '../../../../lib/extract/facts';

describe('application limit', () => {
  it.each([
    [
      "Candidates can apply to a maximum of two positions and will be considered for jobs in the order you apply. The application limit is applicable to TikTok and its affiliates' jobs globally.",
      { max: 2, scope: 'affiliates-global', inOrder: true },
    ],
    [
      "Candidates can apply to a maximum of TWO positions and will be considered for jobs in the order you applied for. The application limit is applicable to ByteDance and its affiliates' jobs globally.",
      { max: 2, scope: 'affiliates-global', inOrder: true },
    ],
    ['Candidates can apply to a maximum of 3 positions.', { max: 3, scope: 'company', inOrder: false }],
    [
      'Candidates can apply for a maximum of Three roles and will be considered in the order they applied.',
      { max: 3, scope: 'company', inOrder: true },
    ],
  ])('%s', (text, expected) => {
    expect(parseApplicationLimit(text)).toEqual(expected);
  });

  it('is null without a limit sentence, or with a number it cannot read', () => {
    expect(parseApplicationLimit('Apply early. We review on a rolling basis.')).toBeNull();
    expect(parseApplicationLimit('Candidates can apply to a maximum of several positions.')).toBeNull();
  });
});

describe('dates and windows', () => {
  it('reads the start-date list and nothing after it', () => {
    expect(
      parseStartDates(
        'Summer Start Dates: - May 11th, 2026 - May 18th, 2026 - June 1st, 2026. Please state your availability clearly. From May 25, 2026 on we …',
      ),
    ).toEqual(['2026-05-11', '2026-05-18', '2026-06-01']);
    expect(parseStartDates('Start Date: 12 Jan 2026')).toEqual(['2026-01-12']);
    expect(parseStartDates('Start dates are flexible.')).toEqual([]);
  });

  it('never invents an impossible date', () => {
    expect(parseStartDates('Start Dates: - February 30th, 2026 - March 2nd, 2026')).toEqual(['2026-03-02']);
  });

  it('reads internship windows with and without onboarding dates', () => {
    expect(
      parseInternshipPeriods(
        'either of the following Internships - From January to June (onboard by 12 Jan 2026) - From May to August (onboard by 11 May 2026)',
      ),
    ).toEqual([
      { from: 'January', to: 'June', onboardBy: '2026-01-12' },
      { from: 'May', to: 'August', onboardBy: '2026-05-11' },
    ]);
    expect(parseInternshipPeriods('- From January to June - From May to August (Summer)')).toEqual([
      { from: 'January', to: 'June', onboardBy: null },
      { from: 'May', to: 'August', onboardBy: null },
    ]);
    expect(parseInternshipPeriods('from Sept. to Feb.')).toEqual([{ from: 'September', to: 'February', onboardBy: null }]);
  });
});

describe('commitment and on-site days', () => {
  it.each([
    ['must be able to commit to at least 3 months long internship period', { amount: 3, unit: 'month' }],
    ['It runs for 12 weeks beginning in May/June 2026.', { amount: 12, unit: 'week' }],
    ['a minimum of six months', { amount: 6, unit: 'month' }],
    ['This is a 24-week internship programme.', { amount: 24, unit: 'week' }],
  ])('%s', (text, expected) => {
    expect(parseCommitment(text)).toEqual(expected);
  });

  it('does not take days per week for a commitment', () => {
    expect(parseCommitment('on-site for a minimum of three days per week')).toBeNull();
  });

  it('reads on-site days only when the sentence is about being in the office', () => {
    expect(parseOnsiteDays('You will work on-site at our Sydney office for a minimum of three days per week.')).toBe(3);
    expect(parseOnsiteDays('We expect you in the office 4 days a week.')).toBe(4);
    expect(parseOnsiteDays('Our models retrain 5 days per week.')).toBeNull();
  });
});

describe('title facts', () => {
  it('reads degree tags, cohort and team from titles', () => {
    const title = 'Big Data Engineer Intern (TikTok Live Recommendation Architecture) - 2026 Start (BS/MS)';
    expect(degreeLevelsFromTag(title)).toEqual(['Bachelor', 'Master']);
    expect(degreeLevelsFromTag('Research Scientist (PhD)')).toEqual(['PhD']);
    expect(degreeLevelsFromTag('Software Engineer (MS)')).toEqual(['Master']);
    expect(parseCohort(title)).toBe('2026 Start');
    expect(parseCohort('Product Manager Intern - 2025 summer')).toBe('2025 Summer');
    expect(parseCohort('Software Engineer')).toBeNull();
    expect(teamFromTitle(title)).toBe('TikTok Live Recommendation Architecture');
    expect(teamFromTitle('Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)')).toBe('Global Live - Strategy');
    expect(teamFromTitle('Software Engineer (PhD)')).toBeNull();
  });

  it('takes the contact address after "reach out to us at", not any address', () => {
    expect(
      parseContactEmail('Send logs to ops@example.com. If you have any questions, please reach out to us at apac-earlycareers@tiktok.com.'),
    ).toBe('apac-earlycareers@tiktok.com');
    expect(parseContactEmail('If you have any questions, please reach out to us at https://careers.tiktok.com/help')).toBeNull();
    expect(parseContactEmail('No address here')).toBeNull();
  });
});
