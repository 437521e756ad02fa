import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../lib/extract/node';
import { showsDuplicateDialog, showsSubmission } from '../../../../lib/flows/page';

const html = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures', name), 'utf8');

describe('the confirmation page and the duplicate dialog, read by their visible texts', () => {
  it('sees "We have received your resume." on the confirmation page, and no duplicate dialog there', () => {
    const doc = parseDocument(html('tiktok-applied.html'));
    expect(showsSubmission(doc)).toBe(true);
    expect(showsDuplicateDialog(doc)).toBe(false);
  });

  it('does not take the hidden CMS text every route ships for a confirmation or a dialog', () => {
    const doc = parseDocument(html('tiktok-applied.html'));
    for (const el of Array.from(doc.querySelectorAll('main div'))) if (/received your resume/.test(el.textContent ?? '')) el.remove();
    // The same words remain in the hidden block; the page now shows only its shell.
    expect(doc.body.innerHTML).toContain('We have received your resume.');
    expect(showsSubmission(doc)).toBe(false);
    expect(showsSubmission(parseDocument(html('tiktok-apply-form.html')))).toBe(false);
    expect(showsDuplicateDialog(parseDocument(html('tiktok-history.html')))).toBe(false);
  });

  it('sees the duplicate dialog on the form, and only while it is shown', () => {
    const doc = parseDocument(html('tiktok-duplicate-dialog.html'));
    expect(showsDuplicateDialog(doc)).toBe(true);
    expect(showsSubmission(doc)).toBe(false);
    doc.querySelector('[aria-modal="true"]')!.remove();
    expect(showsDuplicateDialog(doc)).toBe(false);
  });

  it('needs both the title and the sentence of the dialog', () => {
    const titleOnly = parseDocument('<html><body><main><h2>Application Failed</h2><p>Please try again later.</p></main></body></html>');
    expect(showsDuplicateDialog(titleOnly)).toBe(false);
    const curly = parseDocument(
      '<html><body><div role="dialog"><p>Application Failed</p><p>You’ve already applied for this job. Unable to apply again.</p></div></body></html>',
    );
    expect(showsDuplicateDialog(curly)).toBe(true);
  });
});
