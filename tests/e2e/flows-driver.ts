import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { NOTE_TAG } from '../../lib/banner/note';
import { applyFormOf, fixtureNamed, FIXTURES_DIR, jobFixtures, loadFixtures, type Fixture, type JobFixture } from './fixtures';
import type { Row } from './harness';
import { serveApplyForm, serveJobCopies, syntheticJobIds } from './limit-driver';
import type { FixtureServer } from './server';
import { attribute, walk, type DomNode } from './dom-tree';

/**
 * What the flows end-to-end tests in both browsers share: the pages (job pages, their forms, the
 * confirmation, the referral form and confirmation, the history), served under the real hosts.
 */

export const TOKEN = 'Zr8QkT2m9LwXreferrer';
export const APPLIED_URL = 'https://lifeattiktok.com/resume/applied';
export const REFERRAL_APPLIED_URL = 'https://lifeattiktok.com/referral/tiktok/resume/applied';
export const HISTORY_URL = 'https://lifeattiktok.com/position/application';

export interface FlowPages {
  fixtures: Fixture[];
  /** Confirmed by a client-side navigation from its form. */
  spa: JobFixture;
  /** Confirmed by a full load after its form. */
  load: JobFixture;
  /** Seen only here; the history says it was applied to elsewhere. */
  elsewhere: JobFixture;
  formOf: (job: JobFixture | string) => string;
  /** A job page copy under a new id, for the referral and the restart flows. */
  referralJob: string;
  restartJob: string;
  /** Its form shows the "already applied" dialog. */
  dialogJob: string;
  /** The dialog's markup as the site renders it, to add to a form that is open. */
  dialogHtml: string;
  jobUrl: (jobId: string) => string;
  referralFormUrl: (jobId: string) => string;
  /** The history's date for `elsewhere`, as the page shows it. */
  elsewhereDate: string;
}

const fixtureHtml = (name: string) => readFileSync(join(FIXTURES_DIR, name), 'utf8');

export function serveFlowPages(server: FixtureServer, fixtures = loadFixtures()): FlowPages {
  const jobs = jobFixtures(fixtures);
  const spa = fixtureNamed(jobs, 'tiktok-seed-000');
  const load = fixtureNamed(jobs, 'tiktok-seed-003');
  const elsewhere = fixtureNamed(jobs, 'tiktok-seed-002');
  const form = applyFormOf(fixtures, spa);
  if (!form) throw new Error('the application-form fixture for tiktok-seed-000 is missing');
  const [referralJob, restartJob, dialogJob] = syntheticJobIds(3, '76100000000000');
  serveJobCopies(server, spa, [referralJob!, restartJob!, dialogJob!]);
  const formUrls = new Map<string, string>();
  for (const job of [spa, load, elsewhere]) formUrls.set(job.posting.jobId, serveApplyForm(server, form, spa, job));
  for (const jobId of [referralJob!, restartJob!, dialogJob!]) {
    const url = `https://lifeattiktok.com/resume/${jobId}/apply`;
    server.addPage(url, form.html);
    formUrls.set(jobId, url);
  }
  const referralFormUrl = (jobId: string) => `https://lifeattiktok.com/referral/tiktok/resume/${jobId}/apply?token=${TOKEN}`;
  // The server routes by host and path: the token in the query is only in the address bar.
  server.addPage(referralFormUrl(referralJob!), form.html);
  server.addPage(APPLIED_URL, fixtureHtml('tiktok-applied.html'));
  server.addPage(REFERRAL_APPLIED_URL, fixtureHtml('tiktok-applied.html'));
  // The history of tiktok-history.html with its second row made the job `elsewhere` (applied on
  // another device), so every row is a job these tests know or one never seen.
  const big = fixtureNamed(jobs, 'tiktok-seed-003');
  const history = fixtureHtml('tiktok-history.html')
    .replace(`/search/${big.posting.jobId}?spread=XY7QH2K`, `/search/${elsewhere.posting.jobId}`)
    .replace(big.posting.title, elsewhere.posting.title)
    .replace('Interviewing', 'Resume screening');
  if (!history.includes(elsewhere.posting.jobId)) throw new Error('the history fixture no longer has the row the test rewrites');
  server.addPage(HISTORY_URL, history);
  return {
    fixtures,
    spa,
    load,
    elsewhere,
    formOf: (job) => formUrls.get(typeof job === 'string' ? job : job.posting.jobId)!,
    referralJob: referralJob!,
    restartJob: restartJob!,
    dialogJob: dialogJob!,
    dialogHtml: /<div class="fixed inset-0[\s\S]*?<\/div><\/div><\/div>/.exec(fixtureHtml('tiktok-duplicate-dialog.html'))![0],
    jobUrl: (jobId) => `https://lifeattiktok.com/search/${jobId}`,
    referralFormUrl,
    elsewhereDate: '2026-05-28T21:40',
  };
}

/** The instant of a local date and time as the site shows it, in the test's (and browser's) zone. */
export function localInstant(local: string): string {
  const [day, time] = local.split('T') as [string, string];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).toISOString();
}

/** Every store of the database as one text, to look for the token anywhere. */
export async function dumpDatabase(readStore: (store: string) => Promise<Row[]>): Promise<string> {
  const stores = ['jobs', 'versions', 'settings', 'profile', 'siteApplications'];
  return JSON.stringify(await Promise.all(stores.map(readStore)));
}

const classOf = (node: DomNode) => attribute(node, 'class');

/** The page note as Chromium holds it, inside its closed shadow root (DevTools pierces it; pages cannot). */
export async function readNote(page: Page): Promise<{ text: string; undoButton: number | undefined } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = [...walk(root)].find((n) => n.localName === NOTE_TAG);
    if (!host) return null;
    const nodes = [...walk(host)];
    const p = nodes.find((n) => n.localName === 'p');
    const text = p
      ? [...walk(p)]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.nodeValue ?? '')
          .join('')
      : '';
    return { text, undoButton: nodes.find((n) => n.localName === 'button' && classOf(n) === 'undo')?.backendNodeId };
  } finally {
    await cdp.detach();
  }
}

/** Clicks a node found by `readNote` with the mouse, where it is drawn. */
export async function clickNode(page: Page, backendNodeId: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let quad: number[];
  try {
    ({
      model: { border: quad },
    } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } });
  } finally {
    await cdp.detach();
  }
  await page.mouse.click((quad[0]! + quad[4]!) / 2, (quad[1]! + quad[5]!) / 2);
}
