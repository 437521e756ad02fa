import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { FIREFOX_BUILD, FIREFOX_PATH, freshProfileDir, requireBrowser, snapshotBuild, waitFor } from './harness';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import { installAddonInProfile } from './limit-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * A private window in an ordinary Firefox session, with the add-on allowed to run there (as a
 * user's "Run in Private Windows" leaves it): a job page viewed there is read but not recorded
 * until the user turns on "Record job pages I view in private windows", and the popup in that
 * window says so instead of waiting for a posting the background refused.
 *
 * The driver cannot open a private window itself (BiDi has no such command); the add-on's own
 * page does, with `windows.create({ incognito: true })`, which Firefox grants only to an add-on
 * allowed in private windows. The tabs of that window are the driver's pages like any other.
 */

const BASE = `moz-extension://${ADDON_UUID}/`;
const POPUP = `${BASE}popup.html`;
const OPTIONS = `${BASE}options.html`;
const RECORD_PRIVATE = '::-p-text(Record job pages I view in private windows) input[type="checkbox"]';
const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');

type Reply = { ok: boolean; value?: unknown; error?: string };
type BrowserApi = {
  windows: { create(o: object): Promise<{ id?: number; incognito: boolean; tabs?: { id?: number }[] }> };
  tabs: {
    create(o: object): Promise<{ id?: number }>;
    reload(id: number): Promise<void>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(m: unknown): Promise<Reply> };
  extension: { inIncognitoContext: boolean };
};

describe('firefox, a private window: a job viewed there is not recorded unless allowed, and the popup says so', () => {
  let server: FixtureServer;
  let browser: Browser;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  /** An extension page in an ordinary window: it opens the private window and asks the background. */
  let control: Page;
  let privateWindow: { windowId: number; tabId: number };
  let popup: Page;

  const storedJobIds = async () =>
    (
      (await control.evaluate(
        async () =>
          (await (globalThis as unknown as { browser: BrowserApi }).browser.runtime.sendMessage({ name: 'data:snapshot', data: {} })).value,
      )) as { jobs: { jobId: string }[] }
    ).jobs.map((j) => j.jobId);
  /** The page the add-on opened (the driver loses track of add-on pages' navigations; the page knows its address). */
  const pageAt = (prefix: string) =>
    waitFor(`a page at ${prefix}`, async () => {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(prefix)) return page;
      }
      return undefined;
    });

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('private-window-firefox');
    writeFileSync(
      join(profile.dir, 'extension-preferences.json'),
      JSON.stringify({ [ADDON_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
    );
    installAddonInProfile(profile.dir, build.dir);
    server = await startFixtureServer(fixtures);
    browser = await startFirefox({ serverPort: server.port, userDataDir: profile.dir, prefs: { 'xpinstall.signatures.required': false } });
    control = await openAddonPage(browser, `${POPUP}?control`, 15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    profile?.remove();
    build?.remove();
  });

  it('reads the job in the private window and records nothing', async () => {
    expect(await control.evaluate(() => (globalThis as unknown as { browser: BrowserApi }).browser.extension.inIncognitoContext)).toBe(
      false,
    );
    const opened = await control.evaluate(async (url) => {
      const win = await (globalThis as unknown as { browser: BrowserApi }).browser.windows.create({ incognito: true, url });
      return { windowId: win.id, incognito: win.incognito, tabId: win.tabs?.[0]?.id };
    }, JOB.url.href);
    expect(opened.incognito).toBe(true);
    privateWindow = { windowId: opened.windowId!, tabId: opened.tabId! };
    // The content script there read the posting (and sent it): what it tells the popup.
    const state = await waitFor('the private tab to read the job', async () => {
      const answer = (await control.evaluate(
        (id) => (globalThis as unknown as { browser: BrowserApi }).browser.tabs.sendMessage(id, { name: 'page:state' }).catch(() => null),
        privateWindow.tabId,
      )) as {
        jobId: string;
        state: string;
      } | null;
      return answer?.state === 'read' ? answer : undefined;
    });
    expect(state.jobId).toBe(JOB.posting.jobId);
    expect(await storedJobIds()).toEqual([]);
  });

  it('the popup in that window says in one line why, and leads to the setting', async () => {
    await control.evaluate(
      ({ url, windowId }) =>
        (globalThis as unknown as { browser: BrowserApi }).browser.tabs.create({ windowId, url }).then(() => undefined),
      { url: `${POPUP}?tab=${privateWindow.tabId}`, windowId: privateWindow.windowId },
    );
    popup = await pageAt(`${POPUP}?tab=`);
    expect(await popup.evaluate(() => (globalThis as unknown as { browser: BrowserApi }).browser.extension.inIncognitoContext)).toBe(true);
    const line = await waitFor(
      'the not-recorded line',
      async () =>
        (await popup
          .$eval('[data-testid="private-not-recorded"]', (el) => ({ text: el.textContent ?? '', lines: el.querySelectorAll('p').length }))
          .catch(() => null)) ?? undefined,
    );
    expect(line.lines).toBe(1);
    expect(line.text).toContain('Not recorded: this is a private window');
    expect(await popup.$('[data-testid="not-read-yet"]')).toBeNull();

    await popup.click('[data-testid="private-not-recorded"] button');
    const options = await pageAt(OPTIONS);
    const box = await waitFor('the private-windows setting', async () => {
      const el = await options.$(RECORD_PRIVATE);
      return el && !(await el.evaluate((i) => (i as HTMLInputElement).disabled)) ? el : undefined;
    });
    expect(await box.evaluate((i) => (i as HTMLInputElement).checked)).toBe(false);
    await box.click();
    await waitFor('the setting to be saved', async () =>
      (await options.$eval(RECORD_PRIVATE, (i) => (i as HTMLInputElement).checked && !(i as HTMLInputElement).disabled).catch(() => false))
        ? true
        : undefined,
    );
    // Allowed, the line goes from the popup (it follows the stored choice). The options page took
    // the front of that window; a toolbar popup is in view whenever it is open, so this one is
    // brought back (a hidden tab's timers are throttled, and it catches up as it shows).
    await popup.bringToFront();
    await waitFor('the line to go', async () => ((await popup.$('[data-testid="private-not-recorded"]')) === null ? true : undefined));
  });

  it('once allowed, the same page reloaded is recorded and the popup shows the job', async () => {
    await control.evaluate((id) => (globalThis as unknown as { browser: BrowserApi }).browser.tabs.reload(id), privateWindow.tabId);
    await waitFor('the job to be recorded', async () => ((await storedJobIds()).includes(JOB.posting.jobId) ? true : undefined));
    await popup.bringToFront();
    const title = await waitFor(
      'the job in the popup',
      async () => (await popup.$eval('#job-title', (h) => h.textContent).catch(() => null)) ?? undefined,
    );
    expect(title).toBe(JOB.posting.title);
  });
});
