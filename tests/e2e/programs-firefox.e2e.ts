import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER_MAX_COLLAPSED_HEIGHT, BANNER_MAX_WIDTH, BANNER_TAG } from '../../lib/banner/banner';
import { BADGE_COLORS } from '../../lib/limit/limit';
import { ADDON_UUID, openAddonPage, setViewport } from './firefox';
import { FIREFOX_BUILD, freshProfileDir, sleep, snapshotBuild, waitFor, type Row } from './harness';
import { installAddonInProfile, launchFirefoxProfile, rgb, serveApplyForm, type FirefoxSession } from './limit-driver';
import {
  closeButtonPoint,
  EXPERIENCED,
  fixtures,
  FIRST,
  FORM,
  FORM_JOB,
  GRADUATE,
  layout,
  layoutsWhileScrolling,
  overlaps,
  SECOND,
  THIRD,
  type Evaluates,
} from './programs-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The limit per program in Firefox (MV2): two Undergrad/Master intern applications, then a third
 * such job is warned on its page, its form and its tab's badge, while a Graduate job and an
 * experienced-hire job are not; the banner's card stays out of the submit button's way and stays
 * closed across a reload at the same count. Firefox's driver cannot look into the closed shadow
 * root, so the banner is known by its host element and its box, and the count by the background.
 */

interface ExtensionApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
}

