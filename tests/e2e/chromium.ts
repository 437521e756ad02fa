import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import {
  chromiumArgs,
  CHROME_BUILD,
  CHROMIUM_PATH,
  freshProfileDir,
  readStoreInExtension,
  requireBrowser,
  snapshotBuild,
  type ExtensionBrowser,
  type Row,
  type Tab,
} from './harness';

/**
 * Debian's Chromium with the built MV3 extension, driven by playwright-core. The new headless mode
 * runs extensions; `headless: false` keeps Playwright from swapping in its own headless shell, and
 * `--headless` among the flags does the rest. The careers hosts resolve to the fixture server.
 */
export async function launchChromium(serverPort: number): Promise<ExtensionBrowser> {
  requireBrowser(CHROMIUM_PATH);
  const build = snapshotBuild(CHROME_BUILD, 'npm run build');
  const profile = freshProfileDir('chromium');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      // The fixture server's certificate is self-signed and made for this run only.
      ignoreHTTPSErrors: true,
      args: chromiumArgs({ extensionDir: build.dir, serverPort }),
    });
  } catch (error) {
    profile.remove();
    build.remove();
    throw error;
  }

  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;

  const readStore = async (store: string): Promise<Row[]> => {
    try {
      return await (await serviceWorker()).evaluate(readStoreInExtension, store);
    } catch {
      // An idle service worker may have been stopped between two reads; any page of the
      // extension shares its origin and so its database.
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/manifest.json`);
        return await page.evaluate(readStoreInExtension, store);
      } finally {
        await page.close();
      }
    }
  };

  return {
    name: 'chromium',
    async open(url: string): Promise<Tab> {
      const page = await context.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[chromium ${m.type()}] ${m.text()}`));
      await page.goto(url, { waitUntil: 'load' });
      return {
        // Arguments here are plain data, which Playwright passes through unchanged.
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
          page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
        click: (selector) => page.click(selector),
        close: () => page.close(),
      };
    },
    readStore,
    async close() {
      await context.close();
      profile.remove();
      build.remove();
    },
  };
}
