import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  FIREFOX_BUILD,
  FIREFOX_PATH,
  readStoreInExtension,
  requireBrowser,
  snapshotBuild,
  waitFor,
  type ExtensionBrowser,
  type Row,
  type Tab,
} from './harness';

/** The add-on id from wxt.config.ts; the UUID is pinned so the extension's origin is known in advance. */
export const ADDON_ID = 'job-lens@job-lens.local';
export const ADDON_UUID = '6f1e0b9a-3c1d-4e55-9a7b-2d8c4f0e1a57';

/** Every request through the fixture server (Firefox has no host-resolver switch), and the add-on's origin pinned. */
function firefoxPrefs(serverPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': serverPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': serverPort,
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  };
}

/**
 * Firefox ESR, headless, over WebDriver BiDi, with the add-on's origin pinned; given the fixture
 * server's port, every request goes to that server; given a profile directory, it is kept.
 */
export function startFirefox({
  serverPort,
  userDataDir,
  prefs = {},
}: { serverPort?: number; userDataDir?: string; prefs?: Record<string, unknown> } = {}): Promise<Browser> {
  const origin = { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) };
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(userDataDir ? { userDataDir } : {}),
    // The fixture server's certificate is self-signed and made for this run only.
    acceptInsecureCerts: true,
    // Lets the driver open and evaluate in the add-on's own pages (moz-extension://).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...(serverPort === undefined ? origin : firefoxPrefs(serverPort)), ...prefs },
  });
}

/**
 * Sets a page's viewport. puppeteer sends the screen orientation with it, a command Firefox ESR 140
 * does not know yet ("unknown command"); the viewport itself is set by then, so only that error is
 * let through.
 */
export async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!/setScreenOrientationOverride|unknown command/i.test((error as Error).message)) throw error;
  }
  await waitFor(
    `the viewport to be ${size.width}×${size.height}`,
    async () => ((await page.evaluate(() => window.innerWidth).catch(() => 0)) === size.width ? true : undefined),
    5_000,
  );
}

/**
 * Opens one of the add-on's pages. It loads in another process and the driver loses track of the
 * navigation (it reports a detached frame) although the tab gets there, so this waits on the page.
 */
export async function openAddonPage(
  browser: Browser,
  url: string,
  timeoutMs: number,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage();
  if (viewport) await setViewport(page, viewport);
  page.goto(url).catch(() => undefined);
  await waitFor(
    `${url} to open`,
    async () => ((await page.evaluate(() => location.href).catch(() => '')) === url ? true : undefined),
    timeoutMs,
  );
  return page;
}

const EXTENSION_PAGE = 'popup.html';

/**
 * Firefox ESR with the built MV2 add-on, driven by puppeteer-core over WebDriver BiDi. Firefox has
 * no host-resolver switch, so every request goes to the fixture server as its proxy (http and https).
 * `--remote-allow-system-access` lets the driver open the add-on's own page (moz-extension://),
 * which is where the background's IndexedDB can be read: same origin.
 */
export async function launchFirefox(serverPort: number): Promise<ExtensionBrowser> {
  requireBrowser(FIREFOX_PATH);
  const build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
  if (!existsSync(join(build.dir, EXTENSION_PAGE))) {
    build.remove();
    throw new Error(`${FIREFOX_BUILD}/${EXTENSION_PAGE} is missing: the test reads the database from that page`);
  }
  // puppeteer makes a fresh temporary profile for each launch and removes it on close.
  let browser: Browser | undefined;
  try {
    browser = await startFirefox({ serverPort });
    const installed = await browser.installExtension(build.dir);
    if (installed !== ADDON_ID) throw new Error(`installed add-on id ${installed}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser?.close();
    build.remove();
    throw error;
  }
  const firefox = browser;

  // One tab for every read, opened on first use; the promise is kept so concurrent reads share it.
  let extensionTab: Promise<Page> | null = null;
  const extensionUrl = `moz-extension://${ADDON_UUID}/${EXTENSION_PAGE}`;
  const openExtensionTab = () => openAddonPage(firefox, extensionUrl, 10_000);

  return {
    name: 'firefox',
    async open(url: string): Promise<Tab> {
      const page = await firefox.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[firefox ${m.type()}] ${m.text()}`));
      await page.goto(url, { waitUntil: 'load' });
      return {
        // puppeteer's typing wants a tuple of arguments; the function takes exactly one.
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
        click: (selector) => page.click(selector),
        close: () => page.close(),
      };
    },
    async readStore(store: string): Promise<Row[]> {
      extensionTab ??= openExtensionTab();
      return (await extensionTab).evaluate(readStoreInExtension, store);
    },
    async close() {
      await firefox.close();
      build.remove();
    },
  };
}
