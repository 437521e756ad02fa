import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../lib/limit/limit';
import { applyFormOf, fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROME_BUILD, freshProfileDir, snapshotBuild, sleep, waitFor, type Row } from './harness';
import {
  bannerInAccessibilityTree,
  clickBannerClose,
  localDay,
  readBanner,
  rgb,
  serveApplyForm,
  serveJobCopies,
  syntheticJobIds,
  type BannerView,
} from './limit-driver';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Applications and the two-application limit in real Chromium: two campus jobs visited,
 * the first one's application form opened (started, not counted), confirmed as the popup does
 * (1/2, amber, the last-slot banner on a job page), a second application (2/2, red, "limit
 * reached" on the next form, naming both in order, dismissible), then the browser closed and
 * started again on the same profile, and twenty tabs saving at once.
 */

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const byName = (name: string) => fixtureNamed(jobs, name);
// Three jobs of one program (Undergrad/Master Intern · 2026 Start): the limit counts per program.
const FIRST = byName('tiktok-hostile-text');
const SECOND = byName('tiktok-seed-002');
const THIRD = byName('tiktok-seed-003');
// The one saved application form, served under these jobs' ids.
const FORM_JOB = byName('tiktok-seed-000');
const FORM = applyFormOf(fixtures, FORM_JOB);
const TWENTY = syntheticJobIds(20);

describe('chromium: applications and the limit, across a restart', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let browser: PopupChromium;
  const forms = new Map<string, string>();
  const launch = () => launchPopupChromium(server.port, { userDataDir: profile.dir, extensionDir: build.dir });

  const row = (jobId: string, what = 'in the database', check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId} ${what}`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));
  const badgeReads = (text: string) =>
    waitFor(`the badge to read ${text}`, async () => {
      const badge = await browser.badge();
      return badge.text === text ? badge : undefined;
    });
  const bannerOn = (page: Page, headline: string) =>
    waitFor(`the banner "${headline}" on ${page.url()}`, async () => {
      const banner = await readBanner(page);
      return banner?.title === `Job Lens: ${headline}` ? banner : undefined;
    });
  const appliedTitles = (banner: BannerView) => banner.items.map((item) => item.slice(0, item.lastIndexOf(' (')));

  beforeAll(async () => {
    if (!FORM) throw new Error('the application-form fixture for tiktok-seed-000 is missing');
    server = await startFixtureServer(fixtures);
    for (const job of [FIRST, SECOND, THIRD]) forms.set(job.posting.jobId, serveApplyForm(server, FORM, FORM_JOB, job));
    serveJobCopies(server, SECOND, TWENTY);
    // The same extension path and profile for both launches: the path fixes the extension's id,
    // and with it the origin that owns the database.
    build = snapshotBuild(CHROME_BUILD, 'npm run build');
    profile = freshProfileDir('limit');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('keeps two visited campus jobs as seen; their stated limit makes the badge 0/2', async () => {
    for (const job of [FIRST, SECOND]) {
      const tab = await browser.open(job.url.href);
      const saved = await row(job.posting.jobId);
      expect([saved.status, saved.appliedAt, saved.applyStartedAt, saved.title]).toEqual(['seen', null, null, job.posting.title]);
      expect(saved.applicationLimit).toEqual({ max: 2, scope: 'affiliates-global', inOrder: true });
      expect(await readBanner(tab)).toBeNull();
      await tab.close();
    }
    const badge = await badgeReads('0/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.ok));
  });

  it('records opening the first application form as started, and counts nothing yet', async () => {
    const form = await browser.open(forms.get(FIRST.posting.jobId)!);
    const started = await row(FIRST.posting.jobId, 'marked as started', (r) => r.applyStartedAt !== null);
    expect([started.status, started.appliedAt]).toEqual(['seen', null]);
    const { limit } = (await browser.send('limit:get', {})) as { limit: { programs: unknown[] } };
    expect(limit.programs).toEqual([]);
    expect((await browser.badge()).text).toBe('0/2');
    // Two slots left: nothing to warn about on the form.
    expect(await readBanner(form)).toBeNull();
    await form.close();
  });

  it('counts the application once confirmed: 1/2 in the warning colour, dated when the form was opened', async () => {
    const before = await row(FIRST.posting.jobId);
    await browser.send('apply:confirm', { jobId: FIRST.posting.jobId });
    const applied = await row(FIRST.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(applied.appliedAt).toBe(before.applyStartedAt);
    expect(applied.applyStartedAt).toBeNull();
    expect((applied.statusHistory as { status: string }[]).map((c) => c.status)).toEqual(['applied']);
    const badge = await badgeReads('1/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.warning));
  });

  it('shows the last-slot banner on a job page, naming the application made', async () => {
    const tab = await browser.open(SECOND.url.href);
    const banner = await bannerOn(tab, '1 place left: 1 of 2 used');
    expect(banner.shadowRootType).toBe('closed');
    expect(banner.role).toBe('status');
    const applied = await row(FIRST.posting.jobId);
    expect(banner.items).toEqual([`${FIRST.posting.title} (TikTok, ${localDay(String(applied.appliedAt))})`]);
    expect(await bannerInAccessibilityTree(tab)).toEqual({ role: 'status', name: 'Job Lens: 1 place left: 1 of 2 used' });
    // The page's own scripts find the host element but cannot open it.
    expect(await tab.evaluate((tag) => document.querySelector(tag)?.shadowRoot ?? 'no root', 'job-lens-limit-banner')).toBe('no root');
    await tab.close();
  });

  it('counts a second application: 2/2 in the limit colour', async () => {
    const form = await browser.open(forms.get(SECOND.posting.jobId)!);
    // The form itself warns that this is the last slot.
    expect((await bannerOn(form, '1 place left: 1 of 2 used')).items).toHaveLength(1);
    await row(SECOND.posting.jobId, 'marked as started', (r) => r.applyStartedAt !== null);
    expect((await browser.badge()).text).toBe('1/2');
    await browser.send('apply:confirm', { jobId: SECOND.posting.jobId });
    await row(SECOND.posting.jobId, 'applied', (r) => r.status === 'applied');
    const badge = await badgeReads('2/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.limit));
    await form.close();
  });

  it('shows "limit reached" on the next application form, naming both applications in order; the close button removes it', async () => {
    const page = await browser.open(THIRD.url.href);
    await row(THIRD.posting.jobId);
    await page.close();
    const form = await browser.open(forms.get(THIRD.posting.jobId)!);
    const banner = await bannerOn(form, 'Limit reached: 2 of 2');
    expect([banner.shadowRootType, banner.role, banner.className]).toEqual(['closed', 'alert', 'box limit']);
    expect(appliedTitles(banner)).toEqual([FIRST.posting.title, SECOND.posting.title]);
    expect(await bannerInAccessibilityTree(form)).toEqual({ role: 'alert', name: 'Job Lens: Limit reached: 2 of 2' });

    await clickBannerClose(form, banner);
    await waitFor('the banner to go', async () => ((await readBanner(form)) === null ? true : undefined));
    expect(await bannerInAccessibilityTree(form)).toBeNull();
    // Still gone a moment later: nothing on the page brings it back while the count is the same.
    await sleep(1500);
    expect(await readBanner(form)).toBeNull();
    await form.close();
  });

  it('finds the jobs, statuses, applications and the 2/2 badge again after the browser restarts on the same profile', async () => {
    const before = (await browser.readStore('jobs')).sort((a, b) => String(a.jobId).localeCompare(String(b.jobId)));
    expect(before.map((r) => [r.jobId, r.status])).toEqual(
      [
        [FIRST.posting.jobId, 'applied'],
        [SECOND.posting.jobId, 'applied'],
        [THIRD.posting.jobId, 'seen'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    // Scribble on the badge: if it reads 2/2 after the restart, the background worked it out
    // again from the database rather than the browser keeping what was last shown.
    await (
      await browser.serviceWorker()
    ).evaluate(() =>
      (globalThis as unknown as { chrome: { action: { setBadgeText(d: object): Promise<void> } } }).chrome.action.setBadgeText({
        text: '?',
      }),
    );
    expect((await browser.badge()).text).toBe('?');
    const oldExtensionId = browser.extensionId;
    await browser.close();

    browser = await launch();
    expect(browser.extensionId).toBe(oldExtensionId);
    const after = (await browser.readStore('jobs')).sort((a, b) => String(a.jobId).localeCompare(String(b.jobId)));
    expect(after).toEqual(before);
    const badge = await badgeReads('2/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.limit));
    const { limit } = (await browser.send('limit:get', {})) as { limit: { programs: { applications: { jobId: string }[] }[] } };
    expect(limit.programs[0]!.applications.map((a) => a.jobId)).toEqual([FIRST.posting.jobId, SECOND.posting.jobId]);

    // The banner closed at 2 of 2 before the restart stays closed at that count after it.
    const tab = await browser.open(THIRD.url.href);
    const { page } = (await browser.send('limit:get', { jobId: THIRD.posting.jobId })) as {
      page: { dismissed: boolean; count: { used: number } };
    };
    expect([page.count.used, page.dismissed]).toEqual([2, true]);
    await sleep(1500);
    expect(await readBanner(tab)).toBeNull();
    await tab.close();
  });

  it('loses nothing when twenty tabs save at once', async () => {
    const before = await browser.readStore('jobs');
    const urls = TWENTY.map((jobId) => new URL(`/search/${jobId}`, SECOND.url.origin).href);
    const tabs = await Promise.all(urls.map((url) => browser.open(url)));
    const saved = await waitFor(
      'twenty new rows',
      async () => {
        const rows = (await browser.readStore('jobs')).filter((r) => TWENTY.includes(String(r.jobId)));
        return rows.length === TWENTY.length ? rows : undefined;
      },
      60_000,
      250,
    ).catch(async (error: Error) => {
      const have = new Set((await browser.readStore('jobs')).map((r) => r.jobId));
      throw new Error(`${error.message}; missing: ${TWENTY.filter((id) => !have.has(id)).join(', ')}`);
    });
    expect(saved.map((r) => [r.jobId, r.url, r.title, r.status]).sort()).toEqual(
      TWENTY.map((id) => [id, `https://lifeattiktok.com/search/${id}`, SECOND.posting.title, 'seen']).sort(),
    );
    const all = await browser.readStore('jobs');
    expect(all).toHaveLength(before.length + TWENTY.length);
    // The rows that were there are untouched, the applications with them.
    for (const earlier of before) expect(all.find((r) => r.jobId === earlier.jobId)).toEqual(earlier);
    expect((await browser.badge()).text).toBe('2/2');
    await Promise.all(tabs.map((tab) => tab.close()));
  });
});
