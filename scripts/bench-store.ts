// `npm run bench:store`: the database at 10,000 saved jobs, in headless Chromium. An
// export file of 10,000 realistic jobs is imported with the real `importJson` (aim: under 3 s),
// then the popup's two queries run against the full database: the 50 most recent jobs and the
// limit state (aim: under 20 ms each). The store code is bundled into a page on a loopback http
// origin, whose IndexedDB is the same engine the extension's origin gets. It prints; it fails
// only when it cannot measure (or the import or a query gives a wrong answer).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { extractFromHtml } from '../lib/extract/node';
import { JobPostingSchema, type JobPosting } from '../lib/posting/schema';
import { ProfileSchema } from '../lib/profile/schema';
import { newJobRecord } from '../lib/store/jobs';
import type { JobRecord, JobStatus, StatusChange } from '../lib/store/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from '../lib/transfer/format';
import { parseExport } from '../lib/transfer/import';
import { loadFixtures } from '../tests/e2e/fixtures';
import { median, printTable } from './bench-report';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM_PATH = process.env.JOB_LENS_CHROMIUM ?? '/usr/bin/chromium';
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 25);
const IMPORT_AIM_MS = 3000;
const QUERY_AIM_MS = 20;
const NOW = new Date('2026-03-15T09:30:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

const PLACES = [
  'Singapore',
  'London',
  'San Jose',
  'Seattle',
  'Sydney',
  'Jakarta',
  'Dublin',
  'Tokyo',
  'Los Angeles',
  'Shanghai',
  'Dubai',
  'São Paulo',
];
const TEAMS = [
  'TikTok Live',
  'Trust and Safety',
  'E-commerce',
  'Search',
  'Ads Platform',
  'Data Platform',
  'Seed',
  'Recommendation Architecture',
];
const NOTES = [
  'Referral from a senior at uni; ask about team size.',
  'Deadline unclear — check again next week.',
  'Needs PhD, skip unless the master track opens.',
  'Interview prep: SQL window functions, A/B testing, Spark joins.',
];

/** Every posting the project has: the fixture pages read by the real extractor, and the saved postings. */
function basePostings(): JobPosting[] {
  const postings: JobPosting[] = [];
  for (const fixture of loadFixtures()) {
    if (fixture.expected.expect !== 'job') continue;
    const result = extractFromHtml(fixture.html, fixture.url, NOW);
    if (result.ok) postings.push(result.posting);
  }
  const dir = join(ROOT, 'tests/fixtures/postings');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    postings.push(JobPostingSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  }
  if (postings.length === 0) throw new Error('no posting could be read from tests/fixtures');
  return postings;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One candidate's history over three recruiting seasons: jobs seen over 30 months, most only
 * seen, some saved with notes, a few dozen applications in earlier cycles (rejected, withdrawn,
 * interviewing…), two applications in this cycle, one form opened and not yet confirmed, and
 * every twentieth posting changed since it was first saved (an earlier copy in `versions`).
 */
function makeExport(count: number): { file: ExportFile; applied: string[] } {
  const bases = basePostings();
  const jobs: JobRecord[] = [];
  const versions: ExportFile['versions'] = [];
  const applied: { jobId: string; at: string }[] = [];
  const span = 30 * 30 * DAY;
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const jobId = `74${String(i).padStart(17, '0')}`;
    const firstSeen = NOW.getTime() - Math.round((((i * 7919) % count) / count) * span) - 3600_000;
    const lastSeen = Math.min(NOW.getTime() - 60_000, firstSeen + ((i * 104_729) % 40) * DAY);
    const posting: JobPosting = {
      ...base,
      jobId,
      url: base.site === 'tiktok' ? `https://lifeattiktok.com/search/${jobId}` : `https://joinbytedance.com/search/${jobId}`,
      title: `${base.title.replace(/\s*\(.*$/, '')} (${TEAMS[i % TEAMS.length]}) #${i + 1}`,
      team: TEAMS[i % TEAMS.length]!,
      locations: [PLACES[i % PLACES.length]!, ...(i % 5 === 0 ? [PLACES[(i + 3) % PLACES.length]!] : [])],
      extractedAt: iso(lastSeen),
    };
    const record = newJobRecord(posting, iso(firstSeen));
    record.lastSeenAt = iso(lastSeen);

    let status: JobStatus = 'seen';
    let appliedAt: string | null = null;
    const history: StatusChange[] = [];
    const userAt = iso(firstSeen + 2 * 3600_000);
    if (i === 41 || i === 977) {
      // This cycle's two applications: recent enough that the default 12-month cycle counts them.
      status = 'applied';
      appliedAt = iso(NOW.getTime() - (i === 41 ? 40 : 12) * DAY);
    } else if (i % 250 === 7 && firstSeen < NOW.getTime() - 400 * DAY) {
      status = (['rejected', 'withdrawn', 'interviewing', 'offer'] as const)[((i / 250) % 4) | 0]!;
      appliedAt = userAt;
    } else if (i % 9 === 0) {
      status = 'saved';
    }
    if (status !== 'seen') history.push({ status: appliedAt ? 'applied' : status, at: appliedAt ?? userAt });
    if (appliedAt && status !== 'applied') history.push({ status, at: iso(Date.parse(appliedAt) + 20 * DAY) });
    if (appliedAt && Date.parse(appliedAt) > NOW.getTime() - 365 * DAY) applied.push({ jobId, at: appliedAt });

    const job: JobRecord = {
      ...record,
      status,
      statusHistory: history,
      appliedAt,
      applyStartedAt: i === 1500 ? iso(NOW.getTime() - 2 * DAY) : null,
      userUpdatedAt: status !== 'seen' || i === 1500 ? userAt : null,
      notes: i % 13 === 0 ? NOTES[i % NOTES.length]! : '',
      notesUpdatedAt: i % 13 === 0 ? userAt : null,
    };
    if (i % 20 === 0) {
      const earlier = { ...posting, extractedAt: iso(firstSeen), description: `${posting.description} (Applications open.)` };
      versions.push({ jobId, savedAt: iso(lastSeen), posting: earlier });
      job.changedAt = iso(lastSeen);
      job.changedFields = ['description'];
    }
    jobs.push(job);
  }
  const profile = ProfileSchema.parse({
    education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2026-12' }],
    skills: ['Python', 'SQL', 'Spark', 'Hive', 'Java', 'PyTorch'],
    languages: ['English', 'Mandarin'],
    locations: ['Singapore', 'London'],
  });
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: NOW.toISOString(),
    jobs,
    versions,
    // The strict reading: every early-career application against one limit within the cycle, so
    // the answer check below is one count; the query reads the same rows in either reading.
    settings: [{ key: 'strictLimit', value: true, updatedAt: iso(NOW.getTime() - DAY) }],
    profile: { id: 'me', data: profile, updatedAt: iso(NOW.getTime() - 30 * DAY) },
    siteApplications: [],
  };
  return { file, applied: applied.sort((a, b) => a.at.localeCompare(b.at)).map((a) => a.jobId) };
}

