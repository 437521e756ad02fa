import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchLine, matchPosting } from '../../../../lib/match/match';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { parseResume } from '../../../../lib/resume/parse';
import { findSkills, skillIndex } from '../../../../lib/skills/lookup';

/**
 * Page text and pasted text can be hostile: every pattern the matcher, the skill lookup and the
 * résumé parser run must take time in proportion to the text. Each case is a 64k-character run of
 * a piece that drives some pattern to backtrack (a long run of what it repeats, then a character
 * that makes it fail), run through the public functions. The budget is generous (a second and a half, where
 * linear code takes tens of milliseconds) so that a busy machine does not fail it; the quadratic
 * cases this replaced (a dotted run in the tokenizer, bare degree abbreviations in the résumé
 * reader) took about two seconds here, and grow fourfold with each doubling.
 */

const SIZE = 65_536;
const BUDGET_MS = 1_500;
const NOW = new Date('2025-10-01T00:00:00Z');
const profile = ProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../../../fixtures/profiles/phd-researcher.json', import.meta.url), 'utf8')),
);
const CONTEXT = {
  cohort: '2026 Start',
  locations: ['Singapore'],
  title: 'Software Engineer Graduate - 2026 Start',
  employmentType: 'Regular',
};

// Pieces that repeat what the patterns repeat: spaces and separators (trailing-separator trims),
// dotted runs (the tokenizer), degree abbreviations and states (the résumé's degree reader),
// graduation, window and duration words (gaps between a cue and its dates), list and example cues,
// skills, languages, venues, dates and author names.
const PIECES = [
  ' ',
  '\t',
  ';',
  ', ',
  '.',
  '-',
  'a',
  'A.',
  '1',
  '(',
  ')',
  '/',
  '\n',
  ' \n',
  '- ',
  '1. ',
  '•',
  '\u00a0',
  '2026 ',
  'graduate ',
  'graduating in ',
  'expected to complete your degree ',
  'recent graduate ',
  'from May to ',
  'May ',
  'weeks ',
  'start in June ',
  '3+ years ',
  'interest in ',
  'nice to have ',
  'at least one of ',
  'e.g. ',
  'such as ',
  'Python, ',
  'C++ ',
  'go-',
  'fluent ',
  'English and ',
  'the local language ',
  'publications ',
  'research output ',
  'on-site ',
  'authorized to work ',
  'citizens ',
  'PhD ',
  "Master's ",
  'BS/MS ',
  ', MA ',
  'B.S. ',
  'Ph.D. ',
  'Education\n',
  'Experience\nIntern, Acme — May 2025 – ',
  'Languages: ',
  'Available ',
  'Location: ',
  'Jan 2020 - ',
  '11 May 2026 ',
  'NeurIPS 2024 ',
  'In Proc. ',
  'J. Doe, ',
  '"x',
  'x@y.',
  'AB',
  'between ',
  'class of ',
  'final year ',
  'at least 3 months ',
  'Summer 2026 ',
  '(onboard by 12 Jan 2026) ',
  'citizen or PR ',
  'top-tier ',
  'first-author ',
  'graduated within the last ',
  'Winter ',
];
const TAILS = ['', '!', '\u0000x'];
const run = (piece: string, tail: string) => piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE) + tail;

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe('64k-character adversarial text', () => {
  beforeAll(() => {
    // The skill index is built on first use; that is not the text's cost.
    skillIndex();
    matchLine('Python', profile, NOW);
  });

  describe.each(PIECES.map((p) => [JSON.stringify(p), p] as const))('%s repeated', (_name, piece) => {
    it.each(TAILS.map((t) => [JSON.stringify(t), t] as const))('then %s: each public function within its budget', (_tail, tail) => {
      const text = run(piece, tail);
      const times = {
        matchLine: time(() => matchLine(text, profile, NOW, CONTEXT)),
        matchPosting: time(() =>
          matchPosting(
            {
              minimumQualifications: [text],
              preferredQualifications: [text],
              title: text,
              employmentType: text,
              cohort: text,
              locations: [text],
            },
            profile,
            NOW,
            { cache: false },
          ),
        ),
        findSkills: time(() => findSkills(text, skillIndex())),
        parseResume: time(() => parseResume(text, NOW)),
      };
      for (const [name, ms] of Object.entries(times)) expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
    });
  });
});
