import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFormOf, fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { monthsFromNow, ROOT, sleep, waitFor } from './harness';
import { accessibleTexts, launchPopupChromium, runAxe, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The popup in real Chromium, the way a candidate uses it: a profile, two job pages,
 * the popup for the current tab with its highlights, two applications marked in the popup, the
 * "2/2" badge, and a third job's application form showing the page banner. Screenshots of each
 * step go to test-results/popup/ for a person to look at when a check fails.
 */

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const byName = (name: string) => fixtureNamed(jobs, name);
const DATA_SCIENTIST = byName('tiktok-seed-002');
const BIG_DATA = byName('tiktok-seed-003');
const ALGORITHM_PHD = byName('tiktok-seed-000');
const APPLY_FORM = applyFormOf(fixtures, ALGORITHM_PHD);

const MASTER_STUDENT = {
  education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: monthsFromNow(12) }],
  skills: ['Python', 'SQL', 'Spark', 'Hive', 'Java'],
  languages: ['English'],
  locations: ['Singapore'],
  availability: [{ from: '2026-01-05', to: '2026-08-31' }],
};

const SHOTS = join(ROOT, 'test-results/popup');
mkdirSync(SHOTS, { recursive: true });

async function rowOf(browser: PopupChromium, jobId: string) {
  return waitFor(`job ${jobId} in the database`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId));
}

async function verdicts(popup: Page): Promise<{ text: string; verdict: string }[]> {
  return popup.$$eval('[data-testid="qualification"]', (lines) =>
    lines.map((li) => ({ text: li.querySelector('.qual-text')?.textContent ?? '', verdict: li.getAttribute('data-verdict') ?? '' })),
  );
}

