import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFileName, snapshotPageUrl, snapshotUrl, takeSnapshot } from '../../../../lib/capture/snapshot';
import { extractFromHtml, parseDocument } from '../../../../lib/extract/node';

const DIR = join(import.meta.dirname, '../../../fixtures');
const NOW = new Date('2026-11-01T12:00:00Z');

/** A fixture page as a signed-in user sees it: account menu, a form, handlers, tokens in links. */
function signedInPage(html: string): string {
  return html
    .replace(
      /<body([^>]*)>/,
      '<body$1><div class="account"><span>Signed in as jane.doe@example.org</span><a href="/referral/tiktok?token=SECRET123">My referrals</a>' +
        '<form><input name="phone" value="+44 7700 900123"><textarea>my notes</textarea><select><option selected>London</option></select></form>' +
        '<img src="https://tracker.example/pixel.gif?u=42" onerror="alert(1)"><iframe src="https://ads.example/"></iframe></div>',
    )
    .replace('</body>', '<script>window.secret = "abc"</script><div onclick="steal()" data-user="42">tail</div></body>');
}

const jobFixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({ name: f.replace(/\.expected\.json$/, ''), expected: JSON.parse(readFileSync(join(DIR, f), 'utf8')) }))
  .filter((f) => f.expected.expect === 'job');

describe('takeSnapshot', () => {
  const fixture = jobFixtures.find((f) => f.name === 'tiktok-seed-003')!;
  const html = signedInPage(readFileSync(join(DIR, `${fixture.name}.html`), 'utf8'));
  const url = new URL(`${fixture.expected.url}&token=SECRET123#top`);
  const snapshot = takeSnapshot(parseDocument(html), url, '0.1.0', NOW);

  it('opens with its origin: the page address without query, the extension version, the time', () => {
    expect(snapshot.startsWith(`<!-- Job Lens snapshot of ${snapshotUrl(url)}, extension 0.1.0, saved 2026-11-01T12:00:00.000Z`)).toBe(
      true,
    );
    expect(snapshotPageUrl(snapshot)).toBe('https://lifeattiktok.com/search/7511946310275172616');
  });

  it('keeps no scripts, form controls, frames, images, handlers, link addresses or personal data', () => {
    for (const absent of [
      '<script',
      '<input',
      '<textarea',
      '<select',
      '<iframe',
      '<img',
      'onerror',
      'onclick',
      'href=',
      'src=',
      'data-user',
      'SECRET123',
      'jane.doe@example.org',
      '+44 7700',
      'window.secret',
      'tracker.example',
      '__next_f',
    ]) {
      expect(snapshot, absent).not.toContain(absent);
    }
    expect(snapshot).toContain('[address removed]');
    expect(snapshot).toContain('apac-earlycareers@tiktok.com');
  });

  it('is named after the job and the day', () => {
    expect(snapshotFileName(url, NOW)).toBe('job-lens-snapshot-7511946310275172616-2026-11-01.html');
  });
});

describe('a snapshot reads as the page it was taken of', () => {
  for (const { name, expected } of jobFixtures) {
    it(name, () => {
      const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
      const url = new URL(expected.url);
      const original = extractFromHtml(html, url, NOW);
      const copy = extractFromHtml(takeSnapshot(parseDocument(signedInPage(html)), url, '0.1.0', NOW), url, NOW);
      expect(copy).toEqual(original);
    });
  }
});
