import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobFixtures, loadFixtures } from './fixtures';
import { FIREFOX_BUILD, FIREFOX_PATH, monthsFromNow, readStoreInExtension, requireBrowser, requireBuild, waitFor } from './harness';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The popup in Firefox: a job page is captured, the popup lists it, and the popup for
 * that tab shows the job with its requirement lines, first without a profile, then highlighted
 * once one is saved. Launch settings as in firefox.ts (proxy to the fixture server, pinned UUID).
 */

const POPUP = `moz-extension://${ADDON_UUID}/popup.html`;

const fixtures = loadFixtures();
const BIG_DATA = jobFixtures(fixtures).find((f) => f.name === 'tiktok-seed-003');

const openExtensionPage = (browser: Browser, url: string) => openAddonPage(browser, url, 15_000, { width: 420, height: 700 });

async function firstRender(page: Page): Promise<void> {
  await waitFor('the popup to render', async () =>
    (await page.evaluate(() => document.documentElement.dataset.firstRender).catch(() => undefined)) === 'done' ? true : undefined,
  );
}

describe('firefox: the popup', () => {
  let server: FixtureServer;
  let browser: Browser;
  let extension: Page;

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
    server = await startFixtureServer(fixtures);
    browser = await startFirefox({ serverPort: server.port });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(ADDON_ID);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('captures a job page, and the popup lists it', async () => {
    if (!BIG_DATA) throw new Error('fixture tiktok-seed-003 is missing');
    const tab = await browser.newPage();
    await tab.goto(BIG_DATA.url.href, { waitUntil: 'load' });
    extension = await openExtensionPage(browser, POPUP);
    await waitFor('the job in the database', async () =>
      (await extension.evaluate(readStoreInExtension, 'jobs')).find((r) => r.jobId === BIG_DATA.posting.jobId),
    );
    // Opened before the job arrived: the live query brings it in without a reload.
    await firstRender(extension);
    const rows = await waitFor('the job in the popup list', async () => {
      const texts = await extension.$$eval('[role="listitem"]', (items) => items.map((li) => li.textContent ?? ''));
      return texts.length > 0 ? texts : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(BIG_DATA.posting.title);
  });

  it('shows the current-job view for that tab, asking for a profile, then highlighted once one is saved', async () => {
    if (!BIG_DATA) throw new Error('fixture tiktok-seed-003 is missing');
    const tabId = await extension.evaluate(async (href: string) => {
      const api = (globalThis as unknown as { browser: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } })
        .browser;
      return (await api.tabs.query({})).find((t) => t.url === href)?.id ?? null;
    }, BIG_DATA.url.href);
    expect(tabId).not.toBeNull();

    const popup = await openExtensionPage(browser, `${POPUP}?tab=${tabId}`);
    await firstRender(popup);
    expect(await popup.$eval('#job-title', (h) => h.textContent)).toBe(BIG_DATA.posting.title);
    expect(await popup.$eval('[data-testid="profile-callout"]', (el) => el.textContent)).toContain('Set up your profile');
    const plain = await popup.$$eval('.quals.plain .qual-text', (lines) => lines.map((l) => l.textContent));
    expect(plain.slice(0, 4)).toEqual(BIG_DATA.expected.posting!.minimumQualifications);

    const reply = await popup.evaluate(
      (message) =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } } }
        ).browser.runtime.sendMessage(message),
      {
        name: 'profile:save',
        data: {
          profile: {
            education: [{ level: 'Bachelor', field: 'Computer Engineering', status: 'pursuing', graduation: monthsFromNow(18) }],
            skills: ['Java', 'Kafka', 'Redis'],
            locations: ['Singapore'],
          },
        },
      },
    );
    expect(reply.ok).toBe(true);
    const verdicts = await waitFor('the lines to be highlighted', async () => {
      const found = await popup.$$eval('[data-testid="qualification"]', (lines) =>
        lines.map((li) => [li.querySelector('.qual-text')?.textContent ?? '', li.getAttribute('data-verdict')] as const),
      );
      return found.length > 0 ? found : undefined;
    });
    const verdictOf = (start: string) => verdicts.find(([text]) => text.includes(start))?.[1];
    expect(verdictOf('open source frameworks in the field of big data')).toBe('met');
    expect(verdictOf('Strong coding and trouble shooting')).toBe('unknown');
    expect(await popup.$eval('[data-testid="score"]', (el) => el.textContent)).toMatch(/Match \d+\/100/);
  });
});
