import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../../../lib/extract/extract';
import { extractFromHtml, parseDocument } from '../../../../lib/extract/node';
import { JobPostingSchema } from '../../../../lib/posting/schema';

const URL_JOB = new URL('https://lifeattiktok.com/search/7525331248713058591');
const NOW = new Date('2026-11-01T12:00:00Z');
const seed = readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-seed-000.html'), 'utf8');

describe('extraction on bad input', () => {
  it('reads malformed HTML (unclosed tags, stray closers) without throwing', () => {
    const html = `<div><div>Technology<h1>Data Engineer Intern - 2026 Start (BS/MS)<div><span>Location</span><span>:</span><span>Singapore</span>
      </p></li><h2>Responsibilities<h2>Qualifications</h2><ul><li>Bachelor's degree<li>SQL and Python`;
    const result = extractFromHtml(html, URL_JOB, NOW);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.posting.locations).toEqual(['Singapore']);
      expect(JobPostingSchema.safeParse(result.posting).success).toBe(true);
    }
  });

  it('gives empty fields, not invented ones, when sections are missing', () => {
    const html = `<main><div>Technology</div><h1>Data Engineer Intern</h1>
      <div><span>Location</span><span>:</span><span>Singapore</span></div></main>`;
    const result = extractFromHtml(html, URL_JOB, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.posting;
    expect([p.responsibilities, p.minimumQualifications, p.preferredQualifications, p.startDates, p.degreeLevels]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect([p.jobCode, p.employmentType, p.cohort, p.commitment, p.applicationLimit, p.onsiteDaysPerWeek, p.contactEmail]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(p.description).toBe('');
  });

  it('reads a 1 MB page and still finds the posting in it', () => {
    const filler = `<div class="x">${'<p>Unrelated footer text that repeats. </p>'.repeat(25_000)}</div>`;
    const html = seed.replace('</body>', `${filler}</body>`);
    expect(html.length).toBeGreaterThan(1_000_000);
    const result = extractFromHtml(html, URL_JOB, NOW);
    expect(result.ok ? result.posting.jobCode : result.reason).toBe('A257111A');
  });

  it('refuses a page with an absurd number of lines instead of reading it', () => {
    const html = `<h1>Title</h1>${'<div>x</div>'.repeat(60_000)}`;
    const result = extractFromHtml(html, URL_JOB, NOW);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/too large/) });
  });

  it('never throws, even on a pathologically deep tree', () => {
    const depth = 20_000;
    const doc = parseDocument('<html><body></body></html>');
    let node: Element = doc.body;
    for (let i = 0; i < depth; i++) {
      const child = doc.createElement('div');
      node.appendChild(child);
      node = child;
    }
    node.textContent = 'Responsibilities';
    expect(() => extractPosting(doc, URL_JOB, NOW)).not.toThrow();
    expect(extractPosting(doc, URL_JOB, NOW).ok).toBe(false);
  });

  it('leaves a URL that is not a job page alone, whatever the page holds', () => {
    const result = extractFromHtml(seed, new URL('https://lifeattiktok.com/search?keyword=data'), NOW);
    expect(result).toEqual({ ok: false, reason: 'not a job page URL' });
  });

  it('keeps markup in page text as literal text', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-hostile-text.html'), 'utf8');
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../../../fixtures/tiktok-hostile-text.expected.json'), 'utf8'));
    const result = extractFromHtml(html, new URL(expected.url), NOW);
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.posting)).toContain('<img src=x onerror=alert(1)>');
  });
});
