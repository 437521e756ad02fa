import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobFixtures, loadFixtures } from './fixtures';
import { FIREFOX_BUILD, FIREFOX_PATH, monthsFromNow, readStoreInExtension, requireBrowser, requireBuild, waitFor } from './harness';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The popup walked with the keyboard alone in Firefox: the arrow keys on the status menu record
 * nothing, "Set status" and Undo do, focus stays where the user acted, notes typed just before
 * the popup closes are kept, and a dead job says it is no longer open.
 */

const POPUP = `moz-extension://${ADDON_UUID}/popup.html`;
const fixtures = loadFixtures();
const BIG_DATA = jobFixtures(fixtures).find((f) => f.name === 'tiktok-seed-003');
const DEAD = fixtures.find((f) => f.name === 'tiktok-dead-job');

const open = (browser: Browser, url: string) => openAddonPage(browser, url, 15_000, { width: 400, height: 700 });

async function firstRender(page: Page): Promise<void> {
  await waitFor('the popup to render', async () =>
    (await page.evaluate(() => document.documentElement.dataset.firstRender).catch(() => undefined)) === 'done' ? true : undefined,
  );
}

const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label = el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
    return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '', label };
  });

async function tabTo(page: Page, what: string, test: (a: Awaited<ReturnType<typeof active>>) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (test(await active(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await active(page))}`);
}

describe('firefox: the popup by keyboard', () => {
  let server: FixtureServer;
  let browser: Browser;
  let reader: Page;
  const row = async (jobId: string) =>
    waitFor(`job ${jobId} in the database`, async () =>
      (await reader.evaluate(readStoreInExtension, 'jobs')).find((r) => r.jobId === jobId),
    );

  /** The popup for the tab showing `url`, as the toolbar button would open it. */
  async function popupFor(url: string): Promise<Page> {
    const tabId = await reader.evaluate(async (href: string) => {
      const api = (globalThis as unknown as { browser: { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } } })
        .browser;
      return (await api.tabs.query({})).find((t) => t.url === href)?.id ?? null;
    }, url);
    if (tabId === null) throw new Error(`no tab shows ${url}`);
    const popup = await open(browser, `${POPUP}?tab=${tabId}`);
    await firstRender(popup);
    return popup;
  }

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
    server = await startFixtureServer(fixtures);
    browser = await startFirefox({ serverPort: server.port });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(ADDON_ID);
    reader = await open(browser, POPUP);
    const reply = await reader.evaluate(
      (message) =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean }> } } }
        ).browser.runtime.sendMessage(message),
      {
        name: 'profile:save',
        data: {
          profile: {
            education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: monthsFromNow(12) }],
            skills: ['Java', 'Kafka', 'Spark'],
            locations: ['Singapore'],
          },
        },
      },
    );
    expect(reply.ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records no status by arrow keys; "Set status" and Undo do, and focus stays put', async () => {
    if (!BIG_DATA) throw new Error('fixture tiktok-seed-003 is missing');
    const tab = await browser.newPage();
    await tab.goto(BIG_DATA.url.href, { waitUntil: 'load' });
    const jobId = BIG_DATA.posting.jobId;
    await row(jobId);
    const popup = await popupFor(BIG_DATA.url.href);
    await popup.waitForSelector('#job-title');

    await tabTo(popup, 'the status menu', (a) => a.tag === 'select' && a.label === 'Status');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    // Firefox changes a focused select's value on arrow keys: the popup must record nothing.
    expect(await popup.$eval('select[id$="-status"]', (s) => (s as HTMLSelectElement).value)).toBe('applied');
    await new Promise((r) => setTimeout(r, 500));
    expect((await row(jobId)).status).toBe('seen');
    expect(await active(popup)).toMatchObject({ tag: 'select' });

    await popup.keyboard.press('Tab');
    expect(await active(popup)).toMatchObject({ tag: 'button', text: 'Set status' });
    await popup.keyboard.press('Enter');
    await waitFor('the application to be recorded', async () => ((await row(jobId)).status === 'applied' ? true : undefined));
    await waitFor('the confirmation', async () =>
      (await popup.$eval('[data-testid="action-message"]', (p) => p.textContent ?? '')).includes('counts against the limit')
        ? true
        : undefined,
    );
    expect(await active(popup)).toMatchObject({ tag: 'button', text: 'Set status' });

    await tabTo(popup, 'Undo', (a) => a.tag === 'button' && a.text === 'Undo');
    await popup.keyboard.press('Enter');
    await waitFor('the application to be undone', async () => ((await row(jobId)).status === 'seen' ? true : undefined));
    expect((await row(jobId)).appliedAt).toBeNull();
    await waitFor('the focus on the status menu', async () => ((await active(popup)).label === 'Status' ? true : undefined));

    // Notes typed, then the popup closed at once: the text is there when it opens again.
    await tabTo(popup, 'the notes', (a) => a.tag === 'textarea');
    await popup.keyboard.type('Ask about the Kafka team');
    await popup.close();
    const again = await popupFor(BIG_DATA.url.href);
    await waitFor('the notes in the database', async () => ((await row(jobId)).notes === 'Ask about the Kafka team' ? true : undefined));
    expect(await again.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('Ask about the Kafka team');
    await again.close();
  });

  it('says a dead job is no longer open', async () => {
    if (!DEAD) throw new Error('fixture tiktok-dead-job is missing');
    const tab = await browser.newPage();
    await tab.goto(DEAD.url.href, { waitUntil: 'load' });
    const popup = await popupFor(DEAD.url.href);
    const text = await waitFor('the no-longer-open state', async () =>
      popup.$eval('[data-testid="job-gone"]', (el) => el.textContent ?? '').catch(() => undefined),
    );
    expect(text).toContain('This job is no longer open.');
    await popup.close();
  });
});
