import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContactEmail } from '../../../../lib/extract/facts';
import { cutText, LIMITS, trimToLimits } from '../../../../lib/extract/limits';
import { extractFromHtml } from '../../../../lib/extract/node';
import { type JobPosting, JobPostingSchema } from '../../../../lib/posting/schema';

const NOW = new Date('2026-11-01T12:00:00Z');
const JOB_URL = new URL('https://lifeattiktok.com/search/7511946310275172616');
const seedHtml = readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-seed-003.html'), 'utf8');

function seedPosting(): JobPosting {
  const result = extractFromHtml(seedHtml, JOB_URL, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
}
const valid = (posting: unknown) => JobPostingSchema.safeParse(posting).success;
const itemOf = (field: string) =>
  field === 'startDates' ? '2026-05-11' : field === 'internshipPeriods' ? { from: 'May', to: 'August', onboardBy: null } : 'x';

describe("the extractor's limits are the schema's", () => {
  const TEXT_LIMITS = Object.entries(LIMITS).filter((e): e is [string, number] => typeof e[1] === 'number');
  const LIST_LIMITS = Object.entries(LIMITS).filter((e): e is [string, readonly [number, number]] => typeof e[1] !== 'number');
  it('cover every text and list field of the posting that comes from the page', () => {
    expect(Object.keys(LIMITS).sort()).toEqual([
      'category',
      'cohort',
      'description',
      'employmentType',
      'internshipPeriods',
      'jobCode',
      'jobInformation',
      'locations',
      'minimumQualifications',
      'preferredQualifications',
      'responsibilities',
      'startDates',
      'team',
      'title',
    ]);
  });
  for (const [field, max] of TEXT_LIMITS) {
    it(`${field}: ${max} characters`, () => {
      expect(valid({ ...seedPosting(), [field]: 'a'.repeat(max) })).toBe(true);
      expect(valid({ ...seedPosting(), [field]: 'a'.repeat(max + 1) })).toBe(false);
    });
  }
  for (const [field, [maxItems, maxLength]] of LIST_LIMITS) {
    it(`${field}: ${maxItems} items${maxLength ? ` of ${maxLength} characters` : ''}`, () => {
      expect(valid({ ...seedPosting(), [field]: Array.from({ length: maxItems }, () => itemOf(field)) })).toBe(true);
      expect(valid({ ...seedPosting(), [field]: Array.from({ length: maxItems + 1 }, () => itemOf(field)) })).toBe(false);
      if (maxLength) {
        expect(valid({ ...seedPosting(), [field]: ['a'.repeat(maxLength)] })).toBe(true);
        expect(valid({ ...seedPosting(), [field]: ['a'.repeat(maxLength + 1)] })).toBe(false);
      }
    });
  }
  it('contactEmail: 320 characters, more than the address scan can ever return', () => {
    const longest = `${'a'.repeat(64)}@${`${'b'.repeat(62)}.`.repeat(5)}com`;
    expect(longest.length).toBeGreaterThan(320);
    const found = parseContactEmail(`please reach out to us at ${longest}`) ?? parseContactEmail(longest);
    expect(found!.length).toBeLessThanOrEqual(320);
    expect(valid({ ...seedPosting(), contactEmail: found })).toBe(true);
    expect(valid({ ...seedPosting(), contactEmail: `${'a'.repeat(313)}@x.co.uk` })).toBe(false);
  });
});

describe('trimToLimits', () => {
  it('leaves a posting within the limits alone and says nothing was shortened', () => {
    const posting = seedPosting();
    const before = structuredClone(posting);
    expect(trimToLimits(posting)).toEqual([]);
    expect(posting).toEqual(before);
    expect(posting.shortened).toBeUndefined();
  });

  it('cuts texts with an ellipsis, keeps the first items of lists, and never splits a surrogate pair', () => {
    expect(cutText('abcdef', 4)).toBe('abc…');
    expect(cutText('ab😀def', 4)).toBe('ab…');
    expect(cutText('abc', 3)).toBe('abc');
  });
});

/** The seed page with its lists, title, locations and Job Information blown past the limits. */
function oversizedPage(): string {
  const bullets = Array.from({ length: 201 }, (_, i) => `- Duty number ${i + 1} of the role.`).join(' ');
  const longItem = `- Familiar with ${'distributed systems and '.repeat(220)}storage.`;
  const locations = Array.from({ length: 51 }, (_, i) => `City ${i + 1}`).join('; ');
  const title = `Big Data Engineer Intern ${'(Live) '.repeat(75)}- 2026 Start (BS/MS)`;
  return seedHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${title} - TikTok Careers</title>`)
    .replace(/<meta property="og:title" content="[^"]*">/, `<meta property="og:title" content="${title} - TikTok Careers">`)
    .replace(/>Big Data Engineer Intern \(TikTok Live Recommendation Architecture\) - 2026 Start \(BS\/MS\)</, `>${title}<`)
    .replace('<span>Singapore</span>', `<span>${locations}</span>`)
    .replace('Responsibilities - Design and implement', `Responsibilities ${bullets} - Design and implement`)
    .replace('Preferred Qualifications: -', `${longItem} Preferred Qualifications: -`)
    .replace('About TikTok', `About TikTok ${'Our mission is to inspire creativity and bring joy. '.repeat(1_100)}`);
}

describe('a posting over the limits is trimmed, never dropped', () => {
  const result = extractFromHtml(oversizedPage(), JOB_URL, NOW);

  it('is read, passes the schema, and names what was shortened', () => {
    expect(result.ok ? 'ok' : result.reason).toBe('ok');
    if (!result.ok) return;
    expect(JobPostingSchema.safeParse(result.posting).error?.issues).toBeUndefined();
    expect(new Set(result.posting.shortened)).toEqual(
      new Set(['title', 'locations', 'responsibilities', 'minimumQualifications', 'jobInformation']),
    );
  });

  it('keeps the first items and the start of each text', () => {
    if (!result.ok) return;
    const p = result.posting;
    expect(p.responsibilities).toHaveLength(200);
    expect(p.responsibilities[0]).toBe('Duty number 1 of the role.');
    expect(p.locations).toHaveLength(50);
    expect(p.locations.slice(0, 2)).toEqual(['City 1', 'City 2']);
    expect(p.title).toHaveLength(500);
    expect(p.title.startsWith('Big Data Engineer Intern (Live)')).toBe(true);
    expect(p.title.endsWith('…')).toBe(true);
    const long = p.minimumQualifications.find((q) => q.startsWith('Familiar with distributed'));
    expect(long?.length).toBe(5_000);
    expect(p.jobInformation.length).toBe(50_000);
    expect(p.jobInformation.startsWith('About TikTok')).toBe(true);
  });
});
