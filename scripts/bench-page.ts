// `npm run bench:page`: the main-thread time the content scripts add to a careers page, in
// headless Chromium with the built extension, beside the page's own scripting. Two measures:
// - a list render: the search-results fixture with 100 cards (half of them jobs Job Lens knows),
//   re-rendered by the page's own script; the time of the render plus what it sets off in the
//   extension, minus the same in a browser without the extension;
// - a job view: a job page loaded and left to settle (reading, saving, the line under the title),
//   minus the same page in the browser without the extension.
// Time is CDP Performance.getMetrics: script, style and layout durations of the page's renderer
// main thread (content scripts run there too). Aims: under 2 ms per render, 5 ms per job view.
// Then DevTools traces of list renders and of job page loads split that time by script (job.js,
// marks.js), style and layout, in wall time and in the main thread's own CPU time (which the
// other loads of a shared machine inflate less).
// A job view's added time holds Chromium's own price for running any content script on the page
// (an isolated world and the extension API bindings): a third browser runs the same build with
// job.js replaced by a stub that only reads chrome.runtime.id, and its job views are printed
// apart, so that what our code adds shows on its own. The aims stay on the whole added time.
// A fourth runs the floor (FLOOR_JOB_JS below): the least a script doing a job view's work can
// cost, to tell how much of ours is the work itself.
// The traces count a script's evaluation, its timers and its event handlers; the continuation of a
// promise (what runs when a message's reply arrives) has no event of its own there, for us or for
// the floor, so only the CDP figures hold it.
// BENCH_AGAINST=<an unpacked chrome-mv3 build> traces that build's job views too, alternated with
// this one's in the same sitting, and prints them as a row of the job view table: a change to the
// content script measured against the build before it.
// It prints; it fails only when it cannot measure.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { extractFromHtml } from '../lib/extract/node';
import { newJobRecord } from '../lib/store/jobs';
import { JobRecordSchema, type JobRecord } from '../lib/store/schema';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR, fixtureNamed, jobFixtures, loadFixtures } from '../tests/e2e/fixtures';
import { CHROME_BUILD, CHROMIUM_PATH, chromiumArgs, freshProfileDir, sleep, waitFor } from '../tests/e2e/harness';
import { serveJobCopies } from '../tests/e2e/limit-driver';
import { readMarks, RESULTS, resultId } from '../tests/e2e/marks-driver';
import { launchPopupChromium, type PopupChromium } from '../tests/e2e/popup-driver';
import { startFixtureServer } from '../tests/e2e/server';
import { median, printTable } from './bench-report';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const JOB_RUNS = Number(process.env.BENCH_JOB_RUNS ?? 7);
const AGAINST = process.env.BENCH_AGAINST;
const CARDS = 100;
const KNOWN = 50;
/** Long enough for the marks' batch (120 ms) and a reply, with nothing else running on the page. */
const QUIET_MS = 700;
/** A job page settles (300 ms), is read, saved, and its line drawn, well within this. */
const JOB_SETTLE_MS = 3000;
const AIM_RENDER_MS = 2;
const AIM_JOB_MS = 5;

const LIST_URL = RESULTS.url.href.replace('limit=12', `limit=${CARDS}`);
const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');

interface Times {
  script: number;
  all: number;
}

/** A reader of the page's durations so far; counting starts when it is made (keep one per page). */
async function meter(page: Page): Promise<() => Promise<Times>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
    const script = get('ScriptDuration');
    return { script, all: script + get('RecalcStyleDuration') + get('LayoutDuration') };
  };
}

/** Times `runs` re-renders of the list; each delta holds the page's render and whatever it triggers. */
async function timeRenders(page: Page, runs: number): Promise<{ total: Times[]; own: number[] }> {
  const total: Times[] = [];
  const own: number[] = [];
  const metrics = await meter(page);
  for (let i = 0; i < runs; i++) {
    await sleep(QUIET_MS);
    const before = await metrics();
    own.push(
      await page.evaluate(() => {
        const t = performance.now();
        (window as unknown as { __jobList: { render(): void } }).__jobList.render();
        return performance.now() - t;
      }),
    );
    await sleep(QUIET_MS);
    const after = await metrics();
    total.push({ script: after.script - before.script, all: after.all - before.all });
  }
  return { total, own };
}

