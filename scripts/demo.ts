// `npm run demo`: builds the extension, serves the bundled fixture pages as if from
// lifeattiktok.com, opens Chromium with Job Lens (a window when there is a display, headless
// otherwise) and walks through what a candidate does: fill the profile, view two jobs, read the
// popup, mark both applied, open a third job's application form, then the search results with
// the marks on the jobs seen. Screenshots go to a temporary
// folder (printed at the end), so a demo run leaves the working tree as it was; `npm run demo --
// --update` writes them over the committed ones in demo/ instead.
// Nothing leaves the machine: the careers hosts resolve to a server on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureNamed, jobFixtures, loadFixtures } from '../tests/e2e/fixtures';
import { serveApplyForm, serveJobCopies } from '../tests/e2e/limit-driver';
import { readMarks, RESULTS, resultId } from '../tests/e2e/marks-driver';
import { monthsFromNow } from '../tests/e2e/harness';
import { launchPopupChromium } from '../tests/e2e/popup-driver';
import { startFixtureServer } from '../tests/e2e/server';

const ROOT = resolve(import.meta.dirname, '..');
const UPDATE = process.argv.slice(2).includes('--update');
const OUT = UPDATE ? join(ROOT, 'demo') : mkdtempSync(join(tmpdir(), 'job-lens-demo-'));
const SHOWN_OUT = UPDATE ? 'demo' : OUT;
const PROFILE = join(ROOT, 'tests/fixtures/profiles/masters-student.json');

/**
 * The bundled profile, its degree in progress moved to graduate a year from today: the extension
 * matches against the real clock, and a student whose graduation date has passed would be shown
 * as "not currently pursuing" on every posting.
 */
function profileForToday(dir: string): string {
  const profile = JSON.parse(readFileSync(PROFILE, 'utf8')) as { education: { status: string; graduation?: string }[] };
  for (const degree of profile.education) {
    if (degree.status === 'pursuing' && degree.graduation && degree.graduation < monthsFromNow(6)) degree.graduation = monthsFromNow(12);
  }
  const file = join(dir, 'masters-student.json');
  writeFileSync(file, JSON.stringify(profile, null, 2));
  return file;
}

function step(message: string): void {
  console.log(`• ${message}`);
}

async function shot(page: Page, file: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(OUT, file), fullPage });
  console.log(`  wrote ${SHOWN_OUT}/${file}`);
}

