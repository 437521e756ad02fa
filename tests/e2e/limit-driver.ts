import type { Page } from 'playwright-core';
import { BANNER_TAG } from '../../lib/banner/banner';
import type { Fixture, JobFixture } from './fixtures';
import type { FixtureServer } from './server';

/**
 * What the limit end-to-end tests need beyond the shared harness: application forms and job pages
 * served under job ids that have no saved page of their own, and the page banner read and
 * dismissed through the browser (its shadow root is closed to page scripts, not to DevTools).
 */

/** `https://<host>/resume/<id>/apply`, where the careers site puts a job's application form. */
export function applyFormUrl(job: JobFixture): string {
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

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  backendNodeId: number;
}

function attribute(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const root of node.shadowRoots ?? []) yield* walk(root);
  for (const child of node.children ?? []) yield* walk(child);
}

const find = (node: DomNode, test: (n: DomNode) => boolean) => {
  for (const n of walk(node)) if (test(n)) return n;
  return undefined;
};

const textOf = (node: DomNode): string =>
  [...walk(node)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? '').join('');

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
    ({ model: { border: quad } } = (await cdp.send('DOM.getBoxModel', { backendNodeId: banner.closeButton })) as {
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
