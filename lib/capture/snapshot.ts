/**
 * "This posting was read wrong": a copy of the job page that can become a test fixture. It keeps
 * what the extractor reads (the head's titles and the body's elements, texts, classes, inline styles
 * and the attributes that hide or mark them) and nothing that could act or identify the user: no
 * scripts, styles, frames, images or form controls, no event handlers, no link addresses, no query
 * strings, no e-mail addresses but the careers sites' own. `npm run -s extract` reads the result,
 * and `npm run -s fixture` turns it into a fixture.
 */

// Elements dropped with everything inside them.
const DROPPED =
  'script,style,link,meta,noscript,template,iframe,frame,object,embed,svg,canvas,video,audio,img,picture,source,input,textarea,select,option';
// Attributes kept; every other one (event handlers, href, src, data-*, ids, values) goes.
const KEPT_ATTRIBUTES = new Set(['class', 'style', 'hidden', 'role', 'aria-hidden', 'lang', 'dir']);
// Addresses of the careers sites are part of the posting (the contact address); any other is not kept.
const EMAIL = /[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const SITE_EMAIL = /@(?:[\w-]+\.)*(?:tiktok|bytedance)\.com$/i;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page address without its query and fragment, which can carry referral tokens and tracking. */
export const snapshotUrl = (url: URL): string => `${url.origin}${url.pathname}`;

export function snapshotFileName(url: URL, now: Date): string {
  const id = /\d{6,25}/.exec(url.pathname)?.[0] ?? 'page';
  return `job-lens-snapshot-${id}-${now.toISOString().slice(0, 10)}.html`;
}

/** The sanitised page as an HTML document, its origin in a comment at the top. */
export function takeSnapshot(doc: Document, url: URL, version: string, now: Date): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(body.querySelectorAll(DROPPED))) el.remove();
  for (const el of [body, ...Array.from(body.querySelectorAll('*'))]) {
    for (const name of el.getAttributeNames()) if (!KEPT_ATTRIBUTES.has(name.toLowerCase())) el.removeAttribute(name);
  }
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.includes('@')) node.nodeValue = text.replace(EMAIL, (m) => (SITE_EMAIL.test(m) ? m : '[address removed]'));
  }
  const page = snapshotUrl(url);
  const title = doc.querySelector('title')?.textContent ?? '';
  const ogTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return [
    `<!-- Job Lens snapshot of ${escapeHtml(page).replace(/--/g, '- -')}, extension ${escapeHtml(version)}, saved ${now.toISOString()}: the page as the browser showed it, sanitised (no scripts, form controls, images, link addresses or personal data). -->`,
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.documentElement.lang || 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="job-lens:url" content="${escapeHtml(page)}">`,
    `<meta name="job-lens:version" content="${escapeHtml(version)}">`,
    `<title>${escapeHtml(title)}</title>`,
    ogTitle == null ? '' : `<meta property="og:title" content="${escapeHtml(ogTitle)}">`,
    '</head>',
    body.outerHTML,
    '</html>',
    '',
  ].join('\n');
}

/** The page address a snapshot names, or null for any other HTML. */
export function snapshotPageUrl(html: string): string | null {
  return /<meta name="job-lens:url" content="([^"<>]{1,2000})">/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;
}
