// `npm run bench:popup`: how long the popup takes to show its first screen with 10, 10,000 and
// 100,000 saved jobs, in headless Chromium with the built extension (aim: under 200 ms, and at most
// 1.5 times the 10-job time), and how long "Best match" takes to show the best jobs first. The
// database is filled from an extension page with rows built from the fixture postings, each with
// its match summary stored as the background stores it (for the profile saved here and today), so
// the popup scores nothing when it opens. It prints; it fails only when it cannot measure.
// BENCH_SIZES=10,10000 limits the sizes; BENCH_RUNS the runs per size.
// Before the sizes, the floor under any of them: in a copy of the build, a page whose only script
// is an empty module, and one that imports the chunks popup.html preloads (Dexie, Zod, React and
// the shared code, evaluated, none of the popup's own code run), each timed to its script's first
// statement from navigation start.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localDay } from '../lib/date';
import { extractFromHtml } from '../lib/extract/node';
import { matchPosting } from '../lib/match';
import { summarizeMatch, type MatchSummary } from '../lib/match/summary';
import type { JobPosting } from '../lib/posting/schema';
import { ProfileSchema } from '../lib/profile/schema';
import { newJobRecord } from '../lib/store/jobs';
import { JobRecordSchema, type JobRecord } from '../lib/store/schema';
import { loadFixtures } from '../tests/e2e/fixtures';
import { launchPopupChromium, type PopupChromium } from '../tests/e2e/popup-driver';
import { median, printTable } from './bench-report';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZES = (process.env.BENCH_SIZES ?? '10,10000,100000').split(',').map(Number);
const AIM_MS = 200;
const AIM_RATIO = 1.5;
const PROFILE = {
  education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2026-12' }],
  skills: ['Python', 'SQL', 'Spark', 'Java', 'Kafka'],
  locations: ['Singapore', 'London'],
  availability: [{ from: '2026-05-01', to: '2026-08-31' }],
};
const FIRST_RENDER = 'job-lens:first-render';
const ALL_ROWS = 'job-lens:all-rows';
const ORDER = 'job-lens:order';
/** One job in ten is there (PLACES below): a search with a tenth of the jobs as its answer. */
const SEARCH_TERM = 'London';

const PLACES = ['Singapore', 'London', 'San Jose', 'Seattle', 'Sydney', 'Jakarta', 'Dublin', 'Tokyo', 'Los Angeles', 'Beijing'];
const STATUSES = ['seen', 'seen', 'seen', 'saved'] as const;

/** Real postings read from the fixture pages by the real extractor. */
function fixturePostings(now: Date): JobPosting[] {
  const postings: JobPosting[] = [];
  for (const fixture of loadFixtures()) {
    if (fixture.expected.expect !== 'job') continue;
    const result = extractFromHtml(fixture.html, fixture.url, now);
    if (result.ok) postings.push(result.posting);
  }
  if (postings.length === 0) throw new Error('no job fixture could be read');
  return postings;
}

/**
 * `count` distinct jobs: each a fixture posting with its own id, title number, place and status,
 * and the match summary the background would store. A summary depends on the posting's text and
 * place, not on its id or title number, so each (posting, place) pair is matched once.
 */
