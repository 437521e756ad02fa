import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JOB_HOSTS } from '../../lib/sites/hosts';

/**
 * What both browser suites share: where the build is, how a test talks to a browser with the
 * extension loaded, and how the extension's database is read from inside the extension's origin.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
// E2E_OUTPUT_DIR points the tests at another build (e.g. a deliberately broken one, to see them fail).
const OUTPUT_DIR = resolve(process.env.E2E_OUTPUT_DIR ?? join(ROOT, '.output'));
export const CHROME_BUILD = join(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = join(OUTPUT_DIR, 'firefox-mv2');

/** Debian's packages; scripts/ensure-browsers.mjs installs them. Overridable for other systems. */
export const CHROMIUM_PATH = process.env.JOB_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.JOB_LENS_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * The content script gives up on a page that never shows a job after 15 s (PageWatcher's
 * maxWaitMs); "nothing was saved" only means something once that time has passed.
 */
export { DEFAULT_MAX_WAIT_MS as CONTENT_GIVE_UP_MS } from '../../lib/capture/watcher';
export const SAVE_TIMEOUT_MS = 20_000;

export type Row = Record<string, unknown>;

export interface Tab {
  /** Runs in the page's own (main) world, where the site's scripts live. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: string;
  open(url: string): Promise<Tab>;
  /** Every row of an object store of the extension's `job-lens` database ([] if it does not exist yet). */
  readStore(store: string): Promise<Row[]>;
  close(): Promise<void>;
}

export function requireBuild(dir: string, command: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`${command}\` first (npm test builds before the e2e step).`);
  }
}

/**
 * A private copy of the build for one browser's lifetime: browsers read extension files lazily,
 * and a rebuild during the run (wxt wipes its output folder first) must not pull files away.
 */
export function snapshotBuild(dir: string, command: string): { dir: string; remove: () => void } {
  requireBuild(dir, command);
  const copy = mkdtempSync(join(tmpdir(), 'job-lens-build-'));
  try {
    cpSync(dir, copy, { recursive: true });
    requireBuild(copy, command);
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

export function requireBrowser(path: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`node scripts/ensure-browsers.mjs\` (npm test does).`);
  }
}

export function freshProfileDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `job-lens-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs inside an extension context (service worker or extension page), so it must be
 * self-contained. Uses the raw IndexedDB API: the test checks what the background wrote, not
 * what our own store code would read back. Opening a database that does not exist would create
 * it (and later collide with Dexie's versioning), so that upgrade is aborted instead.
 */
export function readStoreInExtension(store: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolvePromise, reject) => {
    let absent = false;
    const request = indexedDB.open('job-lens');
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onerror = () => {
      if (absent) resolvePromise([]);
      else reject(new Error(`opening job-lens: ${String(request.error)}`));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        resolvePromise([]);
        return;
      }
      const all = db.transaction(store, 'readonly').objectStore(store).getAll();
      all.onsuccess = () => {
        db.close();
        resolvePromise(all.result as Record<string, unknown>[]);
      };
      all.onerror = () => {
        db.close();
        reject(new Error(`reading ${store}: ${String(all.error)}`));
      };
    };
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = SAVE_TIMEOUT_MS,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function waitForJobRow(browser: ExtensionBrowser, jobId: string, timeoutMs = SAVE_TIMEOUT_MS) {
  return waitFor(
    `job ${jobId} to reach the background's database`,
    async () => (await browser.readStore('jobs')).find((row) => row.jobId === jobId),
    timeoutMs,
  );
}

/** The row's values for exactly the fields the fixture states, for a readable diff. */
export function pick(row: Row, keys: readonly string[]): Row {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

/**
 * Chromium's flags for every end-to-end launch: Debian's build as root, nothing fetched from the
 * network, the unpacked extension loaded, and the careers hosts resolved to the fixture server.
 * `--headless` is Chromium's new headless mode, which runs extensions (Playwright's own headless
 * shell does not), so launches pass `headless: false` and add this flag unless a window is wanted.
 */
export function chromiumArgs({
  extensionDir,
  serverPort,
  headed = false,
}: {
  extensionDir: string;
  serverPort: number;
  headed?: boolean;
}): string[] {
  const rules = JOB_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${serverPort}`).join(', ');
  return [
    ...(headed ? [] : ['--headless']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    `--host-resolver-rules=${rules}`,
  ];
}

/**
 * A YYYY-MM `months` ahead of today. The extension matches against the real clock, so a profile
 * "still studying" must graduate after the day the tests run, not after a date fixed when they
 * were written (the Master's student graduating 2026-12 would have failed every run from 2027).
 */
export function monthsFromNow(months: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() + months, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
