import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import { BANNER_TAG } from '../../lib/banner/banner';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import type { Fixture, JobFixture } from './fixtures';
import { FIREFOX_PATH, readStoreInExtension, requireBrowser, requireBuild, type Row } from './harness';
import type { FixtureServer } from './server';
import { attribute, find, textOf, walk, type DomNode } from './dom-tree';

/**
 * What the limit end-to-end tests need beyond the shared harness: application forms and job pages
 * served under job ids that have no saved page of their own, and the page banner read and
 * dismissed through the browser (its shadow root is closed to page scripts, not to DevTools).
 */

/** `https://<host>/resume/<id>/apply`, where the careers site puts a job's application form. */
function applyFormUrl(job: JobFixture): string {
  return new URL(`/resume/${job.posting.jobId}/apply`, job.url.origin).href;
}

/**
 * Serves the one saved application form for `job`, with that job's title where the saved form
 * names its own. The content script decides from the URL alone; the title keeps screenshots honest.
 */
export function serveApplyForm(server: FixtureServer, form: Fixture, formJob: JobFixture, job: JobFixture): string {
  const url = applyFormUrl(job);
  server.addPage(url, form.html.replaceAll(formJob.posting.title, job.posting.title));
  return url;
}

/** The same saved job page under other job ids: what twenty different postings would look like to the extension. */
export function serveJobCopies(server: FixtureServer, job: JobFixture, jobIds: readonly string[]): string[] {
  return jobIds.map((jobId) => {
    const url = new URL(`/search/${jobId}`, job.url.origin).href;
    server.addPage(url, job.html);
    return url;
  });
}

