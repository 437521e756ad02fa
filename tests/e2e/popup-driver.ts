import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import {
  CHROME_BUILD,
  CHROMIUM_PATH,
  chromiumArgs,
  freshProfileDir,
  readStoreInExtension,
  requireBrowser,
  requireBuild,
  type Row,
} from './harness';

/**
 * Chromium with the built extension, driven to the popup: the popup end-to-end test, `npm run
 * demo` and the popup benchmark share it. The popup is opened as a page
 * (`chrome-extension://<id>/popup.html`); `?tab=<id>` makes it show the job in that tab, since
 * as a page it would otherwise be its own "current tab".
 */

/** The few Chrome APIs called inside the browser (the project has no @types/chrome). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(details: object): Promise<string>; getBadgeBackgroundColor(details: object): Promise<number[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

export interface PopupChromium {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** A page on the careers hosts (served by the fixture server). */
  open(url: string): Promise<Page>;
  /** The popup as a page, for the job in `forTab` when given, else the plain list. */
  openPopup(forTab?: Page, options?: { width?: number; height?: number; query?: string }): Promise<Page>;
  /** Any page of the extension (same origin as the database), e.g. `manifest.json`. */
  extensionPage(path?: string): Promise<Page>;
  badge(): Promise<{ text: string; color: number[] }>;
  readStore(store: string): Promise<Row[]>;
  /** Sends a protocol message from an extension page, as the options page and the popup do. */
  send(name: string, data: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A window on screen (the demo, when DISPLAY is set); headless otherwise. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /**
   * A profile directory the caller owns and keeps after close, so a second launch on it finds the
   * same data (a browser restart). Without it, a fresh profile is made and removed on close.
   */
  userDataDir?: string;
  /**
   * The unpacked extension to load (default: the build itself). Chromium derives an unpacked
   * extension's id, and so its origin and database, from this path: a restart must reuse it.
   */
  extensionDir?: string;
  /** More Chromium switches, after the usual ones. */
  args?: readonly string[];
}

export async function launchPopupChromium(serverPort: number, options: LaunchOptions = {}): Promise<PopupChromium> {
  requireBrowser(CHROMIUM_PATH);
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  requireBuild(extensionDir, 'npm run build');
  const profile = options.userDataDir ? { dir: options.userDataDir, remove: () => {} } : freshProfileDir('popup');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      // Playwright's own headless mode swaps in a shell without extensions; Chromium's new
      // headless mode (the flag) runs them.
      headless: false,
      ignoreHTTPSErrors: true,
      viewport: options.viewport ?? { width: 1100, height: 800 },
      args: [...chromiumArgs({ extensionDir, serverPort, headed: options.headed }), '--hide-scrollbars', ...(options.args ?? [])],
    });
  } catch (error) {
    profile.remove();
    throw error;
  }

  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;

  const extensionPage = async (path = 'manifest.json') => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };

  /** The tab id Chromium gave a page, looked up by its URL from the service worker. */
  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const worker = await serviceWorker();
    const id = await worker.evaluate(async (href: string) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === href)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`no tab shows ${url}`);
    return id;
  };

  return {
    context,
    extensionId,
    serviceWorker,
    async open(url) {
      const page = await context.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(forTab, { width = 420, height = 600, query = '' } = {}) {
      const params = new URLSearchParams(query);
      if (forTab) params.set('tab', String(await tabIdOf(forTab)));
      const page = await context.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[popup ${m.type()}] ${m.text()}`));
      await page.setViewportSize({ width, height });
      const search = params.toString();
      await page.goto(`chrome-extension://${extensionId}/popup.html${search ? `?${search}` : ''}`);
      await page.waitForSelector('html[data-first-render="done"]', { timeout: 15_000 });
      return page;
    },
    extensionPage,
    async badge() {
      const worker = await serviceWorker();
      return worker.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      }));
    },
    async readStore(store) {
      const page = await extensionPage();
      try {
        return await page.evaluate(readStoreInExtension, store);
      } finally {
        await page.close();
      }
    },
    async send(name, data) {
      const page = await extensionPage();
      try {
        const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { name, data } as {
          name: string;
          data: unknown;
        })) as { ok: boolean; value?: unknown; code?: string; message?: string; error?: string };
        // A release before 0.2 answered a failure with `error` alone (the upgrade test runs one).
        if (!reply?.ok) throw new Error(`${name}: ${reply?.code ? `${reply.code}: ` : ''}${reply?.message ?? reply?.error ?? 'no answer'}`);
        return reply.value;
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      profile.remove();
    },
  };
}

const require = createRequire(import.meta.url);

/**
 * axe-core's own source, evaluated in the page by the driver (extension pages forbid inline
 * scripts, and evaluation from the driver is not subject to the page's CSP).
 */
export async function runAxe(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source};void 0`);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/**
 * Every text in the page's accessibility tree, closed shadow roots included (they are closed to
 * page scripts, not to the browser's accessibility tree).
 */
export async function accessibleTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { name?: { value?: unknown }; ignored?: boolean }[];
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => String(n.name?.value ?? ''))
      .filter(Boolean);
  } finally {
    await cdp.detach();
  }
}
