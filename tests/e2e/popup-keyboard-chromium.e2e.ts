import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFormOf, fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { monthsFromNow, waitFor } from './harness';
import { launchPopupChromium, runAxe, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The popup walked with the keyboard alone in Chromium: browsing the status menu with the arrow
 * keys records nothing, "Set status" and Undo do, focus stays where the user acted, typed notes
 * survive the popup closing at once, a dead job says it is no longer open, and the list sorts by
 * the stored match (eligible first) with the blocker on the row. axe at 300 and 400 px, light and dark.
 */

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const BIG_DATA = fixtureNamed(jobs, 'tiktok-seed-003');
const DATA_SCIENTIST = fixtureNamed(jobs, 'tiktok-seed-002');
const ALGORITHM_PHD = fixtureNamed(jobs, 'tiktok-seed-000');
const APPLY_FORM = applyFormOf(fixtures, ALGORITHM_PHD);
const DEAD = fixtures.find((f) => f.name === 'tiktok-dead-job');

const MASTER_STUDENT = {
  education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: monthsFromNow(12) }],
  skills: ['Python', 'SQL', 'Spark', 'Hive', 'Java'],
  languages: ['English'],
  locations: ['Singapore'],
  availability: [{ from: '2026-01-05', to: '2026-08-31' }],
};

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label =
      el?.getAttribute('aria-label') ??
      (el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el?.closest('label')?.firstChild?.textContent ??
      '';
    return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '', label: label.trim() };
  });

