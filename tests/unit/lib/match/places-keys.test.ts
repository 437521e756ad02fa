import { describe, expect, it } from 'vitest';
import { matchPosting } from '../../../../lib/match/match';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { extractFromHtml } from '../../../../lib/extract/node';

describe('profile text that names built-in object keys', () => {
  it('is read as text, not as a place, and never throws', () => {
    const page = `<h1>Data Engineer Intern - 2026 Start (BS/MS)</h1><div><span>Location</span><span>:</span><span>Singapore</span></div>
      <h2>Qualifications</h2><ul><li>Able to work on-site at our Singapore office.</li></ul>`;
    const read = extractFromHtml(page, new URL('https://lifeattiktok.com/search/7500000000000000001'), new Date('2026-01-01T00:00:00Z'));
    if (!read.ok) throw new Error(read.reason);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const profile = ProfileSchema.parse({ locations: [name], workAuthorization: [{ country: name, status: 'citizen' }] });
      const report = matchPosting(read.posting, profile, new Date('2026-01-01T00:00:00Z'));
      expect(report.minimum[0]?.verdict, name).toBe('unmet');
    }
  });
});
