import { suggestSkill } from '../../../components/profile/suggest';
import { extractPosting, headTitle } from '../../../lib/extract/extract';
import { matchLine, matchPosting } from '../../../lib/match/index';
import { parseProfile } from '../../../lib/match/match';
import { JobPostingSchema } from '../../../lib/posting/schema';
import { ProfileSchema, type Profile } from '../../../lib/profile/schema';
import { parseResume } from '../../../lib/resume/parse';
import { classifyUrl } from '../../../lib/sites/urls';
import { csvCell } from '../../../lib/transfer/csv';

/**
 * Every regular expression that runs on page or pasted text, on 64k-character adversarial
 * strings, the same code in Node and in the browsers (bundled with esbuild for those).
 *
 * 1. Collect: the public entry points (extraction, matching, the résumé parser, the URL
 *    classifier, CSV, skill suggestions, the schemas the background checks page data with) run
 *    over real-looking pages, lines and text while `RegExp.prototype.exec` is wrapped; every
 *    `test`, `match`, `replace`, `split` and `matchAll` goes through `exec`, so this finds the
 *    patterns the code actually runs, module-private and built-at-runtime ones included, with
 *    the place each first ran from.
 * 2. Attack each pattern: a short run of many adversarial shapes (generic ones, and ones made
 *    from the pattern's own literal text), then the worst shapes at 16k and 64k characters.
 * 3. Black box: the public entry points themselves on 64k-character hostile inputs.
 */

export interface Corpus {
  pages: { html: string; url: string }[];
  profiles: unknown[];
  resumes: string[];
  /** Qualification lines on their own: each line rule's patterns run only on lines of its kind. */
  lines: string[];
}

export interface HarnessEnv {
  /** Progress, one line per pattern or case (the benchmark prints it to stderr). */
  log?(line: string): void;
  /** DOMParser in a browser, linkedom in Node. */
  parseHtml(html: string): Document;
  now: Date;
  /** Where a pattern first ran from: a stack line outside this harness, or null to skip it (e.g. linkedom's own). */
  placeOf?(stack: string): string | null | undefined;
  clock?: () => number;
}

export interface CollectedPattern {
  source: string;
  flags: string;
  /** Where it first ran from (a stack frame), when the platform says. */
  where: string;
}

export interface PatternTiming extends CollectedPattern {
  /** Worst time over the adversarial inputs at the largest size run. */
  worstMs: number;
  size: number;
  /** The worst input, described (`"a.".repeat(n) + "!"`). */
  input: string;
  ms16k: number;
  /** ms at the last size ÷ ms at half of it: about 2 when linear, 4 when quadratic. */
  growth: number | null;
  error?: string;
}

export interface CaseTiming {
  name: string;
  ms: number;
  /** Characters of hostile text in the largest run (smaller than 64k when it stopped over the budget). */
  size: number;
  error?: string;
}

export const SIZE = 64_000;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

// ---------------------------------------------------------------------------------------------
// Adversarial shapes: a unit repeated to the size, then an ending that fails most matches late.

const GENERIC_UNITS = [
  ' ',
  '\t',
  '\n',
  '\u00A0',
  '\u200B',
  '\u3000',
  'a',
  'A',
  'é',
  '1',
  '.',
  ',',
  ';',
  ':',
  '-',
  '–',
  '/',
  '(',
  ')',
  '[',
  '@',
  '&',
  "'",
  '"',
  '*',
  '•',
  '_',
  '+',
  '#',
  '%',
  '|',
  '?',
  '!',
  '\\',
  'a.',
  'a@',
  'a-',
  'a ',
  'A ',
  'Aa',
  '1.',
  '1,',
  '1 ',
  '1-',
  '- ',
  '. ',
  ', ',
  ' -',
  ' / ',
  '.a',
  'a1',
  'a.b@',
  'x@y.',
  'ab',
  'aa.',
  'A-',
  'A.',
  '1/',
  '12:',
  '2026 ',
  'May ',
  'and ',
  'or ',
  'of ',
  'in ',
  'e.g. ',
  'BS/',
  'MS ',
  'Python ',
  'C++ ',
  ' or ',
  ', and ',
  'at least ',
  'years ',
  'https://',
  'www.',
  '<b>',
  '&amp;',
  'a\n',
  ' \n',
  '.\n',
  '-\n',
];
const ENDINGS = ['', '!', '\u0001'];

interface Shape {
  unit: string;
  ending: string;
}

const describeShape = ({ unit, ending }: Shape) => `${JSON.stringify(unit)}.repeat(n)${ending ? ` + ${JSON.stringify(ending)}` : ''}`;

