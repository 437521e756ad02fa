import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './harness';
import type { AttackOptions, CaseTiming, CollectedPattern, Corpus, PatternTiming } from '../unit/support/patterns-harness';
import type { PatternHarnessApi } from '../unit/support/patterns-browser';

/**
 * Runs the pattern harness in a browser page: bundled with esbuild at test time, evaluated in a
 * blank page, then driven in small steps (the page answers each step, so no driver time-out is
 * reached by one long evaluation).
 */

async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'tests/unit/support/patterns-browser.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface PageRunner {
  /** Evaluates script source in the page (the bundle). */
  load(source: string): Promise<void>;
  call<R, A>(fn: (api: PatternHarnessApi, arg: A) => R, arg: A): Promise<R>;
}

export interface BrowserReport {
  patterns: PatternTiming[];
  cases: CaseTiming[];
}

export async function runHarnessInPage(
  page: PageRunner,
  corpus: Corpus,
  options: AttackOptions,
  { chunk = 12, log, caseOptions = options }: { chunk?: number; log?: (line: string) => void; caseOptions?: AttackOptions } = {},
): Promise<BrowserReport> {
  await page.load(await bundleHarness());
  const collected = await page.call((api, c: Corpus) => api.collect(c), corpus);
  log?.(`${collected.length} patterns collected in the page`);
  const patterns: PatternTiming[] = [];
  for (let i = 0; i < collected.length; i += chunk) {
    const part = collected.slice(i, i + chunk);
    patterns.push(
      ...(await page.call((api, [p, o]: [CollectedPattern[], AttackOptions]) => api.attack(p, o), [part, options] as [
        CollectedPattern[],
        AttackOptions,
      ])),
    );
    log?.(`patterns ${Math.min(i + chunk, collected.length)}/${collected.length}`);
  }
  const names = await page.call((api, c: Corpus) => api.caseNames(c), corpus);
  const cases: CaseTiming[] = [];
  for (let i = 0; i < names.length; i += chunk) {
    const part = names.slice(i, i + chunk);
    cases.push(
      ...(await page.call((api, [c, n, o]: [Corpus, string[], AttackOptions]) => api.cases(c, n, o), [corpus, part, caseOptions] as [
        Corpus,
        string[],
        AttackOptions,
      ])),
    );
  }
  return { patterns, cases };
}

/** The place each pattern runs from, known from the Node run (in the page, frames name the bundle). */
export function placeFromNode(timings: PatternTiming[], nodePatterns: readonly CollectedPattern[]): PatternTiming[] {
  const where = new Map(nodePatterns.map((p) => [`/${p.source}/${p.flags}`, p.where]));
  return timings.map((t) => ({ ...t, where: where.get(`/${t.source}/${t.flags}`) ?? 'browser only' }));
}