function makeRows(count: number, postings: JobPosting[], now: Date, profileUpdatedAt: string): JobRecord[] {
  const profile = ProfileSchema.parse(PROFILE);
  const target = { profileUpdatedAt, day: localDay(now) };
  const summaries = new Map<string, MatchSummary>();
  const rows: JobRecord[] = [];
  for (let i = 0; i < count; i++) {
    const base = postings[i % postings.length]!;
    const jobId = `77${String(i).padStart(17, '0')}`;
    const seenAt = new Date(now.getTime() - i * 37 * 60_000).toISOString();
    const posting: JobPosting = {
      ...base,
      jobId,
      url: base.site === 'tiktok' ? `https://lifeattiktok.com/search/${jobId}` : `https://joinbytedance.com/search/${jobId}`,
      title: `${base.title} #${i + 1}`,
      locations: [PLACES[i % PLACES.length]!],
    };
    const record = newJobRecord(posting, seenAt);
    // Like a real history: two applications this cycle, a rejected one now and then (most of them
    // from earlier years), and the rest seen or saved.
    const status = i === 3 || i === 8 ? 'applied' : i % 500 === 250 ? 'rejected' : STATUSES[i % STATUSES.length]!;
    const key = `${i % postings.length}|${i % PLACES.length}`;
    let match = summaries.get(key);
    if (!match) {
      match = summarizeMatch(matchPosting(posting, profile, now), target);
      summaries.set(key, match);
    }
    const row = {
      ...record,
      match,
      status,
      appliedAt: status === 'applied' || status === 'rejected' ? seenAt : null,
      notes: i % 7 === 0 ? 'Referral from a friend on the team' : '',
    };
    // Validating 100,000 rows would take longer than the measurement; the first of each kind is enough.
    rows.push(i < 1000 ? JobRecordSchema.parse(row) : (row as JobRecord));
  }
  return rows;
}

/** Replaces every job row through raw IndexedDB from an extension page (the popup's own origin). */
async function seed(browser: PopupChromium, rows: JobRecord[]): Promise<void> {
  const page = await browser.extensionPage();
  try {
    for (let start = 0; start === 0 || start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      await page.evaluate(
        ({ chunk, clear }) =>
          new Promise<void>((done, fail) => {
            const open = indexedDB.open('job-lens');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('jobs', 'readwrite');
              const jobs = tx.objectStore('jobs');
              if (clear) jobs.clear();
              for (const row of chunk) jobs.put(row);
              tx.oncomplete = () => {
                open.result.close();
                done();
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        { chunk, clear: start === 0 },
      );
    }
  } finally {
    await page.close();
  }
}

/**
 * A full garbage collection in the extension pages' process. Seeding leaves the rows it wrote
 * (600 MB at 100,000 jobs) as garbage in the heap every extension page shares, and the next page
 * would pay for collecting it: a cost no user has, since nothing in the extension ever holds
 * every row. Returns the heap in use before and after, in MB.
 */
async function collectGarbage(browser: PopupChromium): Promise<{ before: number; after: number }> {
  const page = await browser.extensionPage();
  try {
    const used = () => page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1e6);
    const before = await used();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    return { before, after: await used() };
  } finally {
    await page.close();
  }
}

/** Rows whose stored summary is for this profile and day, counted on the index the background uses. */
async function freshCount(browser: PopupChromium, profileUpdatedAt: string, day: string): Promise<number> {
  const page = await browser.extensionPage();
  try {
    return await page.evaluate(
      ({ key }) =>
        new Promise<number>((done, fail) => {
          const open = indexedDB.open('job-lens');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const index = open.result.transaction('jobs').objectStore('jobs').index('[match.profileUpdatedAt+match.day]');
            const count = index.count(IDBKeyRange.only(key));
            count.onsuccess = () => {
              open.result.close();
              done(count.result);
            };
            count.onerror = () => fail(count.error);
          };
        }),
      { key: [profileUpdatedAt, day] },
    );
  } finally {
    await page.close();
  }
}

/**
 * A profile change at `size` jobs: how long until every stored summary is fresh again, and how
 * long the background takes to answer a message meanwhile (the longest wait, and the median).
 */
async function rescore(browser: PopupChromium, day: string): Promise<{ totalS: number; maxMs: number; medianMs: number; answers: number }> {
  const page = await browser.extensionPage();
  try {
    // tsx names the helper functions below with a `__name` call the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const result = await page.evaluate(
      async ({ day, profile }) => {
        const send = (message: unknown) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { updatedAt?: string } }> } };
            }
          ).chrome.runtime.sendMessage(message);
        // Every row carries a summary here, so all are fresh once the index holds no other
        // profile or day: two key lookups, where counting 100,000 entries would itself keep the
        // database busy and slow the background being measured.
        const fresh = (updatedAt: string) =>
          new Promise<boolean>((done, fail) => {
            const open = indexedDB.open('job-lens');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const index = open.result.transaction('jobs').objectStore('jobs').index('[match.profileUpdatedAt+match.day]');
              const key = [updatedAt, day];
              const below = index.getKey(IDBKeyRange.upperBound(key, true));
              below.onerror = () => fail(below.error);
              below.onsuccess = () => {
                const above = index.getKey(IDBKeyRange.lowerBound(key, true));
                above.onerror = () => fail(above.error);
                above.onsuccess = () => {
                  open.result.close();
                  done(below.result === undefined && above.result === undefined);
                };
              };
            };
          });
        const start = performance.now();
        const saved = await send({ name: 'profile:save', data: { profile } });
        const updatedAt = saved.value!.updatedAt!;
        const waits: number[] = [];
        for (;;) {
          const t = performance.now();
          await send({ name: 'limit:get', data: {} });
          waits.push(performance.now() - t);
          if (await fresh(updatedAt)) break;
          if (performance.now() - start > 900_000) return null;
          await new Promise((r) => setTimeout(r, 200));
        }
        return { totalS: (performance.now() - start) / 1000, waits };
      },
      { day, profile: { ...PROFILE, skills: [...PROFILE.skills, 'Go'] } },
    );
    if (!result) return { totalS: NaN, maxMs: NaN, medianMs: NaN, answers: 0 };
    return { totalS: result.totalS, maxMs: Math.max(...result.waits), medianMs: median(result.waits), answers: result.waits.length };
  } finally {
    await page.close();
  }
}

