import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../../lib/extract/lines';
import { parseDocument } from '../../../../lib/extract/node';
import * as texts from '../../../../lib/sites/texts';
import { escapeRegExp } from '../../../../lib/text/regexp';

/**
 * Every phrase the readers key on is the site's wording, so each must be found on a stored page:
 * a phrase no page shows is a guess that no test holds to the site. The pages are read as the
 * extractor reads them (visible lines and their pieces), plus the document's title.
 */

const DIR = join(import.meta.dirname, '../../../fixtures');

const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => {
    const doc = parseDocument(readFileSync(join(DIR, f), 'utf8'));
    const lines = readLines(doc.body);
    const titles = [
      doc.querySelector('title')?.textContent,
      doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    ].flatMap((t) => (t?.trim() ? [t.replace(/\s+/g, ' ').trim()] : []));
    return { name: f, texts: [...new Set([...lines.flatMap((l) => [l.text, ...l.segments]), ...titles])] };
  });

/**
 * Variants on no stored page, kept all the same: each reader also accepts a wording the stored
 * pages do not use (another layout, another posting's sub-heading, the history whose markup is
 * not known). Listed one by one, and the test fails once a page shows one, so the table only
 * ever shrinks.
 */
const NOT_ON_ANY_PAGE: { path: string; reason: string; items: string[] }[] = [
  {
    path: 'LABELS',
    reason: 'label names of header layouts no stored job page has',
    items: ['Work Location', 'City', 'Requisition ID', 'Department', 'Category'],
  },
  {
    path: 'DUTY_MARKERS',
    reason: 'duty sub-headings as other postings word them',
    items: ['Job Responsibilities', 'Your Responsibilities', 'What You Will Do', 'What you will be doing'],
  },
  {
    path: 'MINIMUM_MARKERS',
    reason: 'requirement sub-headings as other postings word them',
    items: ['Basic Qualifications', 'Required Qualifications'],
  },
  { path: 'PREFERRED_MARKERS', reason: 'preference sub-headings as other postings word them', items: ['Nice to Have', 'Bonus Points'] },
  {
    path: 'PROGRAMME_SENTENCES',
    reason: "the programme's length worded as a sentence of its own",
    items: [String(/^(?:The )?(?:internship|programme|program) (?:runs|lasts) for/i), String(/^It runs for \d+/i)],
  },
  {
    path: 'BOILERPLATE_SENTENCES',
    reason: 'the equal-opportunity and pay sentences in the other wordings postings use',
    items: [
      String(/^(?:TikTok|ByteDance) is an equal opportunity employer/i),
      String(/^We are an equal opportunity employer/i),
      String(/^Equal Opportunity/i),
      String(/^For Pay Transparency/i),
    ],
  },
  {
    path: 'EMPLOYMENT_TYPES',
    reason: 'employment types of jobs unlike the stored ones (interns, graduates, regular staff)',
    items: ['Full-time', 'Full time', 'Part-time', 'Part time', 'Contract', 'Contractor', 'Temporary', 'Permanent'],
  },
  {
    path: 'SUBMITTED_LINES',
    reason: "the confirmation's other wording",
    items: [String(/^We(?: have|'ve|’ve) received your application\b/i)],
  },
  {
    path: 'HISTORY_LABELS',
    reason: "the history's markup is not known, so its rows are read by any label it may use",
    items: [
      'Applied on',
      'Applied at',
      'Application date',
      'Apply time',
      'Submitted on',
      'Submission time',
      'Date',
      'Time',
      'Application status',
      'Progress',
      'Stage',
      'Position name',
      'Job title',
      'Title',
    ],
  },
];

// Labels and headings count only where the readers look for them: at the start of a line.
const LINE_START = new Set(['LABELS', 'SECTION_HEADINGS', 'HISTORY_LABELS']);

interface Phrase {
  /** The export, and the key inside a table of lists ("HISTORY_LABELS.status"). */
  path: string;
  /** The phrase, or the pattern as written. */
  item: string;
  test: (text: string) => boolean;
}

function phrasesOf(path: string, value: unknown): Phrase[] {
  if (value instanceof RegExp) {
    // Without the global flag, so a test does not carry its position over to the next text.
    const re = new RegExp(value.source, value.flags.replace('g', ''));
    return [{ path, item: String(value), test: (text) => re.test(text) }];
  }
  if (typeof value === 'string') {
    const re = LINE_START.has(path.split('.')[0]!)
      ? new RegExp(`^${escapeRegExp(value)}(?:\\s?[:：]|\\s|$)`, 'i')
      : new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])`, 'i');
    return [{ path, item: value, test: (text) => re.test(text) }];
  }
  if (Array.isArray(value)) return value.flatMap((item) => phrasesOf(path, item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => phrasesOf(`${path}.${key}`, item));
  throw new Error(`${path}: not a phrase, a pattern or a table of them`);
}

const exclusionOf = (phrase: Phrase) =>
  NOT_ON_ANY_PAGE.find((e) => (phrase.path === e.path || phrase.path.startsWith(`${e.path}.`)) && e.items.includes(phrase.item));

const phrases = Object.entries(texts).flatMap(([name, value]) => phrasesOf(name, value));
const pagesShowing = (phrase: Phrase) => pages.filter((page) => page.texts.some(phrase.test)).map((page) => page.name);

describe('the site texts', () => {
  it('are read from the stored pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(phrases.length).toBeGreaterThan(50);
  });

  for (const phrase of phrases) {
    const name = `${phrase.path} ${phrase.item}`;
    const excluded = exclusionOf(phrase);
    if (excluded === undefined) {
      it(`${name} appears on a stored page`, () => {
        expect(pagesShowing(phrase)).not.toEqual([]);
      });
    } else {
      it(`${name} is on no stored page yet (${excluded.reason})`, () => {
        // Shown on a page now: the exclusion goes, and the phrase is held to that page.
        expect(pagesShowing(phrase)).toEqual([]);
      });
    }
  }

  it('exclude only phrases that exist', () => {
    const missing = NOT_ON_ANY_PAGE.flatMap((e) => e.items.filter((item) => !phrases.some((p) => exclusionOf(p) === e && p.item === item)));
    expect(missing).toEqual([]);
  });
});
