import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotPageUrl } from '../../lib/capture/snapshot';
import { extractFromHtml, parseDocument } from '../../lib/extract/node';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROME_BUILD, CHROMIUM_PATH, freshProfileDir, requireBrowser, ROOT, waitFor } from './harness';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * "This posting was read wrong" in real Chromium: a job page as a signed-in user has it (an
 * account menu with their address, a form they typed into, a referral link, a tracking image, a
 * page script), the popup's button, and the file the browser saves. The file must name the page
 * without its query (a referral token), the extension's version, hold the page's content in the
 * page's order, nothing personal and nothing that runs; and `npm run -s fixture` must turn it into
 * a fixture that reads as the page does.
 */

const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-003');
const PERSONAL = 'jane.doe@example.org';
const TYPED = '+44 7700 900123';
const TOKEN = 'SECRET123';
// What the snapshot drops with its content, as the popup's sanitiser lists them.
const DROPPED =
  'script,style,link,meta,noscript,template,iframe,frame,object,embed,svg,canvas,video,audio,img,picture,source,input,textarea,select,option';

/** The page's texts in document order, outside the elements a snapshot drops. */
function textsIn(root: ParentNode & Node, dropped: string): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (text) texts.push(text);
      } else if (child.nodeType === 1 && !(child as Element).matches(dropped)) walk(child);
    }
  };
  walk(root);
  return texts;
}

describe('chromium: the popup saves a snapshot of the job page', () => {
  let server: FixtureServer;
  let browser: PopupChromium;
  let tab: Page;
  let saved: { name: string; text: string; path: string; status: string };
  let liveTexts: string[];
  const scratch = freshProfileDir('snapshot-fixtures');

  beforeAll(async () => {
    requireBrowser(CHROMIUM_PATH);
    server = await startFixtureServer(fixtures);
    browser = await launchPopupChromium(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    scratch.remove();
  });

  it('saves the file from the popup on a job page a signed-in user has open', async () => {
    tab = await browser.open(`${JOB.url.href}&token=${TOKEN}#top`);
    await waitFor('the job in the database', async () =>
      (await browser.readStore('jobs')).some((r) => r.jobId === JOB.posting.jobId) ? true : undefined,
    );
    // What a signed-in page carries besides the posting; the phone number is typed, as a user would.
    await tab.evaluate(
      ({ personal, token }) => {
        const account = document.createElement('div');
        account.className = 'account';
        account.innerHTML =
          `<span>Signed in as ${personal}</span><a href="/referral/tiktok?token=${token}">My referrals</a>` +
          '<form><input name="phone" aria-label="Phone"><textarea>my notes</textarea></form>' +
          '<img src="https://tracker.example/pixel.gif?u=42" alt=""><script>window.secret = "abc"</script>';
        document.body.prepend(account);
        const tail = document.createElement('div');
        tail.setAttribute('onclick', 'steal()');
        tail.dataset.user = '42';
        tail.textContent = 'tail';
        document.body.append(tail);
      },
      { personal: PERSONAL, token: TOKEN },
    );
    await tab.getByLabel('Phone').fill(TYPED);
    liveTexts = await tab.evaluate(
      ({ dropped, source }) =>
        (new Function('root', 'dropped', `return (${source})(root, dropped)`) as (r: Node, d: string) => string[])(document.body, dropped),
      { dropped: DROPPED, source: textsIn.toString() },
    );

    const popup = await browser.openPopup(tab);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'This posting was read wrong: save a snapshot' }).click(),
    ]);
    const path = join(scratch.dir, download.suggestedFilename());
    await download.saveAs(path);
    const status = await waitFor(
      'the popup to say it saved',
      async () => (await popup.locator('p.snapshot [role="status"]').textContent())?.trim() || undefined,
    );
    saved = { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path, status };
    expect(saved.name).toMatch(new RegExp(`^job-lens-snapshot-${JOB.posting.jobId}-\\d{4}-\\d{2}-\\d{2}\\.html$`));
    expect(saved.status).toBe(`Saved ${saved.name}: the job page without scripts, form fields or your details. Attach it to your report.`);
  });

  it('names the page without its query or fragment, and the extension version', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { version: string };
    expect(snapshotPageUrl(saved.text)).toBe(`https://lifeattiktok.com/search/${JOB.posting.jobId}`);
    expect(saved.text).toContain(`<meta name="job-lens:version" content="${manifest.version}">`);
    expect(
      saved.text.startsWith(
        `<!-- Job Lens snapshot of https://lifeattiktok.com/search/${JOB.posting.jobId}, extension ${manifest.version}, saved `,
      ),
    ).toBe(true);
  });

  it('keeps nothing personal and nothing that runs', () => {
    for (const absent of [
      PERSONAL,
      TYPED,
      TOKEN,
      'spread=',
      'my notes',
      '<script',
      '<input',
      '<textarea',
      '<img',
      '<iframe',
      'onclick',
      'href=',
      'src=',
      'data-user',
      'window.secret',
      'tracker.example',
    ]) {
      expect(saved.text, absent).not.toContain(absent);
    }
    expect(saved.text).toContain('Signed in as [address removed]');
    // The careers site's own contact address is part of the posting.
    expect(saved.text).toContain('apac-earlycareers@tiktok.com');
  });

  it('holds the page’s text in the page’s order', () => {
    // Joined: parsers split text nodes differently (at an entity, say); the words and their order must agree.
    const copy = textsIn(parseDocument(saved.text).body as unknown as ParentNode & Node, DROPPED).join(' ');
    expect(liveTexts.length).toBeGreaterThan(20);
    expect(copy).toBe(liveTexts.join(' ').replace(PERSONAL, '[address removed]'));
  });

  it('reads as the page does, and `npm run -s fixture` turns it into a fixture in one step', () => {
    const url = new URL(snapshotPageUrl(saved.text)!);
    const read = extractFromHtml(saved.text, url, new Date());
    if (!read.ok) throw new Error(`the snapshot does not read as a job: ${read.reason}`);
    for (const [field, value] of Object.entries(JOB.posting))
      expect(read.posting[field as keyof typeof read.posting], field).toEqual(value);

    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/fixture.ts', saved.path, '--name', 'report-from-e2e'],
      {
        cwd: ROOT,
        env: { ...process.env, JOB_LENS_FIXTURES_DIR: scratch.dir },
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(join(scratch.dir, 'report-from-e2e.expected.json'), 'utf8')) as {
      expect: string;
      url: string;
      posting: Record<string, unknown>;
    };
    expect(expected.expect).toBe('job');
    expect(expected.url).toBe(url.href);
    for (const [field, value] of Object.entries(JOB.posting)) expect(expected.posting[field], field).toEqual(value);
    expect(readFileSync(join(scratch.dir, 'report-from-e2e.html'), 'utf8')).toBe(saved.text);
  });
});
