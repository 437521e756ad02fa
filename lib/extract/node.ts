import { parseHTML } from 'linkedom';
import { type ExtractResult, extractPosting } from './extract';

/** The Node side of extraction (CLIs, tests, benchmarks): same code as the content script, on linkedom's DOM. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function extractFromHtml(html: string, url: URL, now: Date): ExtractResult {
  return extractPosting(parseDocument(html), url, now);
}