describe('firefox: the application limit per program', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let firefox: FirefoxSession;
  let extension: Page;
  const forms = new Map<string, string>();

  const row = (jobId: string, check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId}`, async () => (await firefox.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));
  const tabBadge = (page: Page) =>
    extension.evaluate(async (href: string) => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === href);
      if (tab?.id === undefined) throw new Error(`no tab shows ${href}`);
      return {
        text: await api.browserAction.getBadgeText({ tabId: tab.id }),
        color: await api.browserAction.getBadgeBackgroundColor({ tabId: tab.id }),
      };
    }, page.url());
  const tabBadgeReads = (page: Page, text: string) =>
    waitFor(`the badge of ${page.url()} to read "${text}"`, async () => {
      const badge = await tabBadge(page);
      return badge.text === text ? badge : undefined;
    });
  const hasBanner = (page: Page) => page.evaluate((tag: string) => document.querySelector(tag) !== null, BANNER_TAG);
  const bannerShown = (page: Page) => waitFor(`the banner on ${page.url()}`, async () => ((await hasBanner(page)) ? true : undefined));
  const noBannerAfterReply = async (page: Page) => {
    await sleep(1500);
    return hasBanner(page);
  };
  // The reply names the page's count twice (in the state and for the page): WebDriver BiDi hands a
  // repeated object back as a bare reference, so it crosses to the test as JSON.
  const pageLimit = async (jobId: string) => {
    const text = await extension.evaluate(async (id: string) => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      return JSON.stringify(await api.runtime.sendMessage({ name: 'limit:get', data: { jobId: id } }));
    }, jobId);
    const reply = JSON.parse(text) as {
      ok: boolean;
      value: { page: { count: { used: number; limit: number; state: string } | null; dismissed: boolean } };
    };
    if (!reply.ok) throw new Error(text);
    return reply.value.page;
  };
  const evaluates = (page: Page) => page as unknown as Evaluates;

  beforeAll(async () => {
    if (!FORM) throw new Error('the application-form fixture is missing');
    server = await startFixtureServer(fixtures);
    for (const job of [THIRD, GRADUATE, EXPERIENCED]) forms.set(job.posting.jobId, serveApplyForm(server, FORM, FORM_JOB, job));
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('programs-firefox');
    installAddonInProfile(profile.dir, build.dir);
    firefox = await launchFirefoxProfile(server.port, profile.dir);
    extension = await openAddonPage(firefox.browser, `moz-extension://${ADDON_UUID}/popup.html`, 15_000);
  });
  afterAll(async () => {
    await firefox?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('counts two applications in the Undergrad/Master Intern program', async () => {
    for (const job of [FIRST, SECOND, THIRD, GRADUATE, EXPERIENCED]) {
      const tab = await firefox.open(job.url.href);
      await row(job.posting.jobId);
      await tab.close();
    }
    for (const job of [FIRST, SECOND])
      await firefox.send('job:setStatus', { jobId: job.posting.jobId, status: 'applied', appliedAt: new Date().toISOString() });
    const { limit } = (await firefox.send('limit:get', {})) as { limit: { programs: { program: { label: string }; used: number }[] } };
    expect(limit.programs.map((p) => [p.program.label, p.used])).toEqual([['Undergrad/Master Intern · 2026 Start', 2]]);
    await waitFor('the overall badge to read 2/2', async () => ((await firefox.badge()).text === '2/2' ? true : undefined));
  });

  it('warns on the third such job’s page (a small corner card) and its badge reads 2/2 in red', async () => {
    const page = await firefox.open(THIRD.url.href);
    await bannerShown(page);
    expect(await pageLimit(THIRD.posting.jobId)).toMatchObject({ count: { used: 2, limit: 2, state: 'reached' }, dismissed: false });
    const badge = await tabBadgeReads(page, '2/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.limit));
    const { banner, placement } = await layout(evaluates(page));
    expect(placement).toBe('');
    expect(banner!.width).toBeLessThanOrEqual(BANNER_MAX_WIDTH);
    expect(banner!.height).toBeLessThanOrEqual(BANNER_MAX_COLLAPSED_HEIGHT);
    // The site's scripts see an empty element.
    expect(
      await page.evaluate((tag: string) => {
        const h = document.querySelector(tag)!;
        return [h.shadowRoot, h.textContent];
      }, BANNER_TAG),
    ).toEqual([null, '']);
    await page.close();
  });

  it('warns on its form without covering the submit button, at any scroll position and in a narrow window', async () => {
    const form = await firefox.open(forms.get(THIRD.posting.jobId)!);
    await bannerShown(form);
    await tabBadgeReads(form, '2/2');
    for (const size of [
      { width: 1100, height: 800 },
      { width: 390, height: 420 },
    ]) {
      await setViewport(form, size);
      for (const at of await layoutsWhileScrolling(evaluates(form))) {
        expect(at.placement).toBe('in-flow');
        expect(at.submit).not.toBeNull();
        expect(overlaps(at.banner!, at.submit!)).toBe(false);
        expect(at.banner!.width).toBeLessThanOrEqual(Math.min(BANNER_MAX_WIDTH, size.width));
        expect(at.banner!.height).toBeLessThanOrEqual(BANNER_MAX_COLLAPSED_HEIGHT);
      }
    }
    await form.close();
  });

  it('does not warn on a Graduate job or an experienced-hire job, nor on their forms', async () => {
    for (const [job, badge] of [
      [GRADUATE, '0/2'],
      [EXPERIENCED, ''],
    ] as const) {
      const page = await firefox.open(job.url.href);
      await tabBadgeReads(page, badge);
      expect(await noBannerAfterReply(page)).toBe(false);
      await page.close();
      const form = await firefox.open(forms.get(job.posting.jobId)!);
      await row(job.posting.jobId, (r) => r.applyStartedAt !== null);
      await tabBadgeReads(form, badge);
      expect(await noBannerAfterReply(form)).toBe(false);
      await form.close();
    }
    expect((await pageLimit(EXPERIENCED.posting.jobId)).count).toBeNull();
  });

  it('a tab that leaves a careers job for another page shows the overall badge again (the browser drops the tab’s own)', async () => {
    const page = await firefox.open(EXPERIENCED.url.href);
    await tabBadgeReads(page, '');
    const tabId = await extension.evaluate(async (href: string) => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      return (await api.tabs.query({})).find((t) => t.url === href)?.id ?? null;
    }, page.url());
    expect(tabId).not.toBeNull();
    // Another site's address is not visible to the extension: the tab is followed by its id.
    await page.goto('about:blank');
    const badge = await waitFor('the tab’s badge to read the overall 2/2', async () => {
      const text = await extension.evaluate(
        (id: number) => (globalThis as unknown as { browser: ExtensionApi }).browser.browserAction.getBadgeText({ tabId: id }),
        tabId!,
      );
      return text === '2/2' ? text : undefined;
    });
    expect(badge).toBe('2/2');
    await page.close();
  });

  it('keeps the banner closed across a reload at the same count, and shows it again at a new count', async () => {
    const page = await firefox.open(THIRD.url.href);
    await bannerShown(page);
    const { banner } = await layout(evaluates(page));
    const point = closeButtonPoint(banner!);
    await page.mouse.click(point.x, point.y);
    await waitFor('the banner to go', async () => ((await hasBanner(page)) ? undefined : true));
    await waitFor('the dismissal to be kept', async () => ((await pageLimit(THIRD.posting.jobId)).dismissed ? true : undefined));
    await page.reload({ waitUntil: 'load' });
    await tabBadgeReads(page, '2/2');
    expect(await noBannerAfterReply(page)).toBe(false);

    await firefox.send('job:setStatus', { jobId: SECOND.posting.jobId, status: 'saved' });
    await page.reload({ waitUntil: 'load' });
    await bannerShown(page);
    await tabBadgeReads(page, '1/2');
    expect(await pageLimit(THIRD.posting.jobId)).toMatchObject({ count: { used: 1, state: 'last-one' }, dismissed: false });
    await page.close();
  });
});
