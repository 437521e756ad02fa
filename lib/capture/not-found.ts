import { NOT_FOUND_HEADINGS } from '../sites/texts';

/** Marks that hide a subtree without layout (the sites hide their CMS copy with these). */
function hiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (node.classList.contains('hidden')) return true;
    // An inline style is short and written by the site's own build: a bounded test.
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test((node.getAttribute('style') ?? '').slice(0, 500))) return true;
  }
  return false;
}

/**
 * Whether the page shows the site's not-found view: a not-found heading that is not inside the
 * hidden CMS copy every route carries. Read from markup only, so Node tests (linkedom, no layout)
 * decide as the browser does.
 */
export function showsNotFound(doc: Document): boolean {
  for (const heading of Array.from(doc.querySelectorAll('h1, h2'))) {
    const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (NOT_FOUND_HEADINGS.some((re) => re.test(text)) && !hiddenByMarkup(heading)) return true;
  }
  return false;
}
