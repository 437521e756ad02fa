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
 * Firefox with "Never remember history" (`browser.privatebrowsing.autostart`): every window is
 * private and IndexedDB refuses every operation (InvalidStateError), in the extension's pages
 * too. Job Lens must still work there, on its storage.local copy: a job viewed, an application
 * marked in the popup, and the popup showing it with the count.
 *
 * In permanent private mode an add-on runs only with the private-browsing permission. Firefox
 * keeps that permission in the profile (`extension-preferences.json` on release builds), so the
 * profile is made with it granted before the browser starts, as a user's "Run in Private Windows"
 * would leave it. The add-on is installed in the profile (not as a temporary add-on, which goes at
 * shutdown), so a restart is a new session of the same installation.
 */

const POPUP = `moz-extension://${ADDON_UUID}/popup.html`;
const OPTIONS = `moz-extension://${ADDON_UUID}/options.html`;
const RECORD_PRIVATE = '::-p-text(Record job pages I view in private windows) input[type="checkbox"]';
const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');

type BrowserApi = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

describe('firefox, permanent private browsing: Job Lens runs on its storage.local copy', () => {
  let server: FixtureServer;
  let browser: Browser;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let list: Page;

  const launch = () =>
    startFirefox({
      serverPort: server.port,
      userDataDir: profile.dir,
      prefs: { 'browser.privatebrowsing.autostart': true, 'xpinstall.signatures.required': false },
    });
  const openPage = (url: string) => openAddonPage(browser, url, 15_000, { width: 420, height: 700 });
  const rendered = (page: Page) =>
    waitFor('the popup to render', async () =>
      (await page.evaluate(() => document.documentElement.dataset.firstRender).catch(() => undefined)) === 'done' ? true : undefined,
    );

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('private-firefox');
    writeFileSync(
      join(profile.dir, 'extension-preferences.json'),
      JSON.stringify({ [ADDON_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
    );
    installAddonInProfile(profile.dir, build.dir);
    server = await startFixtureServer(fixtures);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    profile?.remove();
    build?.remove();
  });

  it('is really private: the extension page is incognito and IndexedDB refuses to open', async () => {
    list = await openPage(POPUP);
    const probe = await list.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('job-lens-probe');
          request.onsuccess = () => {
            request.result.close();
            resolve('opened');
          };
          request.onerror = () => resolve(request.error?.name ?? 'error');
        }),
    );
    expect(probe).toBe('InvalidStateError');
    expect(
      await list.evaluate(
        () => (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser.extension.inIncognitoContext,
      ),
    ).toBe(true);
  });

  it('says once why, and lists a job viewed in a tab', async () => {
    await rendered(list);
    const notice = await waitFor(
      'the private-mode notice',
      async () =>
        (await list.$eval('[data-testid="data-notice"][data-kind="private-mode"]', (el) => el.textContent).catch(() => null)) ?? undefined,
    );
    expect(notice).toContain('postings are kept only until the browser closes');
    // Every window is private here, and private windows are recorded only when the user allows it:
    // the notice says so and where.
    expect(notice).toContain('Record job pages I view in private windows');

    // As the user would: allow it on the options page before viewing a job.
    const options = await openPage(OPTIONS);
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
    await options.close();

    const tab = await browser.newPage();
    await tab.goto(JOB.url.href, { waitUntil: 'load' });
    // The user then looks at the popup: a page in a background tab gets no animation frames, and
    // the list draws its rows in one.
    await list.bringToFront();
    const rows = await waitFor('the job in the popup list', async () => {
      const texts = await list.$$eval('[role="listitem"]', (items) => items.map((li) => li.textContent ?? ''));
      return texts.some((t) => t.includes(JOB.posting.title)) ? texts : undefined;
    });
    expect(rows).toHaveLength(1);

    // Dismissed, it stays away.
    await list.click('[data-testid="data-notice"][data-kind="private-mode"] button');
    await waitFor('the notice to go', async () => ((await list.$('[data-testid="data-notice"]')) === null ? true : undefined));
    const again = await openPage(`${POPUP}?second`);
    await rendered(again);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await again.$('[data-testid="data-notice"]')).toBeNull();
    await again.close();
  });

  it('records an application from the popup and shows it, with the count, kept in the copy', async () => {
    const tabId = await list.evaluate(
      async (href: string) =>
        (await (globalThis as unknown as { browser: BrowserApi }).browser.tabs.query({})).find((t) => t.url === href)?.id ?? null,
      JOB.url.href,
    );
    expect(tabId).not.toBeNull();
    const popup = await openPage(`${POPUP}?tab=${tabId}`);
    await rendered(popup);
    expect(await popup.$eval('#job-title', (h) => h.textContent)).toBe(JOB.posting.title);
    expect(await popup.$eval('[data-testid="limit-summary"]', (el) => el.textContent)).toContain('0 of 2');

    await popup.click('::-p-text(Mark applied)');
    const applied = await waitFor(
      'the popup to show the application',
      async () => (await popup.$eval('[data-testid="applied-on"]', (el) => el.textContent).catch(() => null)) ?? undefined,
    );
    expect(applied).toMatch(/^Applied on /);
    expect(await popup.$eval('[data-testid="limit-summary"]', (el) => el.textContent)).toContain('1 of 2');

    // A fresh popup (a new page, a new mirror) shows it too.
    const reopened = await openPage(`${POPUP}?tab=${tabId}`);
    await rendered(reopened);
    expect(await reopened.$eval('[data-testid="applied-on"]', (el) => el.textContent)).toBe(applied);

    const copy = await reopened.evaluate(
      async () => (await (globalThis as unknown as { browser: BrowserApi }).browser.storage.local.get('jobLensBackup')).jobLensBackup,
    );
    const entry = (copy as { jobs: Record<string, { status: string; appliedAt: string | null; title: string }> }).jobs[JOB.posting.jobId];
    expect(entry).toMatchObject({ status: 'applied', title: JOB.posting.title });
    expect(entry?.appliedAt).toEqual(expect.any(String));

    const status = await reopened.evaluate(
      async () =>
        (
          (await (globalThis as unknown as { browser: BrowserApi }).browser.runtime.sendMessage({ name: 'data:status', data: {} }))
            .value as { status: unknown }
        ).status,
    );
    expect(status).toMatchObject({ mode: 'memory', lastWriteFailure: null, backupJobs: 1 });
    const settings = (copy as { settings: { key: string; value: unknown }[] }).settings;
    expect(settings).toContainEqual(expect.objectContaining({ key: 'recordPrivateWindows', value: true }));
  });

  it('after a browser restart, the application, its status and the count are back from the copy; the posting text is not', async () => {
    await browser.close();
    browser = await launch();
    const popup = await openPage(POPUP);
    await rendered(popup);
    const rows = await waitFor('the restored job in the list', async () => {
      const texts = await popup.$$eval('[role="listitem"]', (items) => items.map((li) => li.textContent ?? ''));
      return texts.length > 0 ? texts : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(JOB.posting.title);
    expect(await popup.$eval('[data-testid="limit-summary"]', (el) => el.textContent)).toContain('1 of 2');
    // Told once: the private-mode notice was dismissed in the first session.
    expect(await popup.$('[data-testid="data-notice"]')).toBeNull();
    const snapshot = (await popup.evaluate(
      async () =>
        (await (globalThis as unknown as { browser: BrowserApi }).browser.runtime.sendMessage({ name: 'data:snapshot', data: {} })).value,
    )) as { jobs: { jobId: string; status: string; appliedAt: string | null; description: string; extractedAt: string }[] };
    // The choice to record private windows is a setting, back from the copy too.
    const options = await openPage(OPTIONS);
    const checked = await waitFor(
      'the private-windows setting',
      async () =>
        await options
          .$eval(RECORD_PRIVATE, (i) => ((i as HTMLInputElement).disabled ? undefined : (i as HTMLInputElement).checked))
          .catch(() => undefined),
    );
    expect(checked).toBe(true);
    await options.close();
    expect(snapshot.jobs).toEqual([
      expect.objectContaining({
        jobId: JOB.posting.jobId,
        status: 'applied',
        appliedAt: expect.any(String),
        description: '',
        extractedAt: '1970-01-01T00:00:00.000Z',
      }),
    ]);
  });
});