interface Run {
  first: number;
  /** From typing in the search box to every job's facets read and the count final (search and every filter then cover all jobs). */
  all: number | null;
  /** Search for a place at this size (warm-up open only): first matching row shown, every job searched, the count. */
  search: { first: number | null; all: number; count: string } | null;
  /** The list's whole order read (keys only), from navigation start. */
  order: number;
  /** From choosing "Best match" to the best job shown first. */
  sorted: number | null;
  rowsShown: number;
}

async function measure(browser: PopupChromium, best: string, { full }: { full: boolean }): Promise<Run> {
  const popup = await browser.openPopup();
  try {
    const first = await popup.evaluate(
      ([name]) => ({
        first: performance.getEntriesByName(name!)[0]!.startTime,
        rowsShown: document.querySelectorAll('[role="listitem"]').length,
      }),
      [FIRST_RENDER],
    );
    // The user picks "Best match" once the list has settled (its whole order read, keys only);
    // the best job (highest stored rank) should then come first from the index at once.
    await popup.waitForFunction((name) => performance.getEntriesByName(name).length > 0, ORDER, { timeout: 120_000 });
    const order = await popup.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, ORDER);
    const sorted = await popup.evaluate(async (bestId) => {
      const select = [...document.querySelectorAll('select')].find((s) => s.closest('label')?.textContent?.startsWith('Sort by'));
      if (!select) return null;
      const start = performance.now();
      select.value = 'score';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (document.querySelector('[role="listitem"]')?.getAttribute('data-job-id') === bestId) return performance.now() - start;
        if (performance.now() - start > 30_000) return null;
      }
    }, best);
    // Not closed while the sorted order is still being read: the next open would wait behind it.
    await popup.waitForFunction(() => document.documentElement.dataset.listOrder === 'score', undefined, { timeout: 300_000 });
    let all: number | null = null;
    let search: Run['search'] = null;
    if (full) {
      // Search reads every job's facets once it is wanted: timed from typing a place into the
      // search box to the first matching row shown, and to every job read and the count final.
      search = await popup.evaluate(
        async ({ name, term }) => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
          const start = performance.now();
          input.focus();
          // React follows the input event with the value set through the element's own setter.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, term);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let first: number | null = null;
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            const rows = [...document.querySelectorAll('[role="listitem"]')];
            const text = document.querySelector('[data-testid="job-count"]')?.textContent ?? '';
            // The list filtered ("N jobs of M") and showing matches only.
            const shown = text.includes(' of ') && rows.length > 0 && rows.every((row) => row.textContent?.includes(term));
            if (first === null && shown) first = performance.now() - start;
            if (performance.getEntriesByName(name).length > 0 && !text.includes('searching')) {
              return { first, all: performance.now() - start, count: text };
            }
            if (performance.now() - start > 300_000) return null;
          }
        },
        { name: ALL_ROWS, term: SEARCH_TERM },
      );
      all = search?.all ?? null;
    }
    return { ...first, order, sorted, all, search };
  } finally {
    await popup.close();
  }
}

