import { parseDocument } from '../../../lib/extract/node';
import { readPage, type PageText } from '../../../lib/extract/page';

/**
 * What the content script sends (`page:read`) from an early-career job page in Singapore with the
 * two-application rule in its text: the way the tests record a visit as the extension does.
 */
export function campusPageText(title: string): PageText {
  return readPage(
    parseDocument(`<html><body><div>Technology</div><h1>${title} - 2026 Start (BS/MS)</h1>
      <div><span>Location</span><span>:</span><span>Singapore</span></div>
      <h2>Responsibilities</h2><p>Candidates can apply to a maximum of two positions and will be considered for jobs in the order you apply. The application limit is applicable to TikTok and its affiliates' jobs globally.</p>
      <ul><li>Build things.</li></ul><h2>Qualifications</h2><ul><li>Bachelor's degree.</li></ul></body></html>`),
  );
}
