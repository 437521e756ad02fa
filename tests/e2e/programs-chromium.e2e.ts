import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER_MAX_COLLAPSED_HEIGHT, BANNER_MAX_WIDTH } from '../../lib/banner/banner';
import { BADGE_COLORS } from '../../lib/limit/limit';
import { CHROME_BUILD, freshProfileDir, sleep, snapshotBuild, waitFor, type Row } from './harness';
import { readBanner, rgb, serveApplyForm } from './limit-driver';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
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

/** The few Chrome APIs called inside the service worker (the project has no @types/chrome). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
};

/**
 * The limit per program in real Chromium: two applications in the Undergrad/Master Intern
 * program (2026 Start), then a third such job is warned on its page, on its form and on the
 * badge, while a Graduate job and an experienced-hire job are not. The banner is a small card
 * that stays closed across reloads at the same count, comes back at a new count, and on the form
 * takes its own place in the page so it never covers the submit button.
 */

describe('chromium: the application limit per program', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let browser: PopupChromium;
  const forms = new Map<string, string>();

  const row = (jobId: string, check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId}`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));

  /** The badge Chromium shows while this page's tab is the active one. */
  const tabBadge = async (page: Page) => {
    const worker = await browser.serviceWorker();
    return worker.evaluate(async (href: string) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === href);
      if (tab?.id === undefined) throw new Error(`no tab shows ${href}`);
      return {
        text: await chrome.action.getBadgeText({ tabId: tab.id }),
        color: await chrome.action.getBadgeBackgroundColor({ tabId: tab.id }),
      };
    }, page.url());
  };
  const tabBadgeReads = (page: Page, text: string) =>
    waitFor(`the badge of ${page.url()} to read "${text}"`, async () => {
      const badge = await tabBadge(page);
      return badge.text === text ? badge : undefined;
    });
  const bannerTitled = (page: Page, title: string) =>
    waitFor(`the banner "${title}" on ${page.url()}`, async () => {
      const banner = await readBanner(page);
      return banner?.title === title ? banner : undefined;
    });
  /** The content script answers within a second of the page's reply; a banner after that would be late, not absent. */
  const noBannerAfterReply = async (page: Page) => {
    await sleep(1500);
    return readBanner(page);
  };
  const evaluates = (page: Page) => page as unknown as Evaluates;

  beforeAll(async () => {
    if (!FORM) throw new Error('the application-form fixture is missing');
    server = await startFixtureServer(fixtures);
    for (const job of [THIRD, GRADUATE, EXPERIENCED]) forms.set(job.posting.jobId, serveApplyForm(server, FORM, FORM_JOB, job));
    build = snapshotBuild(CHROME_BUILD, 'npm run build');
    profile = freshProfileDir('programs');
    browser = await launchPopupChromium(server.port, { userDataDir: profile.dir, extensionDir: build.dir });
  });
  afterAll(async () => {
    await browser?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('reads every job and counts two applications in the Undergrad/Master Intern program', async () => {
    for (const job of [FIRST, SECOND, THIRD, GRADUATE, EXPERIENCED]) {
      const tab = await browser.open(job.url.href);
      await row(job.posting.jobId);
      await tab.close();
    }
    for (const job of [FIRST, SECOND])
      await browser.send('job:setStatus', { jobId: job.posting.jobId, status: 'applied', appliedAt: new Date().toISOString() });
    const { limit } = (await browser.send('limit:get', {})) as {
      limit: { programs: { program: { key: string; label: string }; used: number; state: string; applications: { jobId: string }[] }[] };
    };
    expect(limit.programs.map((p) => [p.program.label, p.used, p.state])).toEqual([['Undergrad/Master Intern · 2026 Start', 2, 'reached']]);
    expect(limit.programs[0]!.applications.map((a) => a.jobId)).toEqual([FIRST.posting.jobId, SECOND.posting.jobId]);
    // Away from a job, the badge shows the fullest program.
    const overall = await waitFor('the overall badge to read 2/2', async () => {
      const b = await browser.badge();
      return b.text === '2/2' ? b : undefined;
    });
    expect(overall.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.limit));
  });

  it('warns on the third such job’s page: "limit reached", the count, the program, the applications in order; the badge 2/2 in red', async () => {
    const page = await browser.open(THIRD.url.href);
    const banner = await bannerTitled(page, 'Job Lens: Limit reached: 2 of 2');
    expect([banner.shadowRootType, banner.role, banner.className]).toEqual(['closed', 'alert', 'box limit']);
    expect(banner.items.map((item) => item.slice(0, item.lastIndexOf(' (')))).toEqual([FIRST.posting.title, SECOND.posting.title]);
    const badge = await tabBadgeReads(page, '2/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.limit));

    // A corner card, small while collapsed.
    const { banner: box, placement, viewport } = await layout(evaluates(page));
    expect(placement).toBe('');
    expect(box!.width).toBeLessThanOrEqual(BANNER_MAX_WIDTH);
    expect(box!.height).toBeLessThanOrEqual(BANNER_MAX_COLLAPSED_HEIGHT);
    expect([Math.round(viewport.width - box!.right), Math.round(viewport.height - box!.bottom)]).toEqual([16, 16]);
    await page.close();
  });

  it('warns on its application form that this application would not be considered, without ever covering the submit button', async () => {
    const form = await browser.open(forms.get(THIRD.posting.jobId)!);
    await bannerTitled(form, 'Job Lens: Limit reached: 2 of 2');
    const text = await form.evaluate(() => document.body.innerText);
    // The page's own scripts cannot read it: the warning is in the closed shadow root.
    expect(text).not.toContain('would not be considered');
    const cdp = await form.context().newCDPSession(form);
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: unknown };
    await cdp.detach();
    expect(JSON.stringify(root)).toContain('This application would not be considered.');
    await tabBadgeReads(form, '2/2');

    for (const size of [
      { width: 1100, height: 800 },
      { width: 390, height: 700 },
      { width: 390, height: 420 },
    ]) {
      await form.setViewportSize(size);
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

  it('does not warn on a Graduate job or an experienced-hire job, nor on their forms; their badges say so', async () => {
    const graduate = await browser.open(GRADUATE.url.href);
    expect((await tabBadgeReads(graduate, '0/2')).color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.ok));
    expect(await noBannerAfterReply(graduate)).toBeNull();
    await graduate.close();

    const graduateForm = await browser.open(forms.get(GRADUATE.posting.jobId)!);
    await row(GRADUATE.posting.jobId, (r) => r.applyStartedAt !== null);
    await tabBadgeReads(graduateForm, '0/2');
    expect(await noBannerAfterReply(graduateForm)).toBeNull();
    await graduateForm.close();

    const experienced = await browser.open(EXPERIENCED.url.href);
    await tabBadgeReads(experienced, '');
    expect(await noBannerAfterReply(experienced)).toBeNull();
    await experienced.close();

    const experiencedForm = await browser.open(forms.get(EXPERIENCED.posting.jobId)!);
    await row(EXPERIENCED.posting.jobId, (r) => r.applyStartedAt !== null);
    await tabBadgeReads(experiencedForm, '');
    expect(await noBannerAfterReply(experiencedForm)).toBeNull();
    await experiencedForm.close();
  });

  it('a tab that leaves a careers job for another page shows the overall badge again (the browser drops the tab’s own)', async () => {
    const page = await browser.open(EXPERIENCED.url.href);
    await tabBadgeReads(page, '');
    const worker = await browser.serviceWorker();
    const tabId = await worker.evaluate(
      async (href: string) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id ?? null,
      page.url(),
    );
    expect(tabId).not.toBeNull();
    // Another site's address is not visible to the extension: the tab is followed by its id.
    await page.goto('about:blank');
    const badge = await waitFor('the tab’s badge to read the overall 2/2', async () => {
      const text = await worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId!);
      return text === '2/2' ? text : undefined;
    });
    expect(badge).toBe('2/2');
    await page.close();
  });

  it('an application to the experienced-hire job counts against nothing', async () => {
    await browser.send('job:setStatus', { jobId: EXPERIENCED.posting.jobId, status: 'applied', appliedAt: new Date().toISOString() });
    const { limit } = (await browser.send('limit:get', {})) as { limit: { programs: { used: number }[]; uncounted: number } };
    expect([limit.programs.map((p) => p.used), limit.uncounted]).toEqual([[2], 1]);
    const graduate = await browser.open(GRADUATE.url.href);
    await tabBadgeReads(graduate, '0/2');
    await graduate.close();
  });

  it('keeps the banner closed across reloads at the same count, and shows it again at a new count', async () => {
    const page = await browser.open(THIRD.url.href);
    await bannerTitled(page, 'Job Lens: Limit reached: 2 of 2');
    const { banner } = await layout(evaluates(page));
    const point = closeButtonPoint(banner!);
    await page.mouse.click(point.x, point.y);
    await waitFor('the banner to go', async () => ((await readBanner(page)) === null ? true : undefined));
    await waitFor('the dismissal to be kept', async () =>
      (await browser.readStore('settings')).some((r) => r.key === 'bannerDismissed') ? true : undefined,
    );
    await page.reload({ waitUntil: 'load' });
    await tabBadgeReads(page, '2/2');
    expect(await noBannerAfterReply(page)).toBeNull();

    // Moving the second job back to saved undoes its application: one place left, a new count.
    await browser.send('job:setStatus', { jobId: SECOND.posting.jobId, status: 'saved' });
    await page.reload({ waitUntil: 'load' });
    const again = await bannerTitled(page, 'Job Lens: 1 place left: 1 of 2 used');
    expect(again.role).toBe('status');
    await tabBadgeReads(page, '1/2');
    await page.close();
  });

  it('moves a job to another program when the user corrects it, and back', async () => {
    const grad = { key: 'graduate:2026-start', label: 'Graduate · 2026 Start' };
    await browser.send('job:setProgram', { jobId: FIRST.posting.jobId, program: grad });
    const page = await browser.open(GRADUATE.url.href);
    await tabBadgeReads(page, '1/2');
    await browser.send('job:setProgram', { jobId: FIRST.posting.jobId, program: null });
    await page.reload({ waitUntil: 'load' });
    await tabBadgeReads(page, '0/2');
    await page.close();
  });
});
