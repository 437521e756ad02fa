// `npm run bench:extract`: how long reading a posting takes in a real browser, next to the
// cheapest thing any reader must do at least once — walk the page's text nodes (the floor).
// The aim is within 3x of the floor on every fixture. It prints; it never fails on a
// slow number, only when it cannot measure at all.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadFixtures, type Fixture } from '../tests/e2e/fixtures';
import type { Measured } from './bench-extract.page';
import { printTable } from './bench-report';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM_PATH = process.env.JOB_LENS_CHROMIUM ?? '/usr/bin/chromium';
/** Each measurement repeats the work for at least this long; the median of several is kept. */
const BATCH_MS = Number(process.env.BENCH_BATCH_MS ?? 150);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 7);
const TARGET_RATIO = 3;

/** The same extraction code the content script runs, bundled for the page as WXT would, with the timing loop. */
async function bundleExtractor(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import './scripts/bench-extract.page';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * Pages of about 1 MB: a real posting followed by 1 MB of site text, once hidden (the CMS
 * block every route ships) and once visible (the worst case the extractor has to get through).
 */
function oneMegabytePages(base: Fixture): Fixture[] {
  const paragraph =
    '<p>Life at TikTok: our teams build products that inspire creativity and bring joy. ' +
    'Explore locations, early careers, stories from our people and open positions around the world.</p>\n';
  const filler = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
  const withTail = (tail: string) => base.html.replace(/<\/body\s*>/i, `${tail}</body>`);
  return [
    { ...base, name: `${base.name} + 1 MB hidden`, html: withTail(`<div hidden>${filler}</div>`) },
    { ...base, name: `${base.name} + 1 MB visible`, html: withTail(`<section>${filler}</section>`) },
  ];
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`bench:extract: ${CHROMIUM_PATH} is missing; run \`npm run browsers\``);
    return 1;
  }
  const fixtures = loadFixtures().filter((f) => f.expected.expect === 'job');
  if (fixtures.length === 0) {
    console.error('bench:extract: no job fixtures in tests/fixtures');
    return 1;
  }
  const pages = [...fixtures, ...oneMegabytePages(fixtures[0]!)];
  const script = await bundleExtractor();

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    // The page's own scripts off: the fixtures' __next_f chunks feed a Next.js runtime that is not there.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const rows: string[][] = [];
    for (const fixture of pages) {
      const page = await context.newPage();
      await page.setContent(fixture.html, { waitUntil: 'load' });
      // Evaluated by the driver, which page settings do not block.
      await page.evaluate(script);
      const args = JSON.stringify({ url: fixture.url.href, batchMs: BATCH_MS, batches: BATCHES });
      const m = (await page.evaluate(`__jobLensBench.measureInPage(${args})`)) as Measured;
      await page.close();
      const ratio = m.extractMs / m.floorMs;
      rows.push([
        fixture.name,
        `${(fixture.html.length / 1000).toFixed(0)} kB`,
        `${(m.textLength / 1000).toFixed(1)} kB`,
        m.extractMs.toFixed(3),
        m.floorMs.toFixed(3),
        `${ratio.toFixed(1)}x`,
        ratio <= TARGET_RATIO ? '' : `over ${TARGET_RATIO}x`,
        m.ok ? 'ok' : `NOT READ: ${m.reason}`,
      ]);
    }
    printTable(['fixture', 'html', 'text', 'extract ms', 'floor ms', 'ratio', 'aim', 'result'], rows);
    console.log(
      `floor = one TreeWalker pass concatenating every text node of <body> into one string; ` +
        `times are per run, median of ${BATCHES} batches of >= ${BATCH_MS} ms; Chromium ${browser.version()}, page scripts off.`,
    );
  } finally {
    await browser.close();
  }
  return 0;
}

process.exitCode = await main();