/** Presses Tab until the focused element passes `test` (at most 60 times). */
async function tabTo(page: Page, what: string, test: (a: Awaited<ReturnType<typeof active>>) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (test(await active(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await active(page))}`);
}

function serious(violations: Awaited<ReturnType<typeof runAxe>>) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function axeEverywhere(popup: Page) {
  for (const width of [300, 400]) {
    await popup.setViewportSize({ width, height: 600 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(serious(await runAxe(popup)), `axe at ${width} px, ${colorScheme}`).toEqual([]);
    }
  }
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.setViewportSize({ width: 400, height: 600 });
}

describe('chromium: the popup by keyboard', () => {
  let server: FixtureServer;
  let browser: PopupChromium;
  const tabs: Record<string, Page> = {};
  const row = async (jobId: string) =>
    waitFor(`job ${jobId} in the database`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId));

  beforeAll(async () => {
    server = await startFixtureServer(fixtures);
    browser = await launchPopupChromium(server.port);
    await browser.send('profile:save', { profile: MASTER_STUDENT });
    for (const fixture of [BIG_DATA, DATA_SCIENTIST, ALGORITHM_PHD]) {
      tabs[fixture.name] = await browser.open(fixture.url.href);
      await row(fixture.posting.jobId);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores a match summary with every job, in the background', async () => {
    const rows = await waitFor('every job to carry its match summary', async () => {
      const all = await browser.readStore('jobs');
      return all.length === 3 && all.every((r) => r.match) ? all : undefined;
    });
    const phd = rows.find((r) => r.jobId === ALGORITHM_PHD.posting.jobId)!.match as { eligible: boolean; firstBlocker: string };
    expect(phd.eligible).toBe(false);
    expect(phd.firstBlocker).toMatch(/PhD/);
  });

  it('records no status by arrow keys; "Set status" and Undo do, and focus stays put', async () => {
    const popup = await browser.openPopup(tabs[BIG_DATA.name], { width: 400 });
    const jobId = BIG_DATA.posting.jobId;
    await popup.focus('body');
    await tabTo(popup, 'the status menu', (a) => a.tag === 'select' && a.label === 'Status');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    // Chromium changes a focused select's value on arrow keys: the popup must record nothing.
    expect(await popup.$eval('select[id$="-status"]', (s) => (s as HTMLSelectElement).value)).toBe('applied');
    await popup.waitForTimeout(500);
    expect((await row(jobId)).status).toBe('seen');
    expect((await browser.badge()).text).not.toBe('1/2');
    expect(await active(popup)).toMatchObject({ tag: 'select' });
    expect(await popup.textContent('[data-testid="status-pending"]')).toContain('counts against the limit');

    await popup.keyboard.press('Tab');
    expect(await active(popup)).toMatchObject({ tag: 'button', text: 'Set status' });
    await popup.keyboard.press('Enter');
    await waitFor('the application to be recorded', async () => ((await row(jobId)).status === 'applied' ? true : undefined));
    await popup.waitForSelector('text=It counts against the limit');
    expect(await active(popup)).toMatchObject({ tag: 'button', text: 'Set status' });
    await waitFor('the badge to read 1/2', async () => ((await browser.badge()).text === '1/2' ? true : undefined));

    await tabTo(popup, 'Undo', (a) => a.tag === 'button' && a.text === 'Undo');
    await popup.keyboard.press('Enter');
    await waitFor('the application to be undone', async () => ((await row(jobId)).status === 'seen' ? true : undefined));
    expect((await row(jobId)).appliedAt).toBeNull();
    await popup.waitForSelector('text=Back to Viewed');
    expect(await active(popup)).toMatchObject({ tag: 'select', label: 'Status' });
    await waitFor('the badge to drop', async () => ((await browser.badge()).text !== '1/2' ? true : undefined));

    // "Save job" goes away once used: the focus goes to its Undo, not to the page.
    await popup.focus('body');
    await tabTo(popup, 'Save job', (a) => a.tag === 'button' && a.text === 'Save job');
    await popup.keyboard.press('Enter');
    await waitFor('the job to be saved', async () => ((await row(jobId)).status === 'saved' ? true : undefined));
    await waitFor('the focus on Undo', async () => ((await active(popup)).text === 'Undo' ? true : undefined));
    await popup.close();
  });

  it('keeps notes typed just before the popup closes', async () => {
    const jobId = DATA_SCIENTIST.posting.jobId;
    const popup = await browser.openPopup(tabs[DATA_SCIENTIST.name], { width: 400 });
    await popup.focus('body');
    await tabTo(popup, 'the notes', (a) => a.tag === 'textarea');
    await popup.keyboard.type('Referral from Mei');
    // Closed at once, as a toolbar popup is on a click outside it: no pause for the debounce.
    await popup.close({ runBeforeUnload: true });
    const again = await browser.openPopup(tabs[DATA_SCIENTIST.name], { width: 400 });
    await waitFor('the notes in the database', async () => ((await row(jobId)).notes === 'Referral from Mei' ? true : undefined));
    expect(await again.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('Referral from Mei');
    await axeEverywhere(again);
    await again.close();
  });

  it('says a dead job is no longer open instead of reading it forever', async () => {
    if (!DEAD) throw new Error('fixture tiktok-dead-job is missing');
    const tab = await browser.open(DEAD.url.href);
    const popup = await browser.openPopup(tab, { width: 400 });
    const gone = await popup.waitForSelector('[data-testid="job-gone"]', { timeout: 10_000 });
    expect(await gone.textContent()).toContain('This job is no longer open.');
    await popup.close();
    await tab.close();
  });

  it('asks the pending question in one line, and lists jobs best match first with the blocker on the row', async () => {
    if (!APPLY_FORM) throw new Error('no apply-form fixture');
    const form = await browser.open(APPLY_FORM.url.href);
    await waitFor('the form to be recorded as started', async () =>
      (await row(ALGORITHM_PHD.posting.jobId)).applyStartedAt ? true : undefined,
    );
    const popup = await browser.openPopup(undefined, { width: 400 });
    for (const width of [300, 400]) {
      await popup.setViewportSize({ width, height: 600 });
      const boxes = await popup.$eval('[data-testid="pending-item"] .pending-line', (line) =>
        [line.querySelector('.pending-question')!, ...line.querySelectorAll('button')]
          .map((el) => el.getBoundingClientRect())
          .map((r) => ({ top: r.top, bottom: r.bottom })),
      );
      const tops = boxes.map((b) => Math.round(b.top));
      // One line: the question and both buttons overlap vertically.
      for (const b of boxes) expect(b.top, `at ${width} px`).toBeLessThan(Math.min(...boxes.map((x) => x.bottom)));
      expect(Math.max(...tops) - Math.min(...tops), `at ${width} px`).toBeLessThan(12);
    }
    await popup.setViewportSize({ width: 400, height: 600 });

    // Sort by best match with the keyboard; a select that only sorts may follow the arrows.
    await popup.focus('body');
    await tabTo(popup, 'Sort by', (a) => a.tag === 'select' && a.label.startsWith('Sort by'));
    await popup.selectOption('select:focus', 'score');
    const order = await waitFor('the list sorted by match', async () => {
      const ids = await popup.$$eval('[role="listitem"]', (items) => items.map((li) => li.getAttribute('data-job-id')));
      return ids.length === 3 && ids[2] === ALGORITHM_PHD.posting.jobId ? ids : undefined;
    });
    expect(order).toHaveLength(3);
    const phdRow = popup.locator(`[role="listitem"][data-job-id="${ALGORITHM_PHD.posting.jobId}"]`);
    expect(await phdRow.locator('[data-testid="row-blocker"]').textContent()).toMatch(/^✗ Not eligible: .*PhD/);
    // The whole title, in at most two lines, and as the row's tooltip.
    const title = phdRow.locator('.row-title');
    const { lines, clamp } = await title.evaluate((el) => {
      const style = getComputedStyle(el);
      return { lines: el.getBoundingClientRect().height / parseFloat(style.lineHeight), clamp: style.webkitLineClamp };
    });
    expect(clamp).toBe('2');
    expect(lines).toBeLessThanOrEqual(2.05);
    expect(await phdRow.locator('button').getAttribute('title')).toBe(ALGORITHM_PHD.posting.title);
    expect(await popup.textContent('[role="tab"], .tabs, body')).not.toContain('Saved jobs (');
    await axeEverywhere(popup);

    // Into a job from the list by keyboard, and back: focus lands on the job's heading.
    await phdRow.locator('button').focus();
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#job-title');
    await waitFor('focus on the job heading', async () => ((await active(popup)).tag === 'h2' ? true : undefined));
    expect(await popup.textContent('[data-testid="eligibility"]')).toMatch(/Not eligible/);
    await axeEverywhere(popup);
    await popup.close();
    await form.close();
  });
});