function build({ unit, ending }: Shape, size: number): string {
  const body = unit.repeat(Math.ceil((size - ending.length) / unit.length)).slice(0, size - ending.length);
  return body + ending;
}

/** Literal pieces of a pattern's source (words, and punctuation the pattern names), as extra units. */
function unitsFromSource(source: string): string[] {
  const units = new Set<string>();
  const words = source.replace(/\\[dDsSwWbBpPuxnrtfv0-9]/g, ' ').match(/[A-Za-z][A-Za-z'&]{0,15}/g) ?? [];
  for (const word of words.slice(0, 12)) {
    units.add(word);
    units.add(`${word} `);
  }
  const punctuation = source.match(/\\?[.;,:\-–—/()@&*•+'"!?#%]/g) ?? [];
  for (const p of punctuation.slice(0, 12)) {
    const ch = p.replace(/^\\/, '');
    units.add(ch);
    units.add(`${ch} `);
    units.add(`a${ch}`);
  }
  return [...units];
}

function shapesFor(source: string): Shape[] {
  const units = [...new Set([...GENERIC_UNITS, ...unitsFromSource(source)])];
  return units.flatMap((unit) => ENDINGS.map((ending) => ({ unit, ending })));
}

// ---------------------------------------------------------------------------------------------
// 1. Collection

function defaultPlace(stack: string): string | null {
  const lines = stack.split('\n').slice(1);
  for (const line of lines) {
    if (/patterns-harness|RegExp\.|String\.|at new RegExp/.test(line) && !/\/lib\/|\/components\//.test(line)) continue;
    // linkedom and its parsers stand in for the browser's DOM: they do not run in the extension.
    if (/node_modules\/(linkedom|htmlparser2|entities|domhandler|uhyphen|css-select|css-what|nth-check|cssom|boolbase)/.test(line))
      return null;
    const at = line.match(/((?:lib|components|node_modules\/[^/]+)\/[^\s:()]+):(\d+)/);
    if (at) return `${at[1]}:${at[2]}`;
  }
  return 'unknown';
}

/** Runs `work` with every regex execution recorded; returns the distinct patterns (sticky flag from split dropped). */
export function collectPatterns(
  work: () => void,
  placeOf: (stack: string) => string | null | undefined = defaultPlace,
): CollectedPattern[] {
  const found = new Map<string, CollectedPattern>();
  const seen = new WeakSet<RegExp>();
  const original = RegExp.prototype.exec;
  let busy = false;
  const record = (re: RegExp) => {
    if (seen.has(re)) return;
    seen.add(re);
    // split() runs a sticky copy of its pattern; the pattern is the same.
    const flags = re.flags.replace('y', '');
    const key = `${re.source}/${flags}`;
    if (found.has(key)) return;
    const where = placeOf(new Error().stack ?? '');
    if (where === null) return;
    found.set(key, { source: re.source, flags, where: where ?? 'unknown' });
  };
  RegExp.prototype.exec = function exec(this: RegExp, text: string) {
    // The place lookup runs patterns of its own.
    if (!busy) {
      busy = true;
      try {
        record(this);
      } finally {
        busy = false;
      }
    }
    return original.call(this, text);
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...found.values()];
}

/** What the extension runs on page and pasted text, over a corpus shaped like the real thing. */
export function exerciseEverything(env: HarnessEnv, corpus: Corpus): void {
  const profiles = corpus.profiles.map((p) => parseProfile(p));
  for (const page of corpus.pages) {
    const doc = env.parseHtml(page.html);
    headTitle(doc);
    const result = extractPosting(doc, new URL(page.url), env.now);
    classifyUrl(new URL(page.url));
    if (!result.ok) continue;
    JobPostingSchema.safeParse(result.posting);
    for (const profile of profiles) matchPosting(result.posting, profile, env.now);
    for (const value of [result.posting.title, result.posting.team, result.posting.locations.join('; '), result.posting.url])
      csvCell(value);
  }
  for (const line of corpus.lines) for (const profile of profiles) matchLine(line, profile, env.now);
  for (const text of corpus.resumes) parseResume(text, env.now);
  for (const profile of profiles) ProfileSchema.safeParse(profile);
  for (const query of ['py', 'Java', 'c++', 'machine learn', 'k8s']) suggestSkill(query);
}

// ---------------------------------------------------------------------------------------------
// 2. Each pattern on adversarial strings

function runOnce(re: RegExp, text: string): void {
  const copy = new RegExp(re.source, re.flags);
  if (copy.global) text.replace(copy, '');
  else copy.exec(text);
}

function timeOnce(re: RegExp, text: string, clock: () => number): number {
  const started = clock();
  runOnce(re, text);
  return clock() - started;
}

export interface AttackOptions {
  size?: number;
  /**
   * Sizes double up to `size`; a pattern slower than this at some size is not run at the next
   * (it is over any budget already, and a super-linear pattern would take minutes at 64k).
   */
  stopAboveMs?: number;
  clock?: () => number;
  /** Only the worst few shapes from the short run go on to the large sizes. */
  finalists?: number;
  /** Length of the short run over every shape. */
  probeSize?: number;
}

const SIZES = (size: number) => {
  const sizes: number[] = [];
  for (let n = size; n >= 4_000; n = Math.floor(n / 2)) sizes.unshift(n);
  return sizes;
};

export function attackPattern(pattern: CollectedPattern, options: AttackOptions = {}): PatternTiming {
  const { size = SIZE, stopAboveMs = 500, clock = now, finalists = 3, probeSize = 1_000 } = options;
  const re = new RegExp(pattern.source, pattern.flags);
  const base = { ...pattern, worstMs: 0, size, input: '', ms16k: 0, growth: null as number | null };
  // The input being run, for the report when the engine throws (Firefox: "too much recursion").
  let running = { shape: { unit: '', ending: '' } as Shape, size: probeSize };
  try {
    const probed: { shape: Shape; ms: number }[] = [];
    for (const shape of shapesFor(pattern.source)) {
      running = { shape, size: probeSize };
      const text = build(shape, probeSize);
      let ms = timeOnce(re, text, clock);
      if (ms > stopAboveMs) ms = Math.min(ms, timeOnce(re, text, clock));
      probed.push({ shape, ms });
      if (ms > stopAboveMs) break;
    }
    probed.sort((a, b) => b.ms - a.ms);
    let worst: { shape: Shape; ms: number; size: number; ms16k: number; previous: number } | null = null;
    for (const { shape, ms: probeMs } of probed.slice(0, finalists)) {
      let reached = { size: probeSize, ms: probeMs, ms16k: 0, previous: 0 };
      if (probeMs <= stopAboveMs) {
        for (const n of SIZES(size)) {
          running = { shape, size: n };
          const text = build(shape, n);
          let ms = timeOnce(re, text, clock);
          // The machine is shared: an over-budget or final figure is the better of two runs.
          if (ms > stopAboveMs || n === size) ms = Math.min(ms, timeOnce(re, text, clock));
          reached = { size: n, ms, ms16k: n === 16_000 ? ms : reached.ms16k, previous: reached.ms };
          if (ms > stopAboveMs) break;
        }
      }
      // Worse means: stopped at a smaller size, or slower at the same size.
      if (!worst || reached.size < worst.size || (reached.size === worst.size && reached.ms > worst.ms)) worst = { shape, ...reached };
    }
    if (!worst) return base;
    return {
      ...base,
      worstMs: worst.ms,
      size: worst.size,
      input: describeShape(worst.shape),
      ms16k: worst.ms16k,
      // Time at the last size over the one before (half as long): about 2 when linear, 4 when quadratic.
      growth: worst.previous > 0.3 ? worst.ms / worst.previous : null,
    };
  } catch (error) {
    return {
      ...base,
      worstMs: Number.POSITIVE_INFINITY,
      size: running.size,
      input: describeShape(running.shape),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Black box: the entry points on hostile inputs

const PAGE = (parts: { title?: string; og?: string; item?: string; info?: string; location?: string; body?: string }) => `<!doctype html>
<html><head><title>${parts.og ?? 'Software Engineer Intern'}</title><meta property="og:title" content="${parts.og ?? 'Software Engineer Intern'}"></head>
<body><main><div>Technology</div><h1>${parts.title ?? 'Software Engineer Intern - 2026 Start (BS/MS)'}</h1>
<div><span>Location</span><span>:</span><span>${parts.location ?? 'San Jose'}</span></div>
<h2>Responsibilities</h2><ul><li>Build services.</li><li>${parts.item ?? 'Work with the team.'}</li></ul>
<h2>Qualifications</h2><ul><li>Currently pursuing a Bachelor's degree.</li><li>${parts.item ?? 'Python or Java.'}</li></ul>
${parts.body ?? ''}
<h2>Job Information</h2><p>${parts.info ?? 'About TikTok.'}</p></main></body></html>`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface BlackBoxCase {
  name: string;
  /** The case at that many characters of hostile text. */
  at(size: number): () => void;
}

export function blackBoxCases(env: HarnessEnv, profiles: Profile[]): BlackBoxCase[] {
  const url = new URL('https://lifeattiktok.com/search/7512345678901234567');
  const texts: Record<string, (size: number) => string> = {
    spaces: (n) => ' '.repeat(n - 1) + 'x',
    'dots and commas': (n) => '.;,'.repeat(n / 3),
    'a.': (n) => 'a.'.repeat(n / 2) + '!',
    'e-mail-like': (n) => 'a.a@'.repeat(n / 4),
    'words and hyphens': (n) => 'Intern - '.repeat(n / 9),
    digits: (n) => '2026 1, '.repeat(n / 8),
    'no-break spaces': (n) => '\u00A0'.repeat(n),
    'graduation words': (n) => 'graduat'.repeat(n / 7),
  };
  const cases: BlackBoxCase[] = [];
  const extract = (page: (t: string) => string, text: (n: number) => string) => (n: number) => {
    const html = page(escapeHtml(text(n)));
    return () => void extractPosting(env.parseHtml(html), url, env.now);
  };
  for (const [name, text] of Object.entries(texts)) {
    cases.push({ name: `extractPosting: title of ${name}`, at: extract((t) => PAGE({ title: t }), text) });
    cases.push({ name: `extractPosting: og:title of ${name}`, at: extract((t) => PAGE({ og: t }), text) });
    cases.push({ name: `extractPosting: a bullet of ${name}`, at: extract((t) => PAGE({ item: t }), text) });
    cases.push({ name: `extractPosting: Job Information of ${name}`, at: extract((t) => PAGE({ info: t }), text) });
    cases.push({ name: `extractPosting: location of ${name}`, at: extract((t) => PAGE({ location: t }), text) });
    cases.push({
      name: `matchLine: ${name}`,
      at: (n) => {
        const t = text(n);
        return () => profiles.forEach((p) => matchLine(t, p, env.now));
      },
    });
    cases.push({
      name: `parseResume: ${name}`,
      at: (n) => {
        const t = text(n);
        return () => void parseResume(t, env.now);
      },
    });
    cases.push({
      name: `parseResume: lines of ${name}`,
      at: (n) => {
        const t = text(n).replace(/(.{80})/g, '$1\n');
        return () => void parseResume(t, env.now);
      },
    });
    cases.push({
      name: `classifyUrl: path of ${name}`,
      at: (n) => {
        const u = `https://lifeattiktok.com/search/${encodeURIComponent(text(n))}`;
        return () => void classifyUrl(new URL(u));
      },
    });
    cases.push({
      name: `csvCell: ${name}`,
      at: (n) => {
        const t = text(n);
        return () => void csvCell(t);
      },
    });
    cases.push({
      name: `suggestSkill: ${name}`,
      at: (n) => {
        const t = text(n).slice(0, 2_000);
        return () => void suggestSkill(t);
      },
    });
  }
  return cases;
}

/** Each case at doubling sizes up to `size`, stopping once it is over `stopAboveMs`. */
export function timeCases(cases: BlackBoxCase[], options: AttackOptions = {}, log?: (line: string) => void): CaseTiming[] {
  const { size = SIZE, stopAboveMs = 500, clock = now } = options;
  return cases.map(({ name, at }) => {
    let timing: CaseTiming = { name, ms: 0, size: 0 };
    for (const n of SIZES(size)) {
      const run = at(n);
      const started = clock();
      try {
        run();
        timing = { name, ms: clock() - started, size: n };
        if (timing.ms > stopAboveMs || n === size) {
          const again = clock();
          run();
          timing.ms = Math.min(timing.ms, clock() - again);
        }
      } catch (error) {
        timing = {
          name,
          ms: clock() - started,
          size: n,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        };
        break;
      }
      if (timing.ms > stopAboveMs) break;
    }
    log?.(`case ${timing.ms.toFixed(1)} ms at ${timing.size} ${name}`);
    return timing;
  });
}

export interface HarnessReport {
  patterns: PatternTiming[];
  cases: CaseTiming[];
}

/** The whole harness: collect, attack each pattern, run the black-box cases. */
export function runHarness(
  env: HarnessEnv,
  corpus: Corpus,
  options: AttackOptions = {},
  caseOptions: AttackOptions = options,
): HarnessReport {
  const collected = collectPatterns(() => exerciseEverything(env, corpus), env.placeOf ?? defaultPlace);
  env.log?.(`${collected.length} patterns collected`);
  const patterns = collected.map((p, i) => {
    env.log?.(`pattern ${i + 1}/${collected.length} starts: ${p.where} /${p.source.slice(0, 60)}/`);
    const timing = attackPattern(p, { clock: env.clock, ...options });
    env.log?.(`pattern ${i + 1}/${collected.length} ${timing.worstMs.toFixed(1)} ms ${timing.where} /${p.source.slice(0, 60)}/`);
    return timing;
  });
  const profiles = corpus.profiles.map((p) => parseProfile(p));
  const cases = timeCases(blackBoxCases(env, profiles), { clock: env.clock, ...caseOptions }, env.log);
  return { patterns, cases };
}