async function timeJobViews(context: BrowserContext, url: string, runs: number): Promise<Times[]> {
  const out: Times[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const metrics = await meter(page);
    await page.goto(url, { waitUntil: 'load' });
    await sleep(JOB_SETTLE_MS);
    out.push(await metrics());
    await page.close();
  }
  return out;
}

/** Time by kind on a page's renderer main thread, from a DevTools trace of one job page load. */
interface Breakdown {
  'job.js': number;
  'marks.js': number;
  style: number;
  layout: number;
}

/** A trace's wall times and the same events' thread (CPU) times. */
interface Traced {
  wall: Breakdown;
  cpu: Breakdown;
}

type TraceEvent = { name: string; ph: string; dur?: number; tdur?: number; pid: number; tid: number; args?: { data?: { url?: string } } };

/** Runs `act` under a DevTools trace of `page` and returns the trace's events. */
async function tracing(page: Page, act: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  await act();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

/** The events' time by kind on the page's main thread (the one that laid it out most). */
function split(events: TraceEvent[]): Traced {
  const counts = new Map<string, number>();
  for (const e of events) if (e.name === 'Layout') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const wall: Breakdown = { 'job.js': 0, 'marks.js': 0, style: 0, layout: 0 };
  const cpu: Breakdown = { ...wall };
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur) continue;
    let key: keyof Breakdown | null = null;
    if (e.name === 'UpdateLayoutTree') key = 'style';
    else if (e.name === 'Layout') key = 'layout';
    else if (e.name === 'EvaluateScript' || e.name === 'FunctionCall') {
      const file = (e.args?.data?.url ?? '').split('/').pop();
      if (file === 'job.js' || file === 'marks.js') key = file;
    }
    if (key === null) continue;
    wall[key] += e.dur / 1000;
    cpu[key] += (e.tdur ?? 0) / 1000;
  }
  return { wall, cpu };
}

/**
 * Where a job view's time goes: a trace of one load, its script time split by the script that ran
 * (the events name their file), and the style and layout passes. Nested events are counted once.
 */
async function traceJobView(context: BrowserContext, url: string): Promise<Traced> {
  const page = await context.newPage();
  const events = await tracing(page, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await sleep(JOB_SETTLE_MS);
  });
  await page.close();
  return split(events);
}

/** The same split for one re-render of the list and what it sets off. */
async function traceRender(page: Page): Promise<Traced> {
  await sleep(QUIET_MS);
  return split(
    await tracing(page, async () => {
      await page.evaluate(() => (window as unknown as { __jobList: { render(): void } }).__jobList.render());
      await sleep(QUIET_MS);
    }),
  );
}

function rowsFor(ids: string[], now: Date): JobRecord[] {
  const result = extractFromHtml(JOB.html, JOB.url, now);
  if (!result.ok) throw new Error(`cannot read ${JOB.name}: ${result.reason}`);
  return ids.map((jobId, i) =>
    JobRecordSchema.parse({
      ...newJobRecord(
        { ...result.posting, jobId, url: `https://lifeattiktok.com/search/${jobId}`, title: `${result.posting.title} #${i}` },
        now.toISOString(),
      ),
      ...(i % 5 === 0 ? { status: 'saved', statusHistory: [{ status: 'saved', at: now.toISOString() }] } : {}),
    }),
  );
}

async function seed(browser: PopupChromium, rows: JobRecord[]): Promise<void> {
  const page = await browser.extensionPage();
  try {
    await page.evaluate(
      (chunk) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('job-lens');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('jobs', 'readwrite');
            for (const row of chunk) tx.objectStore('jobs').put(row);
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      rows,
    );
  } finally {
    await page.close();
  }
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const mid = (values: Times[], key: keyof Times) => median(values.map((v) => v[key]));

/** A copy of the build with some of its files replaced. */
function buildWith(label: string, files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `job-lens-${label}-`));
  cpSync(CHROME_BUILD, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The least a job view's script can do, hand-written for this bench: wait until the DOM has been
 * quiet for 300 ms, walk the body's elements and texts into lines, send them in one message (the
 * background refuses its name: still one round trip), and draw one line in a closed shadow root
 * with a constructed sheet under the title. Not a product: no landmarks, hidden elements, label
 * rows, navigations or limit. Its job views show how close to that floor ours are.
 */