const FLOOR_MARK = 'job-lens:floor';

/**
 * Medians over `RUNS` opens of two pages in a copy of the build: an empty module script, and the
 * popup's preloaded chunks imported; each marks its first statement.
 */
async function measureFloor(): Promise<{ empty: number; chunks: number; names: string[] }> {
  const build = join(ROOT, '.output/chrome-mv3');
  const html = readFileSync(join(build, 'popup.html'), 'utf8');
  const names = [...html.matchAll(/rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const dir = mkdtempSync(join(tmpdir(), 'job-lens-floor-'));
  try {
    cpSync(build, dir, { recursive: true });
    const page = (name: string, imports: string[]) => {
      writeFileSync(join(dir, `${name}.js`), `${imports.map((i) => `import '${i}';`).join('')}performance.mark('${FLOOR_MARK}');\n`);
      writeFileSync(
        join(dir, `${name}.html`),
        `<!doctype html><meta charset="utf-8"><script type="module" src="/${name}.js"></script><div id="root"></div>`,
      );
    };
    page('floor-empty', []);
    page('floor-chunks', names);
    const browser = await launchPopupChromium(9, { extensionDir: dir });
    const times: Record<'empty' | 'chunks', number[]> = { empty: [], chunks: [] };
    try {
      for (let i = 0; i <= RUNS; i++) {
        for (const kind of ['empty', 'chunks'] as const) {
          const tab = await browser.extensionPage(`floor-${kind}.html`);
          await tab.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FLOOR_MARK);
          const at = await tab.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FLOOR_MARK);
          // The first round compiles and caches the scripts, as the warm-up open does for the popup.
          if (i > 0) times[kind].push(at);
          await tab.close();
        }
      }
    } finally {
      await browser.close();
    }
    return { empty: median(times.empty), chunks: median(times.chunks), names };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The job "Best match" puts first: the highest rank, ties by job id descending (the index's order). */
function bestOf(rows: readonly JobRecord[]): string {
  let best = rows[0]!;
  for (const row of rows) {
    const [a, b] = [row.match?.rank ?? -1, best.match?.rank ?? -1];
    if (a > b || (a === b && row.jobId > best.jobId)) best = row;
  }
  return best.jobId;
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'))) {
    console.log('bench:popup: building the extension first (wxt build)');
    const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return 1;
  }
  const floor = await measureFloor();
  const now = new Date();
  const postings = fixturePostings(now);
  // No page is ever loaded from the careers hosts here; the port only has to be a number.
  const browser = await launchPopupChromium(9);
  const results: {
    size: number;
    first: number[];
    order: number[];
    sorted: number[];
    all: number | null;
    search: Run['search'];
    rowsShown: number;
    seedS: number;
    heapMb: number;
  }[] = [];
  try {
    await browser.send('limit:get', {}); // the background opens (and so creates) the database
    const { updatedAt } = (await browser.send('profile:save', { profile: PROFILE })) as { updatedAt: string };
    for (const size of SIZES) {
      const seedStart = performance.now();
      const rows = makeRows(size, postings, now, updatedAt);
      const best = bestOf(rows);
      await seed(browser, rows);
      const seedS = (performance.now() - seedStart) / 1000;
      // Chromium's IndexedDB (LevelDB) compacts for a while after a large write; measure after it.
      await new Promise((r) => setTimeout(r, Math.min(30_000, 2000 + size / 10)));
      // Warm-up: the first open also compiles the popup's script; it also times reading every facet.
      await collectGarbage(browser);
      const warm = await measure(browser, best, { full: true });
      // The warm-up's search read every job's facets; what the measured opens leave behind (the
      // list's order) stays for the next open to collect, as on a quick reopen.
      const heap = await collectGarbage(browser);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, best, { full: false }));
      results.push({
        size,
        first: runs.map((r) => r.first),
        order: runs.map((r) => r.order),
        sorted: runs.map((r) => r.sorted).filter((v): v is number => v !== null),
        all: warm.all,
        search: warm.search,
        rowsShown: runs[0]!.rowsShown,
        seedS,
        heapMb: heap.after,
      });
      const fresh = await freshCount(browser, updatedAt, localDay(now));
      if (fresh !== size) console.log(`bench:popup: only ${fresh} of ${size} rows carry a summary for this profile and day`);
      if (size === Math.max(...SIZES) && !process.env.BENCH_NO_RESCORE) {
        const r = await rescore(browser, localDay(now));
        console.log(
          `rescoring ${size.toLocaleString('en')} jobs after a profile change: every summary fresh after ${r.totalS.toFixed(1)} s; ` +
            `meanwhile the background answered ${r.answers} messages, median ${r.medianMs.toFixed(0)} ms, longest ${r.maxMs.toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
  }

  const base = median(results[0]!.first);
  const header = [
    'saved jobs',
    'first render ms (median)',
    'min–max',
    'rows rendered',
    'whole order read ms',
    'best match first ms',
    'search: first match ms',
    'search: all jobs ms',
    'vs 10 jobs',
    'aim',
  ];
  const rows = results.map((r) => {
    const m = median(r.first);
    const ratio = m / base;
    const ok = m < AIM_MS && ratio <= AIM_RATIO;
    return [
      r.size.toLocaleString('en'),
      m.toFixed(1),
      `${Math.min(...r.first).toFixed(1)}–${Math.max(...r.first).toFixed(1)}`,
      String(r.rowsShown),
      median(r.order).toFixed(0),
      r.sorted.length ? median(r.sorted).toFixed(1) : '-',
      r.search?.first == null ? '-' : r.search.first.toFixed(0),
      r.all === null ? '-' : r.all.toFixed(0),
      `${ratio.toFixed(2)}x`,
      ok ? `ok (< ${AIM_MS} ms, <= ${AIM_RATIO}x)` : `MISSED (< ${AIM_MS} ms, <= ${AIM_RATIO}x)`,
    ];
  });
  printTable(header, rows);
  console.log(
    `floor (a copy of the build, median of ${RUNS} opens after one): an extension page's empty module script runs ` +
      `${floor.empty.toFixed(1)} ms after navigation starts; with the ${floor.names.length} chunks popup.html preloads ` +
      `imported first (${floor.names.join(', ')}; none of the popup's own code run): ${floor.chunks.toFixed(1)} ms`,
  );
  for (const r of results)
    console.log(
      `heap shared by the extension's pages before the measured opens at ${r.size.toLocaleString('en')} jobs: ${r.heapMb.toFixed(0)} MB`,
    );
  for (const r of results) if (r.search) console.log(`search "${SEARCH_TERM}" at ${r.size.toLocaleString('en')} jobs: ${r.search.count}`);
  console.log(
    `first render = performance.mark when the list's first screen (limit, pending, first 16 rows with their stored ` +
      `scores) is committed, from the popup page's navigation start; whole order = every job id in list ` +
      `order read from the index (keys only), from navigation start; best match first = from choosing "Best match", ` +
      `once the list has settled, to the best job in the first row (order from the match.rank index, nothing scored); search = from ` +
      `typing "${SEARCH_TERM}" into the search box to the first matching row shown, and to every job searched with the count final (warm-up open only). Median of ${RUNS} fresh opens after one ` +
      `warm-up, back to back; a full garbage collection after seeding and after the warm-up only; headless Chromium, popup.html opened as a page.`,
  );
  return 0;
}

process.exitCode = await main();