/** Job ids that no fixture uses, numbered so a missing one is easy to name. */
export function syntheticJobIds(count: number, prefix = '76000000000000'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}`);
}

export interface BannerView {
  /** "closed" is what the extension promises the careers site's scripts. */
  shadowRootType: string;
  role: string | undefined;
  /** "box limit" at and over the limit, "box" at the last slot. */
  className: string | undefined;
  title: string;
  /** The applications, in the order the banner lists them. */
  items: string[];
  /** Where the close button is, for a real mouse click. */
  closeButton: number | undefined;
}

/**
 * The banner as the browser holds it, closed shadow root included: DevTools' DOM domain with
 * `pierce` walks into it, which no page script can.
 */
export async function readBanner(page: Page): Promise<BannerView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.localName === BANNER_TAG);
    if (!host) return null;
    const shadow = host.shadowRoots?.[0];
    if (!shadow) return { shadowRootType: 'none', role: undefined, className: undefined, title: '', items: [], closeButton: undefined };
    const box = find(shadow, (n) => attribute(n, 'role') !== undefined);
    const title = box && find(box, (n) => (attribute(n, 'class') ?? '').split(' ').includes('title'));
    return {
      shadowRootType: shadow.shadowRootType ?? 'unknown',
      role: box && attribute(box, 'role'),
      className: box && attribute(box, 'class'),
      title: title ? textOf(title) : '',
      items: box ? [...walk(box)].filter((n) => n.localName === 'li').map(textOf) : [],
      closeButton: box && find(box, (n) => n.localName === 'button')?.backendNodeId,
    };
  } finally {
    await cdp.detach();
  }
}

/** Clicks the banner's close button with the mouse, where it is drawn, as a person would. */
export async function clickBannerClose(page: Page, banner: BannerView): Promise<void> {
  if (banner.closeButton === undefined) throw new Error('the banner has no close button');
  const cdp = await page.context().newCDPSession(page);
  let quad: number[];
  try {
    ({
      model: { border: quad },
    } = (await cdp.send('DOM.getBoxModel', { backendNodeId: banner.closeButton })) as {
      model: { border: number[] };
    });
  } finally {
    await cdp.detach();
  }
  const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
  const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
  const mid = (v: number[]) => (Math.min(...v) + Math.max(...v)) / 2;
  await page.mouse.click(mid(xs), mid(ys));
}

/** The banner as assistive technology meets it: its role and accessible name, if it is in the tree. */
export async function bannerInAccessibilityTree(page: Page): Promise<{ role: string; name: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: unknown }; name?: { value?: unknown }; ignored?: boolean }[];
    };
    for (const node of nodes) {
      const name = String(node.name?.value ?? '');
      const role = String(node.role?.value ?? '');
      if (!node.ignored && (role === 'alert' || role === 'status') && name.startsWith('Job Lens:')) return { role, name };
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

/** The user's local calendar day of an ISO time, as the banner writes it. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "#b45309" → [180, 83, 9], to compare with what `getBadgeBackgroundColor` answers. */
export function rgb(hex: string): number[] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16));
}

/**
 * Installs the add-on into a Firefox profile for good, the way a sideloaded add-on is: a file
 * named after the add-on id under `extensions/`, holding the path of the unpacked build. The
 * driver's own install is temporary and gone at the next start, which would make a restart test
 * test the reinstall instead. Unsigned, so the launch turns signature checks off (ESR honours that).
 */
export function installAddonInProfile(profileDir: string, addonDir: string): void {
  requireBuild(addonDir, 'npm run build:firefox');
  mkdirSync(join(profileDir, 'extensions'), { recursive: true });
  writeFileSync(join(profileDir, 'extensions', ADDON_ID), addonDir);
}

export interface FirefoxSession {
  browser: FirefoxBrowser;
  /** A page on the careers hosts, loaded in full. */
  open(url: string): Promise<FirefoxPage>;
  readStore(store: string): Promise<Row[]>;
  /** The toolbar badge as `browserAction` reports it (Firefox's MV2 build). */
  badge(): Promise<{ text: string; color: number[] }>;
  /** Sets the badge text directly, bypassing the background (to tell a recomputed badge from a kept one). */
  scribbleBadge(text: string): Promise<void>;
  /** A protocol message from the add-on's own page, as the popup sends it. */
  send(name: string, data: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** The subset of the WebExtension API called in the add-on's page. */
interface ExtensionApi {
  browserAction: {
    getBadgeText(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<number[]>;
    setBadgeText(details: object): Promise<void>;
  };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; code?: string; message?: string }> };
}

/**
 * Firefox ESR on a profile the caller keeps (puppeteer's `userDataDir`), with the add-on
 * installed in that profile, so closing and launching again is a browser restart.
 */
export async function launchFirefoxProfile(serverPort: number, profileDir: string): Promise<FirefoxSession> {
  requireBrowser(FIREFOX_PATH);
  const browser = await startFirefox({ serverPort, userDataDir: profileDir, prefs: { 'xpinstall.signatures.required': false } });

  const extensionUrl = `moz-extension://${ADDON_UUID}/popup.html`;
  let extensionTab: Promise<FirefoxPage> | null = null;
  // Not opening means the add-on is not installed in the profile.
  const openExtensionTab = () => openAddonPage(browser, extensionUrl, 15_000);
  const extension = () => (extensionTab ??= openExtensionTab());

  try {
    await extension();
  } catch (error) {
    await browser.close();
    throw error;
  }

  return {
    browser,
    async open(url) {
      const page = await browser.newPage();
      if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[firefox ${m.type()}] ${m.text()}`));
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    readStore: async (store) => (await extension()).evaluate(readStoreInExtension, store),
    badge: async () =>
      (await extension()).evaluate(async () => {
        const { browserAction } = (globalThis as unknown as { browser: ExtensionApi }).browser;
        return { text: await browserAction.getBadgeText({}), color: await browserAction.getBadgeBackgroundColor({}) };
      }),
    scribbleBadge: async (text) => {
      await (
        await extension()
      ).evaluate((value) => (globalThis as unknown as { browser: ExtensionApi }).browser.browserAction.setBadgeText({ text: value }), text);
    },
    async send(name, data) {
      const reply = await (
        await extension()
      ).evaluate((message) => (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.sendMessage(message), { name, data } as {
        name: string;
        data: unknown;
      });
      if (!reply?.ok) throw new Error(`${name}: ${reply?.code ?? 'no answer'}: ${reply?.message ?? ''}`);
      return reply.value;
    },
    close: () => browser.close(),
  };
}
