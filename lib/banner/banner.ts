import { localDay } from '../date';
import type { LimitApplication, LimitState } from '../limit/limit';

/**
 * The page banner for the last slot and the reached limit. It runs in the content script, so it
 * stays tiny: no React, no Zod, and only createElement/textContent, because titles come from
 * pages and must never be parsed as markup. The shadow root is closed so the careers site's
 * scripts cannot read the user's other applications out of it, and its styles cannot leak in.
 */

export const BANNER_TAG = 'job-lens-limit-banner';

export interface BannerHandle {
  host: HTMLElement;
  root: ShadowRoot;
}

const SITE_NAMES = { tiktok: 'TikTok', bytedance: 'ByteDance' } as const;

const CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; }
.box { max-width: 360px; box-sizing: border-box; padding: 12px 40px 12px 14px; border-radius: 8px;
  font: 14px/1.4 system-ui, sans-serif; color: #1f2937; background: #fffbeb; border: 2px solid #b45309;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); position: relative; }
.box.limit { background: #fef2f2; border-color: #b91c1c; }
.title { font-weight: 600; margin: 0 0 4px; }
p { margin: 0 0 4px; }
ol { margin: 4px 0 0; padding-left: 20px; }
button { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; border: 0; border-radius: 4px;
  background: transparent; color: inherit; font-size: 18px; line-height: 1; cursor: pointer; }
button:focus-visible { outline: 2px solid #1d4ed8; }
`;

function text(doc: Document, tag: string, content: string, className?: string): HTMLElement {
  const el = doc.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

export function bannerHeadline(state: LimitState): string {
  if (state.state === 'last-one') return '1 application left';
  if (state.state === 'reached') return `Application limit reached (${state.used} of ${state.limit})`;
  if (state.state === 'over') return `Over the application limit (${state.used} of ${state.limit})`;
  return '';
}

function applicationLine(app: LimitApplication): string {
  return `${app.title} (${SITE_NAMES[app.site]}, ${localDay(app.appliedAt)})`;
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
 * Shows the banner when one slot is left or none; removes it otherwise. Replaces any banner
 * already on the page, so calling it again with a new state is safe. `onDismiss` runs after the
 * user closes it (the caller remembers the dismissal).
 */
export function renderLimitBanner(doc: Document, state: LimitState, onDismiss: () => void): BannerHandle | null {
  removeLimitBanner(doc);
  if (state.state === 'ok') return null;

  const host = doc.createElement(BANNER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  applyStyles(doc, root);

  const atLimit = state.state !== 'last-one';
  const box = doc.createElement('div');
  box.className = atLimit ? 'box limit' : 'box';
  // An alert interrupts; that is right only when another application would not be considered.
  box.setAttribute('role', atLimit ? 'alert' : 'status');
  box.setAttribute('aria-labelledby', 'job-lens-banner-title');

  const title = text(doc, 'p', `Job Lens: ${bannerHeadline(state)}`, 'title');
  title.id = 'job-lens-banner-title';
  box.append(title);
  box.append(
    text(
      doc,
      'p',
      'TikTok and ByteDance jobs share one limit, and applications are considered in the order made. ' +
        (state.applications.length > 0 ? 'Your applications so far:' : ''),
    ),
  );
  if (state.applications.length > 0) {
    const list = doc.createElement('ol');
    for (const app of state.applications) list.append(text(doc, 'li', applicationLine(app)));
    box.append(list);
  }

  const close = text(doc, 'button', '×');
  close.setAttribute('type', 'button');
  close.setAttribute('aria-label', 'Dismiss the application limit notice');
  close.addEventListener('click', () => {
    host.remove();
    onDismiss();
  });
  box.append(close);

  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root };
}
