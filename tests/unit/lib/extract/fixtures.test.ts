import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../../../lib/zod';
import { extractFromHtml } from '../../../../lib/extract/node';
import { JobPostingSchema } from '../../../../lib/posting/schema';

const DIR = join(import.meta.dirname, '../../../fixtures');
const NOW = new Date('2026-11-01T12:00:00.000Z');

// The expectation files are data; a typo in one must fail loudly rather than test nothing.
const ExpectationSchema = z.object({
  origin: z.string().min(1),
  url: z.string().url(),
  expect: z.enum(['job', 'not-job', 'apply']),
  posting: JobPostingSchema.omit({ description: true, extractedAt: true, jobInformation: true }).strict().optional(),
  descriptionIncludes: z.array(z.string()).optional(),
  descriptionExcludes: z.array(z.string()).optional(),
  jobInformationIncludes: z.array(z.string()).optional(),
});

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const name = f.replace(/\.expected\.json$/, '');
    return {
      name,
      html: readFileSync(join(DIR, `${name}.html`), 'utf8'),
      expected: ExpectationSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))),
    };
  });

describe('fixtures', () => {
  it('cover at least ten pages, among them not-job pages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((f) => f.expected.expect !== 'job').length).toBeGreaterThanOrEqual(2);
  });

  it('each say where they came from', () => {
    for (const f of fixtures) expect(f.html.trimStart(), f.name).toMatch(/^(?:<!doctype html>\s*)?<!--\s*\S[\s\S]{20,}?-->/i);
  });
});

for (const { name, html, expected } of fixtures) {
  describe(`extract ${name}`, () => {
    const result = extractFromHtml(html, new URL(expected.url), NOW);

    if (expected.expect !== 'job') {
      it('is not read as a job', () => {
        expect(result.ok).toBe(false);
        expect(!result.ok && result.reason.length).toBeGreaterThan(5);
      });
      return;
    }

    it('is read as a job and passes the schema', () => {
      expect(result.ok ? 'ok' : result.reason).toBe('ok');
      if (result.ok) expect(JobPostingSchema.safeParse(result.posting).error?.issues).toBeUndefined();
    });
    if (!result.ok) return;
    const posting = result.posting;

    for (const [field, value] of Object.entries(expected.posting ?? {})) {
      it(`reads ${field}`, () => {
        expect(posting[field as keyof typeof posting]).toEqual(value);
      });
    }
    it('stamps extractedAt with the time given', () => {
      expect(posting.extractedAt).toBe(NOW.toISOString());
    });
    it('keeps the introduction in the description, and only there', () => {
      for (const phrase of expected.descriptionIncludes ?? []) expect(posting.description).toContain(phrase);
      for (const phrase of expected.descriptionExcludes ?? []) expect(posting.description).not.toContain(phrase);
    });
    it('keeps the Job Information text', () => {
      for (const phrase of expected.jobInformationIncludes ?? []) expect(posting.jobInformation).toContain(phrase);
    });
  });
}
