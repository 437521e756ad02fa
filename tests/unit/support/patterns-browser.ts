import { parseProfile } from '../../../lib/match/match';
import {
  attackPattern,
  blackBoxCases,
  collectPatterns,
  exerciseEverything,
  timeCases,
  type AttackOptions,
  type CollectedPattern,
  type Corpus,
  type HarnessEnv,
} from './patterns-harness';

/**
 * The harness as a page script (bundled by esbuild at test time), on the browser's own DOMParser
 * and regular-expression engine. The driver calls it in small steps, so no single evaluation runs
 * for minutes.
 */
const env: HarnessEnv = {
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  now: new Date('2026-11-01T10:00:00Z'),
  // Stack frames name the bundle, not the source: the driver matches patterns to places by their source.
  placeOf: () => 'browser',
};

const api = {
  collect: (corpus: Corpus) => collectPatterns(() => exerciseEverything(env, corpus), env.placeOf),
  attack: (patterns: CollectedPattern[], options: AttackOptions) => patterns.map((p) => attackPattern(p, options)),
  caseNames: (corpus: Corpus) =>
    blackBoxCases(
      env,
      corpus.profiles.map((p) => parseProfile(p)),
    ).map((c) => c.name),
  cases: (corpus: Corpus, names: string[], options: AttackOptions) =>
    timeCases(
      blackBoxCases(
        env,
        corpus.profiles.map((p) => parseProfile(p)),
      ).filter((c) => names.includes(c.name)),
      options,
    ),
};
export type PatternHarnessApi = typeof api;
(globalThis as unknown as { __jobLensPatterns: PatternHarnessApi }).__jobLensPatterns = api;
