import type { BannerContent } from './content';

/**
 * The page banner for a program with one place left or none. It runs in the content script, so it
 * stays tiny: no React, no Zod, and only createElement/textContent, because titles come from
 * pages and must never be parsed as markup. The shadow root is closed so the careers site's
 * scripts cannot read the user's other applications out of it, and its styles cannot leak in.
 *
 * Collapsed it is a small card (at most 320 × 120 px): the count, the program and, on the form of
 * a full program, that this application would not be considered; the applications already made
 * are one click away (a native disclosure). On a job page it sits in the bottom corner. On the application form it takes
 * its own place in the page's flow, just before the form, so it can never cover the form's submit
 * button, however the page scrolls.
 */

export const BANNER_TAG = 'job-lens-limit-banner';
export const BANNER_MAX_WIDTH = 320;
export const BANNER_MAX_COLLAPSED_HEIGHT = 120;

export interface BannerHandle {
  host: HTMLElement;
  root: ShadowRoot;
}

export type { BannerContent };

// Written compact: the content script ships it as it stands.
const CSS = `
:host{all:initial;display:block;position:fixed;right:16px;bottom:16px;z-index:2147483647}
:host(.in-flow){position:static;display:block;width:fit-content;max-width:100%;margin:12px 0}
.box{width:${BANNER_MAX_WIDTH}px;max-width:calc(100vw - 32px);max-height:${BANNER_MAX_COLLAPSED_HEIGHT}px;overflow:hidden;box-sizing:border-box;padding:8px 36px 8px 12px;border-radius:8px;position:relative;font:13px/1.35 system-ui,sans-serif;color:#1f2937;background:#fffbeb;border:2px solid #b45309;box-shadow:0 2px 10px rgba(0,0,0,.16)}
.box.limit{background:#fef2f2;border-color:#b91c1c}
.box:has(details[open]){max-height:min(60vh,420px);overflow:auto}
.title{font-weight:600;margin:0}
p{margin:2px 0 0}
.program{color:#4b5563;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
ol{margin:4px 0 0;padding-left:20px}
button{font:inherit;color:inherit;cursor:pointer}
.close{position:absolute;top:4px;right:4px;width:28px;height:28px;border:0;border-radius:4px;background:transparent;font-size:18px;line-height:1}
summary{margin-top:2px;cursor:pointer;text-decoration:underline}
:focus-visible{outline:2px solid #1d4ed8}
`;

function text(doc: Document, tag: string, content: string, className?: string): HTMLElement {
  const el = doc.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

function applyStyles(doc: Document, root: ShadowRoot): void {
  // A constructed sheet is not subject to the page's style-src CSP; a <style> is the fallback.
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Older engines without constructable sheets fall through.
    }
  }
  root.append(text(doc, 'style', CSS));
}

export function removeLimitBanner(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(BANNER_TAG))) host.remove();
}

/**
 * Shows the banner the background worded (`bannerContent`), or removes it for null. Replaces any
 * banner already on the page, so calling it again with a new count is safe. `onDismiss` runs
 * after the user closes it (the caller has the background remember it for this count).
 */
export function renderLimitBanner(doc: Document, content: BannerContent | null, onDismiss: () => void): BannerHandle | null {
  removeLimitBanner(doc);
  if (!content) return null;

  const host = doc.createElement(BANNER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  applyStyles(doc, root);

  const box = doc.createElement('div');
  box.className = content.alert ? 'box limit' : 'box';
  // An alert interrupts; that is right only when another application would not be considered.
  box.setAttribute('role', content.alert ? 'alert' : 'status');
  box.setAttribute('aria-labelledby', 'job-lens-banner-title');

  const title = text(doc, 'p', content.title, 'title');
  title.id = 'job-lens-banner-title';
  box.append(title, text(doc, 'p', content.program, 'program'), text(doc, 'p', content.consequence, 'consequence'));

  // A native disclosure: keyboard and screen readers get its open and closed states for free.
  const details = doc.createElement('details');
  details.append(text(doc, 'summary', 'Applications so far'), text(doc, 'p', content.intro));
  if (content.items.length > 0) {
    const list = doc.createElement('ol');
    for (const item of content.items) list.append(text(doc, 'li', item));
    details.append(list);
  }

  const close = text(doc, 'button', '×', 'close');
  close.setAttribute('type', 'button');
  close.setAttribute('aria-label', 'Dismiss the application limit notice');
  close.addEventListener('click', () => {
    host.remove();
    onDismiss();
  });
  box.append(details, close);
  root.append(box);

  const form = content.onForm ? doc.querySelector('form') : null;
  if (form?.parentNode) {
    host.className = 'in-flow';
    form.parentNode.insertBefore(host, form);
  } else if (content.onForm) {
    host.className = 'in-flow';
    (doc.body ?? doc.documentElement).prepend(host);
  } else {
    (doc.body ?? doc.documentElement).append(host);
  }
  return { host, root };
}
