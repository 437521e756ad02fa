import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromPage, extractPosting } from '../../../../lib/extract/extract';
import { parseDocument } from '../../../../lib/extract/node';
import { TooManyLinesError } from '../../../../lib/extract/lines';
import { MAX_H1, MAX_PAGE_CHARS, pageChars, readPage } from '../../../../lib/extract/page';
import { requestSchemas } from '../../../../lib/messages/protocol';

// The content script reads a page's lines and sends them; the background reads them into the
// posting. Split so, every fixture page must read exactly as the whole extractor reads it.

const DIR = join(import.meta.dirname, '../../../fixtures');
const NOW = new Date('2026-11-01T12:00:00.000Z');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const name = f.replace(/\.expected\.json$/, '');
    const { url } = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { url: string };
    return { name, url: new URL(url), html: readFileSync(join(DIR, `${name}.html`), 'utf8') };
  });

describe('a page read in two halves', () => {
  it.each(pages)('$name: the posting from the sent lines is the posting from the page', ({ html, url }) => {
    const doc = parseDocument(html);
    // What crosses to the background: a structured clone, checked by the message's schema.
    const sent = requestSchemas['page:read'].parse({ jobId: '7512345678901234567', page: structuredClone(readPage(doc)), last: null });
    expect(extractFromPage(sent.page, url, NOW)).toEqual(extractPosting(doc, url, NOW));
  });

  it('covers job pages and pages that are not jobs', () => {
    const results = pages.map(({ html, url }) => extractPosting(parseDocument(html), url, NOW).ok);
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(10);
    expect(results.filter((ok) => !ok).length).toBeGreaterThanOrEqual(2);
  });

  it('reads the head as the page has it and the h1s collapsed, at most as many as the message takes', () => {
    const many = Array.from({ length: MAX_H1 + 5 }, (_, i) => `<h1> Engineer\n  ${i} </h1>`).join('');
    const doc = parseDocument(
      `<html><head><title> Data Engineer Intern | TikTok Careers </title><meta property="og:title" content="Data Engineer Intern"></head><body>${many}</body></html>`,
    );
    const page = readPage(doc);
    expect([page.og, page.title]).toEqual(['Data Engineer Intern', ' Data Engineer Intern | TikTok Careers ']);
    expect(page.h1).toHaveLength(MAX_H1);
    expect(page.h1.slice(0, 2)).toEqual(['Engineer 0', 'Engineer 1']);
  });

  it('reads a long real page well within the bound on characters', () => {
    const longest = Math.max(...pages.map(({ html }) => pageChars(readPage(parseDocument(html)).lines)));
    expect(longest).toBeGreaterThan(1_000);
    expect(longest * 20).toBeLessThan(MAX_PAGE_CHARS);
  });
});

describe('a page too large to read', () => {
  // A paragraph of 200 kB, a dozen times: under the line bound, over the character bound.
  const huge = `<html><body><main><h1>Data Engineer Intern</h1>${'<p>Responsibilities and more. '.concat('x'.repeat(200_000), '</p>').repeat(12)}</main></body></html>`;

  it('is not read by the content script, which says why', () => {
    expect(() => readPage(parseDocument(huge))).toThrow(TooManyLinesError);
    expect(() => readPage(parseDocument(huge))).toThrow(`more than ${MAX_PAGE_CHARS} characters`);
    const result = extractPosting(parseDocument(huge), new URL('https://lifeattiktok.com/search/7512345678901234567'), NOW);
    expect(result).toEqual({ ok: false, reason: `page too large to be a job posting (more than ${MAX_PAGE_CHARS} characters)` });
  });

  it('is refused by the message schema when a tab sends it anyway', () => {
    const line = { text: 'y'.repeat(90_000), segments: ['y'.repeat(90_000)], soft: false, listItem: false };
    const page = { lines: Array.from({ length: 12 }, () => line), og: null, title: null, h1: [] };
    const parsed = requestSchemas['page:read'].safeParse({ jobId: '7512345678901234567', page, last: null });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['page', 'lines'],
      message: `a page of more than ${MAX_PAGE_CHARS} characters is not a job posting`,
    });
    // The same lines, a third as many, are a page the background reads.
    const fewer = { ...page, lines: page.lines.slice(0, 4) };
    expect(requestSchemas['page:read'].safeParse({ jobId: '7512345678901234567', page: fewer, last: null }).success).toBe(true);
  });
});
