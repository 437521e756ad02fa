// `npm run -s bench:patterns [-- --node-only]`: every regular expression the code runs on page or
// pasted text, on 64k-character adversarial strings, in Node and in headless Chromium and Firefox
// (the same harness as tests/unit/architecture/patterns.test.ts and the e2e pattern suites), and the
// entry points (reading a page, matching a line, the résumé parser, the URL classifier, CSV) on
// hostile 64k inputs. Prints the worst patterns and the worst cases; never fails on a slow number.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { parseDocument } from '../lib/extract/node';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../tests/e2e/harness';
import { placeFromNode, runHarnessInPage, type BrowserReport, type PageRunner } from '../tests/e2e/patterns-driver';
import { nodeCorpus } from '../tests/unit/support/patterns-corpus';
import { collectPatterns, exerciseEverything, runHarness, SIZE, type HarnessReport } from '../tests/unit/support/patterns-harness';
import { printTable } from './bench-report';

const STOP_ABOVE_MS = 1000;
// Entry points do more work per character than one pattern: they may run longer before they stop.
const CASE_STOP_ABOVE_MS = 2500;
const SHOW = 12;
const corpus = nodeCorpus();
const env = { parseHtml: parseDocument, now: new Date('2026-11-01T10:00:00Z') };
const log = (line: string) => process.env.BENCH_DEBUG && console.error(line);

function print(name: string, report: HarnessReport | BrowserReport): void {
  const at = (size: number) => (size === SIZE ? '64k' : `${size / 1000}k (stopped)`);
  const patterns = [...report.patterns].sort((a, b) => a.size - b.size || b.worstMs - a.worstMs);
  const linear = report.patterns.filter((p) => p.size === SIZE && p.worstMs <= 50).length;
  console.log(`\n### ${name}: ${report.patterns.length} patterns, ${linear} under 50 ms at 64k; the worst ${SHOW}\n`);
  printTable(
    ['pattern', 'where', 'worst input', 'size', 'ms', '×/doubling'],
    patterns
      .slice(0, SHOW)
      .map((p) => [
        `/${p.source.length > 48 ? `${p.source.slice(0, 45)}...` : p.source}/${p.flags}`,
        p.where,
        p.input,
        at(p.size),
        p.error ? p.error.slice(0, 40) : p.worstMs.toFixed(1),
        p.growth === null ? '' : p.growth.toFixed(1),
      ]),
  );
  const cases = [...report.cases].sort((a, b) => a.size - b.size || b.ms - a.ms);
  console.log(`\nentry points on hostile text (${report.cases.length} cases), the worst ${SHOW}:\n`);
  printTable(
    ['case', 'size', 'ms'],
    cases.slice(0, SHOW).map((c) => [c.name, at(c.size), c.error ? c.error.slice(0, 40) : c.ms.toFixed(1)]),
  );
  const pages = report.cases.filter((c) => c.name.startsWith('extractPosting'));
  const worstPage = [...pages].sort((a, b) => a.size - b.size || b.ms - a.ms)[0];
  if (worstPage) console.log(`\nworst page: ${worstPage.name}, ${worstPage.ms.toFixed(1)} ms at ${at(worstPage.size)}`);
}

const nodeReport = runHarness({ ...env, log }, corpus, { stopAboveMs: STOP_ABOVE_MS }, { stopAboveMs: CASE_STOP_ABOVE_MS });
print('Node', nodeReport);

if (!process.argv.includes('--node-only')) {
  const nodePatterns = collectPatterns(() => exerciseEverything(env, corpus));
  const inPage = async (name: string, page: PageRunner) => {
    const raw = await runHarnessInPage(
      page,
      corpus,
      { stopAboveMs: STOP_ABOVE_MS },
      { log, caseOptions: { stopAboveMs: CASE_STOP_ABOVE_MS } },
    );
    print(name, { patterns: placeFromNode(raw.patterns, nodePatterns), cases: raw.cases });
  };
  const call = (evaluate: (src: string) => Promise<unknown>): PageRunner => ({
    load: async (source) => void (await evaluate(`${source};void 0`)),
    call: (fn, arg) => evaluate(`(${fn.toString()})(globalThis.__jobLensPatterns, ${JSON.stringify(arg)})`) as Promise<never>,
  });

  const c = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await c.newPage();
    await inPage(
      'Chromium',
      call((src) => page.evaluate(src)),
    );
  } finally {
    await c.close();
  }
  const f = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocolTimeout: 900_000,
    extraPrefsFirefox: { 'dom.max_script_run_time': 0 },
  });
  try {
    const page = await f.newPage();
    await page.goto('about:blank');
    await inPage(
      'Firefox',
      call((src) => page.evaluate(src)),
    );
  } finally {
    await f.close();
  }
}