function serious(violations: Awaited<ReturnType<typeof runAxe>>) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('chromium: the popup', () => {
  let server: FixtureServer;
  let browser: PopupChromium;
  const tabs: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer(fixtures);
    browser = await launchPopupChromium(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has the fixtures it needs', () => {
    expect(APPLY_FORM, 'the application form of the PhD job').toBeDefined();
  });

  it('keeps the profile the user sets on the options page', async () => {
    // The options page's own import: a profile file loaded into the form, then saved.
    const file = join(mkdtempSync(join(tmpdir(), 'job-lens-profile-')), 'profile.json');
    writeFileSync(file, JSON.stringify(MASTER_STUDENT));
    const options = await browser.extensionPage('options.html');
    await options.setInputFiles('input[type="file"]', file);
    await options.click('button[type="submit"]');
    await options.waitForFunction(() => /saved/i.test(document.getElementById('save-status')?.textContent ?? ''));
    await options.close();
    const rows = await browser.readStore('profile');
    expect(rows.map((r) => (r.data as { skills: string[] }).skills)).toEqual([MASTER_STUDENT.skills]);
  });

  it('shows the current tab’s job with every qualification line highlighted by verdict', async () => {
    for (const fixture of [BIG_DATA, DATA_SCIENTIST]) {
      tabs.push(await browser.open(fixture.url.href));
      await rowOf(browser, fixture.posting.jobId);
    }
    const popup = await browser.openPopup(tabs[1]);
    expect(await popup.textContent('#job-title')).toBe(DATA_SCIENTIST.posting.title);
    const lines = await verdicts(popup);
    const minimum = DATA_SCIENTIST.expected.posting!.minimumQualifications as string[];
    expect(lines.slice(0, minimum.length).map((l) => l.text.replace(/^(Met|Partly met|Not met|Unknown): /, ''))).toEqual(minimum);
    const verdictOf = (start: string) => lines.find((l) => l.text.includes(start))?.verdict;
    expect(verdictOf("currently pursuing a Master's Degree")).toBe('met');
    expect(verdictOf('including SQL and Python')).toBe('met');
    // A soft skill can never be checked, and never counts against the candidate.
    expect(verdictOf('Collaborative, data-driven')).toBe('unknown');
    expect(await popup.textContent('[data-testid="score"]')).toMatch(/Match \d+\/100/);
    expect(await popup.textContent('.legend')).toBe('✓Met◐Partly met✗Not met?Unknown');

    // Evidence on hover …
    const degreeLine = popup.locator('[data-testid="qualification"]', { hasText: "currently pursuing a Master's Degree" });
    const evidence = degreeLine.locator('.evidence');
    expect(await evidence.isVisible()).toBe(false);
    await degreeLine.hover();
    expect(await evidence.isVisible()).toBe(true);
    // The profile's degree as a student says it, quoted as the evidence.
    expect(await evidence.textContent()).toContain("“Master's in Computer Science, graduating ");
    await popup.mouse.move(0, 0);
    // … and on keyboard focus, reached with Tab alone.
    const sqlLine = popup.locator('[data-testid="qualification"]', { hasText: 'including SQL and Python' });
    await popup.focus('body');
    for (let i = 0; i < 40 && !(await sqlLine.evaluate((el) => el === document.activeElement)); i++) await popup.keyboard.press('Tab');
    expect(await sqlLine.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await sqlLine.locator('.evidence').isVisible()).toBe(true);
    await popup.screenshot({ path: join(SHOTS, '1-current-job.png'), fullPage: true });

    expect(serious(await runAxe(popup))).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(serious(await runAxe(popup))).toEqual([]);
    await popup.close();
  });

  it('marks two applications in the popup; the header, banner and badge say 2 of 2', async () => {
    for (const [i, fixture] of [
      [0, BIG_DATA],
      [1, DATA_SCIENTIST],
    ] as const) {
      const popup = await browser.openPopup(tabs[i]);
      await popup.click('button:has-text("Mark applied")');
      await popup.waitForSelector('[data-testid="applied-on"]');
      const row = await rowOf(browser, fixture.posting.jobId);
      expect(row.status).toBe('applied');
      await popup.close();
    }
    const popup = await browser.openPopup(tabs[1]);
    expect(await popup.textContent('[data-testid="limit-summary"]')).toContain('Undergrad/Master Intern · 2026 Start: 2 of 2 used');
    const banner = popup.locator('[data-testid="limit-banner"]');
    expect(await banner.textContent()).toContain('Limit reached: 2 of 2');
    const order = await banner.locator('li').allTextContents();
    expect(order.map((t) => t.split(' (')[0])).toEqual([
      BIG_DATA.posting.title.split(' (')[0],
      DATA_SCIENTIST.posting.title.split(' (')[0],
    ]);
    await popup.close();

    const badge = await waitFor('the badge to read 2/2', async () => {
      const b = await browser.badge();
      return b.text === '2/2' ? b : undefined;
    });
    // Red at the limit (BADGE_COLORS.limit, #b91c1c).
    expect(badge.color.slice(0, 3)).toEqual([0xb9, 0x1c, 0x1c]);
  });

  it('shows no page banner on the form of a job in another program (PhD Intern), whose places are all free', async () => {
    if (!APPLY_FORM) throw new Error('no apply-form fixture');
    tabs.push(await browser.open(ALGORITHM_PHD.url.href));
    await rowOf(browser, ALGORITHM_PHD.posting.jobId);
    const form = await browser.open(APPLY_FORM.url.href);
    tabs.push(form);
    await waitFor('the form to be recorded as started', async () =>
      (await rowOf(browser, ALGORITHM_PHD.posting.jobId)).applyStartedAt ? true : undefined,
    );
    await sleep(1500);
    // The accessibility tree sees into the closed shadow root: nothing of Job Lens there.
    expect((await accessibleTexts(form)).some((t) => t.startsWith('Job Lens:'))).toBe(false);
    await form.screenshot({ path: join(SHOTS, '2-apply-form-other-program.png') });
  });

  it('asks in the popup whether that form was submitted, and counts nothing until told', async () => {
    const popup = await browser.openPopup();
    const pending = popup.locator('[data-testid="pending-item"]');
    await pending.waitFor();
    expect(await pending.textContent()).toContain(`Did you submit your application to ${ALGORITHM_PHD.posting.title}?`);
    // Another program: applying there takes nothing from the full one.
    expect(await pending.textContent()).not.toContain('This would be application');
    expect(await popup.textContent('[data-testid="limit-summary"]')).toContain('Undergrad/Master Intern · 2026 Start: 2 of 2 used');
    await popup.screenshot({ path: join(SHOTS, '3-list-pending.png'), fullPage: true });
    expect(serious(await runAxe(popup))).toEqual([]);
    // The dark theme has its own colours, so its contrast is checked on its own.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(serious(await runAxe(popup))).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });

    await pending.locator('button:has-text("Not yet")').click();
    await pending.waitFor({ state: 'detached' });
    // "Not yet" puts the question away for a day; the opened form stays marked.
    const row = await rowOf(browser, ALGORITHM_PHD.posting.jobId);
    expect(row.appliedAt).toBeNull();
    expect(row.applyStartedAt).not.toBeNull();
    expect(Date.parse(String(row.applyAskAgainAt))).toBeGreaterThan(Date.now());
    expect((await browser.badge()).text).toBe('2/2');

    // The list shows all three jobs; the search narrows it.
    expect(await popup.locator('[role="listitem"]').count()).toBe(3);
    await popup.fill('input[type="search"]', 'big data');
    await waitFor('the search to narrow the list', async () =>
      (await popup.locator('[role="listitem"]').count()) === 1 ? true : undefined,
    );
    expect(await popup.locator('[role="listitem"]').textContent()).toContain('Big Data Engineer Intern');
    await popup.close();
  });

  it('shows markup from a posting as text, never as elements', async () => {
    const hostile = jobs.find((f) => f.name === 'tiktok-hostile-text');
    if (!hostile) throw new Error('fixture tiktok-hostile-text is missing');
    const tab = await browser.open(hostile.url.href);
    await rowOf(browser, hostile.posting.jobId);
    const popup = await browser.openPopup(tab);
    const line = popup.locator('[data-testid="qualification"]', { hasText: 'XSS payloads' });
    expect(await line.locator('.qual-text').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await popup.locator('main img').count()).toBe(0);
    await popup.close();
    await tab.close();
  });

  it('shows the PhD job’s blocker at the top for a master’s student', async () => {
    const popup = await browser.openPopup(tabs[2]);
    const blockers = popup.locator('[data-testid="blockers"]');
    expect(await blockers.textContent()).toMatch(/PhD/);
    const [blockerTop, firstLineTop] = await Promise.all([
      blockers.evaluate((el) => el.getBoundingClientRect().top),
      popup
        .locator('[data-testid="qualification"]')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(blockerTop).toBeLessThan(firstLineTop);
    await popup.close();
  });
});