async function main(): Promise<void> {
  step('checking for Chromium (installed the way npm test installs it)');
  const browsers = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-browsers.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (browsers.status !== 0) throw new Error('Chromium is missing (see the command above)');
  step('building the extension (npm run build)');
  const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  mkdirSync(OUT, { recursive: true });

  const fixtures = loadFixtures();
  const dataScientist = fixtureNamed(fixtures, 'tiktok-seed-002');
  const bigData = fixtureNamed(fixtures, 'tiktok-seed-003');
  const applyForm = fixtureNamed(fixtures, 'tiktok-apply-form');
  const server = await startFixtureServer(fixtures);
  // A third job of the same program (Undergrad/Master Intern · 2026 Start), with the saved form under its id.
  const jobs = jobFixtures(fixtures);
  const third = fixtureNamed(jobs, 'tiktok-paragraphs');
  const thirdForm = serveApplyForm(server, applyForm, fixtureNamed(jobs, 'tiktok-seed-000'), third);
  const headed = Boolean(process.env.DISPLAY);
  step(`serving ${fixtures.length} saved pages as lifeattiktok.com and joinbytedance.com; Chromium ${headed ? 'in a window' : 'headless'}`);
  const browser = await launchPopupChromium(server.port, { headed, viewport: { width: 1280, height: 860 } });
  try {
    step("options page: load a master's student profile and save it");
    const options = await browser.extensionPage('options.html');
    const scratch = mkdtempSync(join(tmpdir(), 'job-lens-demo-'));
    await options.setInputFiles('input[type="file"]', profileForToday(scratch));
    rmSync(scratch, { recursive: true, force: true });
    await options.click('button[type="submit"]');
    await options.waitForFunction(() => /saved/i.test(document.getElementById('save-status')?.textContent ?? ''));
    // A tall window rather than a full-page capture: the save bar is sticky, and a full-page
    // capture paints it over the middle of the form.
    await options.setViewportSize({ width: 1280, height: 1500 });
    await options.evaluate(() => window.scrollTo(0, 0));
    await shot(options, '1-options-profile.png');
    await options.close();

    step('viewing two jobs on lifeattiktok.com');
    const first = await browser.open(dataScientist.url.href);
    const second = await browser.open(bigData.url.href);
    const saved = async () => (await browser.readStore('jobs')).length;
    for (let i = 0; i < 100 && (await saved()) < 2; i++) await first.waitForTimeout(100);
    if ((await saved()) < 2) throw new Error('the two job pages were not saved');

    step('the popup for the current tab: facts, score, blockers, every line highlighted');
    const popup = await browser.openPopup(first, { width: 420, height: 900 });
    await popup.waitForSelector('[data-testid="qualification"]');
    await shot(popup, '2-popup-current-job.png', true);

    step('marking both jobs applied from the popup');
    for (const tab of [first, second]) {
      const page = await browser.openPopup(tab, { width: 420, height: 640 });
      await page.click('button:has-text("Mark applied")');
      await page.waitForSelector('[data-testid="applied-on"]');
      await page.close();
    }
    const badge = await browser.badge();
    step(`toolbar badge: ${badge.text}`);

    step("opening a third job's application form: the page warns that the limit is reached");
    const thirdPage = await browser.open(third.url.href);
    for (let i = 0; i < 100 && (await saved()) < 3; i++) await thirdPage.waitForTimeout(100);
    await thirdPage.close();
    const form = await browser.open(thirdForm);
    await form.waitForSelector('job-lens-limit-banner', { state: 'attached', timeout: 15_000 });
    await form.waitForTimeout(300);
    await shot(form, '3-limit-banner-on-apply-form.png');

    step('the saved-jobs list with the limit header');
    const list = await browser.openPopup(undefined, { width: 420, height: 640 });
    await list.waitForSelector('[role="listitem"]');
    await shot(list, '4-popup-saved-jobs.png');
    await list.emulateMedia({ colorScheme: 'dark' });
    await list.waitForTimeout(200);
    await shot(list, '5-popup-saved-jobs-dark.png');
    await list.close();
    await popup.close();

    step('the search results on lifeattiktok.com: the jobs seen before carry their marks');
    // Three results of the saved search list, opened once each as a candidate would: two in the
    // program already at its limit, and a PhD-only one, which the Master's profile cannot take.
    const seenIds = [resultId(1), resultId(2), resultId(4)];
    const seenUrls = [
      ...serveJobCopies(server, fixtureNamed(jobs, 'tiktok-seed-003'), seenIds.slice(0, 2)),
      ...serveJobCopies(server, fixtureNamed(jobs, 'tiktok-seed-000'), seenIds.slice(2)),
    ];
    for (const url of seenUrls) {
      const tab = await browser.open(url);
      const jobId = new URL(url).pathname.split('/').pop();
      for (let i = 0; i < 100 && !(await browser.readStore('jobs')).some((r) => r.jobId === jobId); i++) await tab.waitForTimeout(100);
      await tab.close();
    }
    const results = await browser.open(RESULTS.url.href);
    for (let i = 0; i < 100 && (await readMarks(results)).length < seenIds.length; i++) await results.waitForTimeout(100);
    // Keyboard focus on the PhD-only card shows its blocker, as hovering its mark does.
    await results.locator(`a[href*="${seenIds[2]}"]`).first().focus();
    await results.waitForTimeout(300);
    await shot(results, '6-marks-on-search-results.png');
    await results.close();
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`demo done: screenshots in ${SHOWN_OUT}/${UPDATE ? '' : ' (`npm run demo -- --update` writes them to demo/)'}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