const FLOOR_JOB_JS = `(() => {
  const runtime = chrome.runtime;
  let timer = setTimeout(read, 300);
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(read, 300);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  function read() {
    observer.disconnect();
    const lines = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let text = '';
    const end = () => {
      const line = text.trim();
      if (line) lines.push({ text: line, segments: [line], soft: false, listItem: false });
      text = '';
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 3) text += node.data;
      else if (!/^(a|b|em|i|span|strong)$/.test(node.localName)) end();
    }
    end();
    runtime.sendMessage({ name: 'bench:floor', data: { lines } }).catch(() => undefined).then(() => {
      const title = document.querySelector('h1');
      if (!title) return;
      const host = document.createElement('job-lens-floor');
      const root = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':host{display:block;margin:6px 0;font:14px/20px system-ui}.m{padding:4px 8px;border-radius:6px;color:#1f3a5f;background:#e8eef8}');
      root.adoptedStyleSheets = [sheet];
      const line = document.createElement('button');
      line.className = 'm';
      line.textContent = '72% match · 1 of 2 places left · Viewed';
      root.append(line);
      title.after(host);
    });
  }
})();
`;

async function main() {
  const server = await startFixtureServer(fixtures);
  const [jobUrl] = serveJobCopies(server, JOB, [resultId(99)]);
  const bare = freshProfileDir('bench-page-bare');
  // job.js replaced by a content script that does nothing but reach the runtime: Chromium's price.
  const stubDir = buildWith('stub', { 'content-scripts/job.js': 'void chrome.runtime.id;\n' });
  // job.js replaced by the floor, which draws its own line (marks.js a script that does nothing).
  const floorDir = buildWith('floor', { 'content-scripts/job.js': FLOOR_JOB_JS, 'marks.js': 'void 0;\n' });
  let ext: PopupChromium | undefined;
  let plain: BrowserContext | undefined;
  let stub: PopupChromium | undefined;
  let floor: PopupChromium | undefined;
  let other: PopupChromium | undefined;
  try {
    ext = await launchPopupChromium(server.port, { viewport: { width: 1100, height: 900 } });
    // One real visit creates the database in the extension; then the known half of the list.
    const first = await ext.open(jobUrl!);
    await waitFor('the job page saved', async () => ((await ext!.readStore('jobs')).length > 0 ? true : undefined));
    await first.close();
    const known = Array.from({ length: KNOWN }, (_, i) => resultId(i * 2 + 1));
    await seed(ext, rowsFor(known, new Date()));
    // A profile, so the background scores each known job (its cost is the background's, not the page's).
    await ext.send('profile:save', { profile: JSON.parse(readFileSync(join(FIXTURES_DIR, 'profiles/masters-student.json'), 'utf8')) });

    // A browser with the same flags and no extension: the page's own cost.
    plain = await chromium.launchPersistentContext(bare.dir, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      ignoreHTTPSErrors: true,
      viewport: { width: 1100, height: 900 },
      args: chromiumArgs({ extensionDir: '', serverPort: server.port }).filter((a) => !a.includes('extension')),
    });

    // Runs alternate (marks on, marks off, a browser without the extension) so that the load of a
    // shared machine drifts into all three alike.
    const withExt = await ext.open(LIST_URL);
    await waitFor('the marks on the list', async () => ((await readMarks(withExt)).length === KNOWN ? true : undefined));
    const noExt = await plain.newPage();
    await noExt.goto(LIST_URL, { waitUntil: 'load' });
    const renderExt: { total: Times[]; own: number[] } = { total: [], own: [] };
    const renderOff: { total: Times[]; own: number[] } = { total: [], own: [] };
    const renderPlain: { total: Times[]; own: number[] } = { total: [], own: [] };
    const add = (to: typeof renderExt, from: typeof renderExt) => {
      to.total.push(...from.total);
      to.own.push(...from.own);
    };
    const tracedRender: Traced[] = [];
    const tracedRenderOff: Traced[] = [];
    for (let i = 0; i < RUNS; i++) {
      add(renderExt, await timeRenders(withExt, 1));
      tracedRender.push(await traceRender(withExt));
      await ext.send('marks:setPrefs', { enabled: false });
      await waitFor('the marks to go', async () => ((await readMarks(withExt)).length === 0 ? true : undefined));
      add(renderOff, await timeRenders(withExt, 1));
      tracedRenderOff.push(await traceRender(withExt));
      add(renderPlain, await timeRenders(noExt, 1));
      await ext.send('marks:setPrefs', { enabled: true });
      await waitFor('the marks back', async () => ((await readMarks(withExt)).length === KNOWN ? true : undefined));
    }
    await withExt.close();
    await noExt.close();

    stub = await launchPopupChromium(server.port, { viewport: { width: 1100, height: 900 }, extensionDir: stubDir.dir });
    floor = await launchPopupChromium(server.port, { viewport: { width: 1100, height: 900 }, extensionDir: floorDir.dir });
    const jobExt: Times[] = [];
    const jobOff: Times[] = [];
    const jobPlain: Times[] = [];
    const jobStub: Times[] = [];
    const jobFloor: Times[] = [];
    for (let i = 0; i < JOB_RUNS; i++) {
      jobExt.push(...(await timeJobViews(ext.context, jobUrl!, 1)));
      jobPlain.push(...(await timeJobViews(plain, jobUrl!, 1)));
      jobStub.push(...(await timeJobViews(stub.context, jobUrl!, 1)));
      jobFloor.push(...(await timeJobViews(floor.context, jobUrl!, 1)));
      await ext.send('marks:setPrefs', { enabled: false });
      jobOff.push(...(await timeJobViews(ext.context, jobUrl!, 1)));
      await ext.send('marks:setPrefs', { enabled: true });
    }

    const traced: Traced[] = [];
    const tracedOff: Traced[] = [];
    const tracedStub: Traced[] = [];
    const tracedFloor: Traced[] = [];
    const tracedOther: Traced[] = [];
    if (AGAINST) {
      other = await launchPopupChromium(server.port, { viewport: { width: 1100, height: 900 }, extensionDir: AGAINST });
      // The same state as ours: the job saved once, so both views are a return to a known job.
      const visit = await other.open(jobUrl!);
      await waitFor('the job page saved by the other build', async () => ((await other!.readStore('jobs')).length > 0 ? true : undefined));
      await visit.close();
    }
    for (let i = 0; i < JOB_RUNS; i++) {
      traced.push(await traceJobView(ext.context, jobUrl!));
      tracedStub.push(await traceJobView(stub.context, jobUrl!));
      tracedFloor.push(await traceJobView(floor.context, jobUrl!));
      if (other) tracedOther.push(await traceJobView(other.context, jobUrl!));
      await ext.send('marks:setPrefs', { enabled: false });
      tracedOff.push(await traceJobView(ext.context, jobUrl!));
      await ext.send('marks:setPrefs', { enabled: true });
    }

    // The marks' own share of a render: the same page in the same browser with marks on, less off.
    const addedRender = mid(renderExt.total, 'all') - mid(renderOff.total, 'all');
    const addedRenderScript = mid(renderExt.total, 'script') - mid(renderOff.total, 'script');
    const addedOff = mid(renderOff.total, 'all') - mid(renderPlain.total, 'all');
    const addedJob = mid(jobExt, 'all') - mid(jobPlain, 'all');
    const addedJobScript = mid(jobExt, 'script') - mid(jobPlain, 'script');
    // A job view measured against another: both medians, and what the second adds.
    const against = (label: string, base: typeof jobPlain, measured: typeof jobPlain) => [
      label,
      ms(mid(base, 'all')),
      ms(mid(measured, 'all')),
      ms(mid(measured, 'script') - mid(base, 'script')),
      ms(mid(measured, 'all') - mid(base, 'all')),
      '',
    ];
    console.log(
      `Chromium, ${CARDS} cards (${KNOWN} known), medians of ${RUNS} renders and ${JOB_RUNS} job page loads; script = ScriptDuration, all = script + style + layout.\n`,
    );
    printTable(
      ['measure', 'page alone', 'with Job Lens', 'added by Job Lens (script)', 'added (script+style+layout)', 'aim'],
      [
        [
          'list render (100 cards): marks on, against marks off',
          `${ms(mid(renderOff.total, 'all'))} (its own script ${ms(median(renderOff.own))})`,
          ms(mid(renderExt.total, 'all')),
          ms(addedRenderScript),
          ms(addedRender),
          `< ${AIM_RENDER_MS} ms ${addedRender < AIM_RENDER_MS ? 'met' : 'NOT met'}`,
        ],
        [
          'list render: marks off, against no extension',
          `${ms(mid(renderPlain.total, 'all'))} (its own script ${ms(median(renderPlain.own))})`,
          ms(mid(renderOff.total, 'all')),
          ms(mid(renderOff.total, 'script') - mid(renderPlain.total, 'script')),
          ms(addedOff),
          '',
        ],
        [
          'job view (load + settle), against no extension',
          ms(mid(jobPlain, 'all')),
          ms(mid(jobExt, 'all')),
          ms(addedJobScript),
          ms(addedJob),
          `< ${AIM_JOB_MS} ms ${addedJob < AIM_JOB_MS ? 'met' : 'NOT met'}`,
        ],
        against('job view with marks off, against no extension', jobPlain, jobOff),
        against("of which Chromium's: a stub content script, against no extension", jobPlain, jobStub),
        against('of which our code: job view, against the stub', jobStub, jobExt),
        against('the floor: a minimal job view script (see FLOOR_JOB_JS), against no extension', jobPlain, jobFloor),
        against('ours against the floor', jobFloor, jobExt),
      ],
    );
    const part = (list: Traced[], key: keyof Breakdown) =>
      `${ms(median(list.map((b) => b.wall[key])))} (CPU ${ms(median(list.map((b) => b.cpu[key])))})`;
    console.log(`\nWhere a list render's time goes (DevTools trace of ${RUNS} renders each, wall time and the main thread's CPU time):\n`);
    printTable(
      ['list render', 'marks.js (evaluate + calls)', 'style', 'layout'],
      [
        ['marks on', part(tracedRender, 'marks.js'), part(tracedRender, 'style'), part(tracedRender, 'layout')],
        ['marks off', part(tracedRenderOff, 'marks.js'), part(tracedRenderOff, 'style'), part(tracedRenderOff, 'layout')],
      ],
    );
    console.log(
      `\nWhere a job view's time goes (DevTools trace of ${JOB_RUNS} loads each, wall time and the main thread's CPU time; script events nest, a style or layout forced by a script is in both):\n`,
    );
    const jobRow = (label: string, list: Traced[]) => [
      label,
      part(list, 'job.js'),
      part(list, 'marks.js'),
      part(list, 'style'),
      part(list, 'layout'),
    ];
    printTable(
      ['job view', 'job.js (evaluate + calls)', 'marks.js (evaluate + calls)', 'style', 'layout'],
      [
        jobRow('marks on', traced),
        jobRow('marks off', tracedOff),
        // Its job.js column is Chromium's setup of chrome.runtime; making the isolated world, before
        // any script runs, is in no column.
        jobRow('stub job.js (Chromium alone)', tracedStub),
        // The floor draws its line from job.js; its marks.js column is a script that does nothing.
        jobRow('the floor: a minimal job view script', tracedFloor),
        ...(AGAINST ? [jobRow(`marks on, the build in ${AGAINST}`, tracedOther)] : []),
      ],
    );
  } finally {
    await ext?.close();
    await plain?.close();
    await stub?.close();
    await floor?.close();
    await other?.close();
    bare.remove();
    stubDir.remove();
    floorDir.remove();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
