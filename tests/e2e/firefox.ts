import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  FIREFOX_BUILD,
  FIREFOX_PATH,
  readStoreInExtension,
  requireBrowser,
  snapshotBuild,
  sleep,
  type ExtensionBrowser,
  type Row,
  type Tab,
} from './harness';

/** The add-on id from wxt.config.ts; the UUID is pinned so the extension's origin is known in advance. */
export const ADDON_ID = 'job-lens@job-lens.local';
export const ADDON_UUID = '6f1e0b9a-3c1d-4e55-9a7b-2d8c4f0e1a57';

/** Every request through the fixture server (Firefox has no host-resolver switch), and the add-on's origin pinned. */
export function firefoxPrefs(serverPort: number): Record<string, unknown> {
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
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // The fixture server's certificate is self-signed and made for this run only.
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs(serverPort),
    });
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
  const openExtensionTab = async (): Promise<Page> => {
    const page = await firefox.newPage();
    // The add-on page loads in another process; the driver loses track of the navigation (it
    // reports a detached frame) although the tab itself gets there, so wait on the page instead.
    page.goto(extensionUrl).catch(() => undefined);
    for (let i = 0; i < 100; i++) {
      await sleep(100);
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === extensionUrl) return page;
    }
    throw new Error(`could not open ${extensionUrl}`);
  };

  return {
    name: 'firefox',
    async open(url: string): Promise<Tab> {
      const page = await firefox.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[firefox ${m.type()}] ${m.text()}`));
      await page.goto(url, { waitUntil: 'load' });
      return {
        // puppeteer's typing wants a tuple of arguments; the function takes exactly one.
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
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