/** The store and import code exactly as the extension ships it, as one script for the page. */
async function bundleStore(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        `export { openDb } from './lib/store/db';`,
        `export { listRecent } from './lib/store/jobs';`,
        `export { loadLimitState } from './lib/store/limit';`,
        `export { importJson, parseExport } from './lib/transfer/import';`,
        `export { default as Dexie } from 'dexie';`,
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__jobLensStore',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** A loopback origin: an empty page and the export file, fetched by the page outside the timings. */
async function serve(exportText: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/export.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(exportText);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>bench:store</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface InPage {
  /** Where the import's time goes: JSON.parse alone, then JSON.parse + the whole-file Zod check. */
  jsonParseMs: number[];
  parseExportMs: number[];
  /** The engine's floor for the write: the same rows put in one bulkPut on an empty table, nothing else. */
  bulkPutMs: number[];
  importMs: number[];
  reimportMs: number[];
  imported: { jobsAdded: number; versionsAdded: number; profileUpdated: boolean };
  reimported: { jobsUnchanged: number; jobsAdded: number };
  count: number;
  recent: { coldMs: number; ms: number[]; ids: string[]; lastSeen: string[] };
  limit: { coldMs: number; ms: number[]; used: number; limit: number | null; state: string; order: string[] };
}

/** Runs in the page; `__jobLensStore` is the bundle above. Self-contained: Playwright sends its source. */
async function measureInPage(args: { importRuns: number; queryRuns: number; now: string }): Promise<InPage> {
  type Store = typeof import('../lib/store/db') &
    typeof import('../lib/store/jobs') &
    typeof import('../lib/store/limit') &
    typeof import('../lib/transfer/import') & { Dexie: typeof import('dexie').default };
  const store = (globalThis as unknown as { __jobLensStore: Store }).__jobLensStore;
  const now = new Date(args.now);
  const text = await (await fetch('/export.json')).text();
  const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
    const start = performance.now();
    const value = await fn();
    return [performance.now() - start, value];
  };

  const jsonParseMs: number[] = [];
  const parseExportMs: number[] = [];
  for (let run = 0; run < args.importRuns; run++) {
    jsonParseMs.push((await time(async () => JSON.parse(text) as unknown))[0]);
    const [ms, parsed] = await time(async () => store.parseExport(text));
    if (!parsed.ok) throw new Error(parsed.message);
    parseExportMs.push(ms);
  }

  // Floor and import interleaved, so a busy moment on the machine weighs on both alike.
  const bulkPutMs: number[] = [];
  const importMs: number[] = [];
  let imported: InPage['imported'] | null = null;
  const rows = (JSON.parse(text) as { jobs: unknown[] }).jobs as Parameters<ReturnType<Store['openDb']>['jobs']['bulkPut']>[0];
  for (let run = 0; run < args.importRuns; run++) {
    await store.Dexie.delete('job-lens-bench');
    let db = store.openDb('job-lens-bench');
    await db.open();
    bulkPutMs.push((await time(() => db.jobs.bulkPut(rows)))[0]);
    db.close();

    await store.Dexie.delete('job-lens-bench');
    db = store.openDb('job-lens-bench');
    await db.open();
    const [ms, result] = await time(() => store.importJson(db, text, now));
    if (!result.ok) throw new Error(result.message);
    importMs.push(ms);
    imported = result.summary;
    db.close();
  }

  // The same file again into the full database: every job merged, nothing new.
  const db = store.openDb('job-lens-bench');
  const reimportMs: number[] = [];
  let reimported: InPage['reimported'] | null = null;
  for (let run = 0; run < args.importRuns; run++) {
    const [ms, result] = await time(() => store.importJson(db, text, now));
    if (!result.ok) throw new Error(result.message);
    reimportMs.push(ms);
    reimported = result.summary;
  }
  const count = await db.jobs.count();

  // A fresh connection, as the popup opens one: the first query pays for opening it.
  db.close();
  const popupDb = store.openDb('job-lens-bench');
  const [recentCold] = await time(() => store.listRecent(popupDb, 50));
  const [limitCold] = await time(() => store.loadLimitState(popupDb, now));
  const recentMs: number[] = [];
  const limitMs: number[] = [];
  let recent: Awaited<ReturnType<Store['listRecent']>> = [];
  let limit: Awaited<ReturnType<Store['loadLimitState']>> | null = null;
  for (let run = 0; run < args.queryRuns; run++) {
    let ms: number;
    [ms, recent] = await time(() => store.listRecent(popupDb, 50));
    recentMs.push(ms);
    [ms, limit] = await time(() => store.loadLimitState(popupDb, now));
    limitMs.push(ms);
  }
  popupDb.close();
  return {
    jsonParseMs,
    parseExportMs,
    bulkPutMs,
    importMs,
    reimportMs,
    imported: imported!,
    reimported: reimported!,
    count,
    recent: { coldMs: recentCold, ms: recentMs, ids: recent.map((j) => j.jobId), lastSeen: recent.map((j) => j.lastSeenAt) },
    limit: {
      coldMs: limitCold,
      ms: limitMs,
      used: limit!.programs[0]?.used ?? 0,
      limit: limit!.programs[0]?.limit ?? null,
      state: limit!.programs[0]?.state ?? 'ok',
      order: limit!.programs.flatMap((p) => p.applications.map((a) => a.jobId ?? '')),
    },
  };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

/** The answers the timings stand for; a fast wrong answer is not a result. */
function checkAnswers(m: InPage, file: ExportFile, applied: string[]): string[] {
  const problems: string[] = [];
  if (m.imported.jobsAdded !== file.jobs.length) problems.push(`import added ${m.imported.jobsAdded} jobs, not ${file.jobs.length}`);
  if (m.imported.versionsAdded !== file.versions.length)
    problems.push(`import added ${m.imported.versionsAdded} earlier copies, not ${file.versions.length}`);
  if (m.reimported.jobsUnchanged !== file.jobs.length)
    problems.push(`re-import left ${m.reimported.jobsUnchanged} jobs unchanged, not all`);
  if (m.count !== file.jobs.length) problems.push(`the database holds ${m.count} jobs, not ${file.jobs.length}`);
  const newest = [...file.jobs].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt)).slice(0, 50);
  if (JSON.stringify(m.recent.lastSeen) !== JSON.stringify(newest.map((j) => j.lastSeenAt))) {
    problems.push('listRecent did not return the 50 most recently seen jobs, newest first');
  }
  if (JSON.stringify(m.limit.order) !== JSON.stringify(applied) || m.limit.limit !== 2) {
    problems.push(`loadLimitState counted ${JSON.stringify(m.limit.order)} of ${m.limit.limit}, expected ${JSON.stringify(applied)} of 2`);
  }
  return problems;
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`bench:store: ${CHROMIUM_PATH} is missing; run \`npm run browsers\``);
    return 1;
  }
  const { file, applied } = makeExport(JOBS);
  const text = JSON.stringify(file, null, 1);
  // The same check the import makes, here in Node: the file must be one the extension accepts.
  const parsed = parseExport(text);
  if (!parsed.ok) {
    console.error(`bench:store: the generated export is refused: ${parsed.message}`);
    return 1;
  }
  const script = await bundleStore();
  const { server, origin } = await serve(text);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(script);
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name`
    // helper; `measureInPage` reaches the page as source text, without that helper.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const m = await page.evaluate(measureInPage, { importRuns: IMPORT_RUNS, queryRuns: QUERY_RUNS, now: NOW.toISOString() });
    const problems = checkAnswers(m, file, applied);
    const aim = (ms: number, limit: number) => (ms <= limit ? `< ${limit} ms` : `OVER ${limit} ms`);
    printTable(
      ['what', 'runs', 'median ms', 'min ms', 'max ms', 'first ms', 'aim'],
      [
        [
          'importJson, 10,000 jobs into an empty database',
          String(m.importMs.length),
          fmt(median(m.importMs)),
          fmt(Math.min(...m.importMs)),
          fmt(Math.max(...m.importMs)),
          fmt(m.importMs[0]!),
          aim(median(m.importMs), IMPORT_AIM_MS),
        ],
        [
          '  its JSON.parse, alone',
          String(m.jsonParseMs.length),
          fmt(median(m.jsonParseMs)),
          fmt(Math.min(...m.jsonParseMs)),
          fmt(Math.max(...m.jsonParseMs)),
          fmt(m.jsonParseMs[0]!),
          '',
        ],
        [
          '  its JSON.parse + Zod (parseExport), alone',
          String(m.parseExportMs.length),
          fmt(median(m.parseExportMs)),
          fmt(Math.min(...m.parseExportMs)),
          fmt(Math.max(...m.parseExportMs)),
          fmt(m.parseExportMs[0]!),
          '',
        ],
        [
          '  floor: the same rows in one bulkPut, nothing else',
          String(m.bulkPutMs.length),
          fmt(median(m.bulkPutMs)),
          fmt(Math.min(...m.bulkPutMs)),
          fmt(Math.max(...m.bulkPutMs)),
          fmt(m.bulkPutMs[0]!),
          '',
        ],
        [
          'importJson, the same file again (merge, all unchanged)',
          String(m.reimportMs.length),
          fmt(median(m.reimportMs)),
          fmt(Math.min(...m.reimportMs)),
          fmt(Math.max(...m.reimportMs)),
          fmt(m.reimportMs[0]!),
          '',
        ],
        [
          'listRecent(db, 50)',
          String(m.recent.ms.length),
          fmt(median(m.recent.ms)),
          fmt(Math.min(...m.recent.ms)),
          fmt(Math.max(...m.recent.ms)),
          fmt(m.recent.coldMs),
          aim(median(m.recent.ms), QUERY_AIM_MS),
        ],
        [
          'loadLimitState(db, now)',
          String(m.limit.ms.length),
          fmt(median(m.limit.ms)),
          fmt(Math.min(...m.limit.ms)),
          fmt(Math.max(...m.limit.ms)),
          fmt(m.limit.coldMs),
          aim(median(m.limit.ms), QUERY_AIM_MS),
        ],
      ],
    );
    const withDates = file.jobs.filter((j) => j.appliedAt !== null).length;
    console.log(
      `${file.jobs.length.toLocaleString('en')} jobs (${(text.length / 1e6).toFixed(1)} MB export, ${file.versions.length} earlier copies, ` +
        `${withDates} with an application date, ${m.limit.used} in this cycle → ${m.limit.state}); import = parse + Zod validation of the ` +
        `whole file + one merge transaction; "first" for the queries = first query on a new connection; Chromium ${browser.version()}, ` +
        `IndexedDB on a loopback http origin.`,
    );
    if (problems.length > 0) {
      for (const p of problems) console.error(`bench:store: wrong answer: ${p}`);
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
    server.close();
  }
}

process.exitCode = await main();
