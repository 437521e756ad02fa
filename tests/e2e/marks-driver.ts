import type { Page } from 'playwright-core';
import { LINE_TAG, MARK_TAG } from '../../lib/marks/types';
import { attribute, textOf, walk, type DomNode } from './dom-tree';
import { fixtureNamed, loadFixtures, type Fixture } from './fixtures';

/**
 * What the marks end-to-end tests read: the marks as the browser holds them (DevTools' DOM domain
 * walks into closed shadow roots, which no page script can), with the job each sits on, and the
 * layout of the site's own controls.
 */

export const RESULTS: Fixture = fixtureNamed(loadFixtures(), 'tiktok-search-results');
export const resultId = (n: number) => `74${String(n).padStart(17, '0')}`;

const byClass = (node: DomNode, cls: string) => [...walk(node)].find((n) => (attribute(n, 'class') ?? '').split(' ').includes(cls));

export interface MarkSeen {
  jobId: string;
  shadowRootType: string;
  text: string;
  label: string;
  tip: string;
  tone: string;
}

export async function readMarks(page: Page): Promise<MarkSeen[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: MarkSeen[] = [];
    const visit = (node: DomNode, href: string | undefined) => {
      const here = node.localName === 'a' ? attribute(node, 'href') : href;
      if (node.localName === MARK_TAG) {
        const shadow = node.shadowRoots?.[0];
        const m = shadow && byClass(shadow, 'm');
        found.push({
          jobId: /\/(\d{6,25})(?:\/detail)?\/?$/.exec(here ?? '')?.[1] ?? '',
          shadowRootType: shadow?.shadowRootType ?? 'none',
          text: m ? textOf(m) : '',
          label: (m && attribute(m, 'aria-label')) ?? '',
          tip: shadow && byClass(shadow, 't') ? textOf(byClass(shadow, 't')!) : '',
          tone: (m && attribute(m, 'class')?.replace(/^m ?/, '')) ?? '',
        });
      }
      for (const child of node.children ?? []) visit(child, here);
    };
    visit(root, undefined);
    return found;
  } finally {
    await cdp.detach();
  }
}

export interface LineSeen {
  shadowRootType: string;
  /** The text of the element just before the line (the job title). */
  after: string;
  button: string;
  expanded: string | undefined;
  detailsHidden: boolean;
  details: string;
}

export async function readLine(page: Page): Promise<LineSeen | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let previous: DomNode | undefined;
    let result: LineSeen | null = null;
    const visit = (node: DomNode) => {
      const kids = node.children ?? [];
      for (let i = 0; i < kids.length; i++) {
        const kid = kids[i]!;
        if (kid.localName === LINE_TAG) {
          previous = kids
            .slice(0, i)
            .reverse()
            .find((k) => k.nodeType === 1);
          const shadow = kid.shadowRoots?.[0];
          const main = shadow && byClass(shadow, 'b');
          const details = shadow && byClass(shadow, 'd');
          result = {
            shadowRootType: shadow?.shadowRootType ?? 'none',
            after: previous ? textOf(previous) : '',
            button: main ? textOf(main) : '',
            expanded: main && attribute(main, 'aria-expanded'),
            detailsHidden: details ? attribute(details, 'hidden') !== undefined : true,
            details: details ? textOf(details) : '',
          };
        }
        visit(kid);
      }
    };
    visit(root);
    return result;
  } finally {
    await cdp.detach();
  }
}

/** Accessible names in the page's accessibility tree (closed shadow roots included), with their roles. */
export async function accessibleNodes(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: unknown }; name?: { value?: unknown }; ignored?: boolean }[];
    };
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
  } finally {
    await cdp.detach();
  }
}

export interface Layout {
  /** The site's buttons (filters, search, pager) by their text, with their boxes. */
  buttons: { text: string; x: number; y: number; w: number; h: number; hit: boolean }[];
  /** Each card link: its job id, box, and whether a click at its centre lands on it. */
  cards: { jobId: string; x: number; y: number; w: number; h: number; hit: boolean }[];
}

/** The page's own controls as laid out now; `hit` is what a click at the centre would reach. */
export function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const top = document.elementFromPoint(cx, cy);
      return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width), h: Math.round(r.height), top };
    };
    const buttons = Array.from(document.querySelectorAll('main button')).map((b) => {
      const { top, ...r } = box(b);
      return { text: b.textContent ?? '', ...r, hit: top === b || b.contains(top) };
    });
    const cards = Array.from(document.querySelectorAll('#job-list a')).map((a) => {
      const { top, ...r } = box(a);
      return { jobId: a.getAttribute('href')!.split('/').pop()!, ...r, hit: top !== null && top.closest('a') === a };
    });
    return { buttons, cards };
  });
}

/** Clicks a button of the job page line (class `b` the line, `x` close) with the mouse, where it is drawn. */
export async function clickInLine(page: Page, cls: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let quad: number[];
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = [...walk(root)].find((n) => n.localName === LINE_TAG);
    const button = host?.shadowRoots?.[0] && byClass(host.shadowRoots[0], cls);
    if (!button?.backendNodeId) throw new Error(`no ${cls} button in the line`);
    ({
      model: { border: quad },
    } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as {
      model: { border: number[] };
    });
  } finally {
    await cdp.detach();
  }
  const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
  const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
  await page.mouse.click((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2);
}

/** The first list mark's text and background colours as drawn (computed style inside the closed root). */
export async function markColors(page: Page): Promise<{ color: string; background: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = [...walk(root)].find((n) => n.localName === MARK_TAG);
    const m = host?.shadowRoots?.[0] && byClass(host.shadowRoots[0], 'm');
    if (!m?.nodeId) throw new Error('no mark on the page');
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: m.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    const get = (name: string) => computedStyle.find((p) => p.name === name)?.value ?? '';
    return { color: get('color'), background: get('background-color') };
  } finally {
    await cdp.detach();
  }
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
