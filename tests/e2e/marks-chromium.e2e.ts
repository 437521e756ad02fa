import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROME_BUILD, snapshotBuild, sleep, waitFor } from './harness';
import { serveJobCopies } from './limit-driver';
import {
  accessibleNodes,
  clickInLine,
  contrast,
  layout,
  markColors,
  readLine,
  readMarks,
  RESULTS,
  resultId,
  type MarkSeen,
} from './marks-driver';
import { launchPopupChromium, runAxe, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';
import { programOfJob } from '../../lib/store/limit';
import type { JobRecord } from '../../lib/store/schema';

/**
 * Marks on the careers site in real Chromium: three jobs of the search results opened (so Job Lens
 * knows them), then the results page, which its own script renders again at start-up, on filters
 * and on pages. Only those three carry a mark, the mark follows a status change made as the popup
 * makes it, survives re-renders and pages, leaves the site's controls where they were and
 * clickable, and goes when the setting is off. Then the line on a job page.
 */

const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');
// Two on the first page of twelve, one on the second; all three are internships in the fixture.
const SEEN = [resultId(1), resultId(2), resultId(15)];
const FIRST_PAGE_SEEN = SEEN.slice(0, 2);
const RESULTS_URL = RESULTS.url.href;
const BYTEDANCE_RESULTS = 'https://joinbytedance.com/search?keyword=intern&limit=12&offset=0';

const markedIds = (marks: MarkSeen[]) => marks.map((m) => m.jobId).sort();

describe('chromium: marks on the careers site', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let browser: PopupChromium;
  let list: Page;
  let jobUrls: string[];
  /** The program the seen jobs count against, as the limit names it from the saved posting. */
  let program: string;

  const marksAre = (page: Page, ids: string[], check: (m: MarkSeen[]) => boolean = () => true) =>
    waitFor(`marks on ${ids.join(', ') || 'nothing'}`, async () => {
      const marks = await readMarks(page);
      return JSON.stringify(markedIds(marks)) === JSON.stringify([...ids].sort()) && check(marks) ? marks : undefined;
    });
  const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    server = await startFixtureServer(fixtures);
    server.addPage(BYTEDANCE_RESULTS, RESULTS.html);
    jobUrls = serveJobCopies(server, JOB, SEEN);
    build = snapshotBuild(CHROME_BUILD, 'npm run build');
    browser = await launchPopupChromium(server.port, { extensionDir: build.dir, viewport: { width: 1100, height: 2400 } });
    for (const [i, url] of jobUrls.entries()) {
      const tab = await browser.open(url);
      await waitFor(`job ${SEEN[i]} saved`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === SEEN[i]));
      await tab.close();
    }
    const row = (await browser.readStore('jobs')).find((r) => r.jobId === SEEN[0]) as unknown as JobRecord;
    program = programOfJob(row)!.label;
  });
  afterAll(async () => {
    await browser?.close();
    build?.remove();
    await server?.close();
  });

  it('marks the seen jobs of the list only, in closed shadow roots, after the page has rendered its list again', async () => {
    list = await browser.open(RESULTS_URL);
    const marks = await marksAre(list, FIRST_PAGE_SEEN);
    expect(
      await list.evaluate(() => (window as unknown as { __jobList: { state: { renders: number } } }).__jobList.state.renders),
    ).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.shadowRootType).toBe('closed');
      expect(mark.text).toMatch(/^Viewed/);
      expect(mark.label).toMatch(/^Job Lens: Viewed/);
    }
    // The page's scripts find the host but cannot open it.
    expect(await list.evaluate(() => document.querySelector('job-lens-mark')?.shadowRoot ?? 'no root')).toBe('no root');
  });

  it('gives each mark its text in the accessibility tree, and the page passes axe-core', async () => {
    const names = await accessibleNodes(list);
    const labels = (await readMarks(list)).map((m) => m.label);
    for (const label of labels) expect(names.some((n) => n.name === label)).toBe(true);
    // The card link's own name carries it too, so a screen reader hears it with the title.
    expect(names.some((n) => n.role === 'link' && n.name.includes(labels[0]!))).toBe(true);
    expect(await runAxe(list)).toEqual([]);
  });

  it('draws light on the light page and dark with the dark preference, readable in both', async () => {
    const light = await markColors(list);
    expect(contrast(light.color, light.background)).toBeGreaterThanOrEqual(4.5);
    await list.emulateMedia({ colorScheme: 'dark' });
    const dark = await markColors(list);
    await list.emulateMedia({ colorScheme: 'light' });
    expect(dark).not.toEqual(light);
    expect(contrast(dark.color, dark.background)).toBeGreaterThanOrEqual(4.5);
    // Dark means a dark background: lower luminance than the light one's.
    expect(contrast(dark.background, 'rgb(0, 0, 0)')).toBeLessThan(contrast(light.background, 'rgb(0, 0, 0)'));
  });

  it("leaves the site's buttons where they were and every card clickable; a card grows by at most the mark's line", async () => {
    const withMarks = await layout(list);
    await browser.send('marks:setPrefs', { enabled: false });
    await marksAre(list, []);
    const without = await layout(list);
    expect(withMarks.cards.map((c) => c.jobId)).toEqual(without.cards.map((c) => c.jobId));
    for (const [i, card] of withMarks.cards.entries()) {
      const bare = without.cards[i]!;
      expect(card.hit, `card ${card.jobId} clickable`).toBe(true);
      expect([card.x, card.w]).toEqual([bare.x, bare.w]);
      expect(card.h - bare.h).toBeGreaterThanOrEqual(0);
      expect(card.h - bare.h, `card ${card.jobId} grows by one line at most`).toBeLessThanOrEqual(
        FIRST_PAGE_SEEN.includes(card.jobId) ? 26 : 0,
      );
    }
    const above = (b: { y: number }) => b.y < without.cards[0]!.y;
    expect(withMarks.buttons.filter(above)).toEqual(without.buttons.filter(above));
    for (const b of withMarks.buttons) expect(b.hit, `${b.text} clickable`).toBe(true);
    await browser.send('marks:setPrefs', { enabled: true });
    await marksAre(list, FIRST_PAGE_SEEN);
  });

  it('shows a status change made as the popup makes it, with the application day', async () => {
    await browser.send('job:setStatus', { jobId: SEEN[0], status: 'applied', appliedAt: '2026-06-02T12:00:00.000Z' });
    const marks = await marksAre(list, FIRST_PAGE_SEEN, (m) => m.some((x) => x.jobId === SEEN[0] && x.text.startsWith('Applied on')));
    const applied = marks.find((m) => m.jobId === SEEN[0])!;
    const day = new Date('2026-06-02T12:00:00.000Z');
    expect(applied.label).toContain(`Applied on ${day.getDate()} Jun`);
    // One of two places used: the other seen campus jobs say one place is left.
    expect(marks.find((m) => m.jobId === SEEN[1])!.label).toContain(`1 place left in ${program}`);
  });

  it('follows the list through pages, filters and re-renders', async () => {
    await click(list, 'Next');
    await marksAre(list, [SEEN[2]!]);
    await click(list, 'Previous');
    await marksAre(list, FIRST_PAGE_SEEN);
    await click(list, 'Graduates');
    await marksAre(list, []);
    // Internships only: the second page's seen internship moves up to the first.
    await click(list, 'Internships');
    await marksAre(list, SEEN);
    await list.evaluate(() => (window as unknown as { __jobList: { render(): void } }).__jobList.render());
    await marksAre(list, SEEN);
    // Still: no mark is lost or doubled a moment later.
    await sleep(800);
    expect(markedIds(await readMarks(list))).toEqual([...SEEN].sort());
    await click(list, 'All jobs');
    await marksAre(list, FIRST_PAGE_SEEN);
  });

  it("marks the same jobs on the ByteDance board's results", async () => {
    const page = await browser.open(BYTEDANCE_RESULTS);
    await marksAre(page, FIRST_PAGE_SEEN);
    await page.close();
  });

  it('removes every mark when turned off, and a newly loaded page draws none', async () => {
    await browser.send('marks:setPrefs', { enabled: false });
    await marksAre(list, []);
    const fresh = await browser.open(RESULTS_URL);
    await sleep(1500);
    expect(await readMarks(fresh)).toEqual([]);
    await fresh.close();
    await browser.send('marks:setPrefs', { enabled: true });
    await marksAre(list, FIRST_PAGE_SEEN);
    await list.close();
  });

  it('puts one line under a job page title that expands in place, and dismisses it for the site', async () => {
    const page = await browser.open(jobUrls[1]!);
    const line = await waitFor('the job page line', async () => (await readLine(page)) ?? undefined);
    expect(line.shadowRootType).toBe('closed');
    expect(line.after).toBe(JOB.posting.title);
    expect(line.button).toContain(`1 place left in ${program}`);
    expect(line.button).toMatch(/Viewed$/);
    expect([line.expanded, line.detailsHidden]).toEqual(['false', true]);
    const names = await accessibleNodes(page);
    expect(names.some((n) => n.role === 'button' && n.name === `Job Lens: ${line.button}`)).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    await clickInLine(page, 'b');
    const open = await readLine(page);
    expect([open?.expanded, open?.detailsHidden]).toEqual(['true', false]);
    expect(open?.details).toContain(`${program}: 1 of 2 applications used, 1 left`);

    await clickInLine(page, 'x');
    await waitFor('the line to go', async () => ((await readLine(page)) === null ? true : undefined));
    await page.reload();
    await sleep(2500);
    expect(await readLine(page)).toBeNull();
    await page.close();
  });
});
