import { parseHTML } from 'linkedom';
import { type ExtractResult, extractPosting } from './extract';

/** The Node side of extraction (CLIs, tests, benchmarks): same code as the content script, on linkedom's DOM. */
export function parseDocument(html: string): Document {
  // Browsers put a bare fragment into <body>; linkedom does not, so give it the document around it.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

export function extractFromHtml(html: string, url: URL, now: Date): ExtractResult {
  return extractPosting(parseDocument(html), url, now);
}
