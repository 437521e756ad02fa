import { describe, expect, it } from 'vitest';
import { boilerplateStart, cleanItem, programmeStart, tokenize } from '../../../../lib/extract/body';
import { extractPosting, headTitle } from '../../../../lib/extract/extract';
import {
  degreeLevelsFromTag,
  degreeLevelsFromText,
  parseApplicationLimit,
  parseCohort,
  parseCommitment,
  parseContactEmail,
  parseDate,
  parseInternshipPeriods,
  parseOnsiteDays,
  parseStartDates,
  teamFromTitle,
} from '../../../../lib/extract/facts';
import { snapshotPageUrl, takeSnapshot } from '../../../../lib/capture/snapshot';
import { readLines } from '../../../../lib/extract/lines';
import { parseDocument } from '../../../../lib/extract/node';
import { collapseSpaces } from '../../../../lib/text/spaces';
import { classifyUrl, parseHttpUrl } from '../../../../lib/sites/urls';
import { adversarialStrings } from '../../support/adversarial-inputs';

// Generous on purpose: a linear pattern takes a few milliseconds on 64k characters, a quadratic one
// seconds. The budget tells the two apart on a busy machine, it does not measure speed.
const BUDGET_MS = 200;
// A whole page carries the string in eight places and is read by every reader in turn.
const PAGE_BUDGET_MS = 1_000;
const JOB_URL = new URL('https://lifeattiktok.com/search/7525331248713058591');
const NOW = new Date('2026-11-01T12:00:00Z');

/** A job page with the string in every place the extractor reads: head, title, label value, bodies, list items. */
function pageWith(text: string): Document {
  const doc = parseDocument(
    '<html><head><title></title><meta property="og:title" content=""></head><body>' +
      '<nav><ul><li class="n"></li></ul></nav><div class="c"></div><h1></h1>' +
      '<div><span>Location:</span><span class="v"></span></div><div class="w"></div>' +
      '<h2>Responsibilities</h2><div class="b"></div><ul><li class="i"></li></ul>' +
      '<h2>Qualifications</h2><div class="q"></div><h2>Job Information</h2><p class="j"></p></body></html>',
  );
  doc.querySelector('meta')!.setAttribute('content', `Intern ${text} - TikTok Careers`);
  doc.querySelector('title')!.textContent = text;
  doc.querySelector('h1')!.textContent = `Data Engineer Intern ${text}`;
  for (const selector of ['.n', '.c', '.v', '.w', '.b', '.i', '.q', '.j']) doc.querySelector(selector)!.textContent = text;
  return doc;
}

const line = (text: string) => ({ text, segments: [text], soft: false, listItem: false });

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  parseDate,
  parseStartDates,
  parseInternshipPeriods,
  parseCommitment,
  parseApplicationLimit,
  parseOnsiteDays,
  parseContactEmail,
  degreeLevelsFromTag,
  degreeLevelsFromText,
  parseCohort,
  teamFromTitle,
  cleanItem,
  programmeStart,
  boilerplateStart,
  collapseSpaces,
  'tokenize (one line)': (text) => tokenize([line(text)]),
  'tokenize (a list item)': (text) => tokenize([{ ...line(text), listItem: true }]),
  'classifyUrl (path)': (text) => classifyUrl(new URL(`https://lifeattiktok.com/search/${encodeURIComponent(text)}`)),
  parseHttpUrl,
  snapshotPageUrl: (text) => snapshotPageUrl(`<meta name="job-lens:url" content="${text}">${text}`),
};

function timed(fn: () => unknown): number {
  // Best of two, so one pause of a shared machine does not fail a linear pattern.
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2 && best > BUDGET_MS / 4; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const inputs = Object.entries(adversarialStrings());

describe('every pattern of the extractor runs in linear time on 64k-character adversarial strings', () => {
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    it(`${name}`, () => {
      const slow: string[] = [];
      for (const [input, text] of inputs) {
        const ms = timed(() => fn(text));
        if (ms > BUDGET_MS) slow.push(`${input}: ${ms.toFixed(0)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }

  for (const [name, run] of [
    ['headTitle', (doc: Document) => headTitle(doc)],
    ['readLines', (doc: Document) => readLines(doc.body)],
    ['takeSnapshot', (doc: Document) => takeSnapshot(doc, JOB_URL, '0.1.0', NOW)],
    [
      'extractPosting',
      (doc: Document) => {
        const result = extractPosting(doc, JOB_URL, NOW);
        if (!result.ok && !/too large|no label rows|no job title/.test(result.reason)) throw new Error(result.reason);
      },
    ],
  ] as const) {
    it(`${name} on a page carrying the string in every place it reads`, () => {
      const slow: string[] = [];
      for (const [input, text] of inputs) {
        const doc = pageWith(text);
        const ms = timed(() => run(doc));
        if (ms > PAGE_BUDGET_MS) slow.push(`${input}: ${ms.toFixed(0)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }
});

describe('the scans that replace patterns read what the patterns read', () => {
  it('finds the first e-mail address, without a final full stop, across "@" runs and dots', () => {
    expect(parseContactEmail('please reach out to us at apac-earlycareers@tiktok.com.')).toBe('apac-earlycareers@tiktok.com');
    expect(parseContactEmail('write to a@b or x.y+z@mail.example.co.uk, not c@d.ef')).toBe('x.y+z@mail.example.co.uk');
    expect(parseContactEmail('a@b@c.com')).toBe('b@c.com');
    expect(parseContactEmail('first.last@host.com.x1 next')).toBe('first.last@host.com');
    expect(parseContactEmail('no address @ here, not even @x.y')).toBeNull();
    expect(parseContactEmail('reach out to us at https://careers.tiktok.com/help')).toBeNull();
  });

  it('reads a date with trailing separators, and never a long text as one', () => {
    expect(parseDate('May 11th, 2026.;,')).toBe('2026-05-11');
    expect(parseDate(' 12 Jan 2026; ')).toBe('2026-01-12');
    expect(parseDate(`May 11th, 2026${'.'.repeat(200)}`)).toBe('2026-05-11');
    expect(parseDate(`${'x'.repeat(100)} May 11th, 2026`)).toBeNull();
  });

  it('strips a site suffix from the head title, spaces around the dash included', () => {
    const doc = parseDocument('<html><head><title>Data Intern   -   TikTok Careers   </title></head><body></body></html>');
    expect(headTitle(doc)).toBe('Data Intern');
    const double = parseDocument(
      '<html><head><meta property="og:title" content="Live - Strategy Intern | Life at TikTok"></head><body></body></html>',
    );
    expect(headTitle(double)).toBe('Live - Strategy Intern');
  });
});
