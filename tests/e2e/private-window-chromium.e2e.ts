import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROMIUM_PATH, requireBrowser, waitFor } from './harness';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * An incognito window, with the extension allowed there ("Allow in Incognito"; the manifest's
 * `incognito: spanning` default, so one background serves both): a job page viewed there is read
 * but not recorded until the user turns on "Record job pages I view in private windows", and the
 * popup about that tab says so instead of waiting for a posting the background refused.
 *
 * An unpacked extension loaded from the command line starts without incognito access, and the
 * switch reloads it, which Chromium allows an unpacked extension only in developer mode; the test
 * flips both as the user would, on chrome://extensions (through the page's own developerPrivate
 * API). The incognito window is opened by the extension (`windows.create`); the driver cannot see
 * its tabs (another browser context), and does not need to: the popup runs in the regular profile
 * in spanning mode, and is opened here as a page about that tab.
 */

const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');
const RECORD_PRIVATE = 'label:has-text("Record job pages I view in private windows") input[type="checkbox"]';

/** The few Chrome APIs called inside the browser (the project has no @types/chrome). */
declare const chrome: {
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  windows: { create(o: object): Promise<{ incognito: boolean; tabs?: { id?: number }[] } | undefined> };
  tabs: { sendMessage(id: number, m: unknown): Promise<unknown>; reload(id: number): Promise<void> };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
};

type DeveloperPrivate = {
  updateProfileConfiguration(o: { inDeveloperMode: boolean }): Promise<void>;
  updateExtensionConfiguration(o: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
};

describe('chromium, an incognito window: a job viewed there is not recorded unless allowed, and the popup says so', () => {
  let server: FixtureServer;
  let browser: PopupChromium;
  /** An extension page in the regular window: it opens the incognito window and asks the background. */
  let control: Page;
  let tabId: number;
  let popup: Page;

  const storedJobIds = async () =>
    (
      (await control.evaluate(async () => (await chrome.runtime.sendMessage({ name: 'data:snapshot', data: {} })).value)) as {
        jobs: { jobId: string }[];
      }
    ).jobs.map((j) => j.jobId);

  beforeAll(async () => {
    requireBrowser(CHROMIUM_PATH);
    server = await startFixtureServer(fixtures);
    // The driver's "ignore HTTPS errors" is set per browser context, and the incognito window is a
    // context it may not reach in time: there the fixture server's self-signed certificate would
    // show "Privacy error" instead of the job. The switch covers every context of this test browser.
    browser = await launchPopupChromium(server.port, { args: ['--ignore-certificate-errors'] });
    const extensions = await browser.context.newPage();
    await extensions.goto(`chrome://extensions/?id=${browser.extensionId}`);
    await extensions.evaluate(async (extensionId) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
    }, browser.extensionId);
    await extensions.close();
    // The switch reloads the extension: its pages are refused until it is back.
    control = await waitFor('the extension back after the reload', async () => {
      const page = await browser.extensionPage().catch(() => undefined);
      if (page && (await page.evaluate(() => chrome.extension.isAllowedIncognitoAccess()).catch(() => false))) return page;
      await page?.close();
      return undefined;
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads the job in the incognito window and records nothing', async () => {
    const opened = await control.evaluate(async (url) => {
      const win = await chrome.windows.create({ incognito: true, url });
      return { incognito: win?.incognito, tabId: win?.tabs?.[0]?.id };
    }, JOB.url.href);
    expect(opened.incognito).toBe(true);
    tabId = opened.tabId!;
    // The content script there read the posting (and sent it): what it tells the popup.
    const state = await waitFor('the incognito tab to read the job', async () => {
      const answer = (await control.evaluate((id) => chrome.tabs.sendMessage(id, { name: 'page:state' }).catch(() => null), tabId)) as {
        jobId: string;
        state: string;
      } | null;
      return answer?.state === 'read' ? answer : undefined;
    });
    expect(state.jobId).toBe(JOB.posting.jobId);
    expect(await storedJobIds()).toEqual([]);
  });

  it('the popup about that tab says in one line why, and leads to the setting', async () => {
    popup = await browser.openPopup(undefined, { query: `tab=${tabId}` });
    const line = popup.getByTestId('private-not-recorded');
    await line.waitFor();
    expect(await line.locator('p').count()).toBe(1);
    expect(await line.textContent()).toContain('Not recorded: this is a private window');
    expect(await popup.getByTestId('not-read-yet').count()).toBe(0);
    // Still nothing kept, the popup on screen and the posting long sent.
    expect(await storedJobIds()).toEqual([]);

    const [options] = await Promise.all([browser.context.waitForEvent('page'), line.getByRole('button').click()]);
    await options.waitForURL(`chrome-extension://${browser.extensionId}/options.html`);
    const box = options.locator(RECORD_PRIVATE);
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await box.click();
    await expect.poll(async () => (await box.isChecked()) && (await box.isEnabled())).toBe(true);
    // Allowed, the line goes from the popup (it follows the stored choice).
    await line.waitFor({ state: 'detached' });
  });

  it('once allowed, the same page reloaded is recorded and the popup shows the job', async () => {
    await control.evaluate((id) => chrome.tabs.reload(id), tabId);
    await waitFor('the job to be recorded', async () => ((await storedJobIds()).includes(JOB.posting.jobId) ? true : undefined));
    await popup.locator('#job-title').waitFor();
    expect(await popup.locator('#job-title').textContent()).toBe(JOB.posting.title);
  });
});
