import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { extractFromHtml, parseDocument } from '../../lib/extract/node';
import { readPage } from '../../lib/extract/page';
import { emptyProfile } from '../../lib/profile/schema';
import { fixtureNamed, jobFixtures, loadFixtures, type JobFixture } from './fixtures';
import { CHROME_BUILD, snapshotBuild, waitFor, type Row } from './harness';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';
import { builtManifest, documentWithoutOwnScript, hostilePage, readObservations } from './trust-pages';

/**
 * Trust boundaries in Chromium, on the built extension:
 * - code running in the content script's own isolated world (what a compromised renderer of the
 *   careers site can run) is refused every privileged message, while sending its own tab's page
 *   text still works, read under the tab's address and id, not the message's;
 * - a page that answers WXT's "content script started" handshake does not stop Job Lens, and no
 *   message carrying the extension id reaches the page;
 * - the manifest asks for https only, with an explicit CSP.
 */

const jobs = jobFixtures(loadFixtures());
const ISOLATED = fixtureNamed(jobs, 'tiktok-seed-003');
const HOSTILE = fixtureNamed(jobs, 'tiktok-seed-002');

/** What the content script sends from the fixture's page. */
function pageTextOf(fixture: JobFixture) {
  return readPage(parseDocument(fixture.html));
}

function postingFor(fixture: JobFixture, overrides: Record<string, unknown> = {}) {
  const result = extractFromHtml(fixture.html, fixture.url, new Date());
  if (!result.ok) throw new Error(`${fixture.name}: ${result.reason}`);
  return { ...result.posting, ...overrides };
}

/** Every message an extension page may send and a content script may not, with a valid payload. */
function privilegedMessages(jobId: string, otherJobId: string): { name: string; data: unknown }[] {
  return [
    { name: 'apply:confirm', data: { jobId } },
    { name: 'apply:dismiss', data: { jobId } },
    { name: 'job:setStatus', data: { jobId, status: 'applied', appliedAt: '2026-01-05' } },
    { name: 'job:setNotes', data: { jobId, notes: 'written by the page' } },
    { name: 'job:acknowledgeChange', data: { jobId } },
    { name: 'job:delete', data: { jobId } },
    { name: 'settings:setCycleStart', data: { cycleStart: '2099-01-01' } },
    { name: 'settings:setRecordPrivate', data: { recordPrivateWindows: true } },
    { name: 'profile:save', data: { profile: emptyProfile() } },
    { name: 'apply:later', data: { jobId } },
    { name: 'job:setProgram', data: { jobId, program: 'none' } },
    { name: 'settings:setStrictLimit', data: { strict: true } },
    { name: 'data:deleteAll', data: { confirm: 'delete everything' } },
    { name: 'data:imported', data: {} },
    { name: 'data:status', data: {} },
    { name: 'data:dismissNotice', data: { id: 'any-notice' } },
    { name: 'data:snapshot', data: {} },
    // Content-script messages, each accepted only from its own kind of page: this tab shows a job.
    { name: 'apply:started', data: { site: 'tiktok', jobId } },
    { name: 'apply:submitted', data: {} },
    { name: 'apply:duplicate', data: {} },
    { name: 'apply:undo', data: { recordingId: 'recording-1' } },
    {
      name: 'history:read',
      data: { rows: [{ title: 'Written by the page', jobId, viaReferral: false, status: 'Applied', appliedAt: '2026-01-05' }] },
    },
    { name: 'flows:load', data: {} },
    // A posting made on the page, even of this tab's job: a reading time far ahead would have
    // frozen the job's text against every later visit. The page's text goes as page:read.
    { name: 'posting:seen', data: { posting: postingFor(ISOLATED, { extractedAt: '2999-01-01T00:00:00.000Z' }) } },
    // From a job page, but naming another job than the tab's: it would close that job.
    { name: 'posting:gone', data: { site: 'tiktok', jobId: otherJobId } },
  ];
}

/** The content script's isolated world in that page, found the way DevTools lists it. */
async function isolatedWorld(
  page: Page,
): Promise<{ cdp: CDPSession; run: (message: unknown) => Promise<{ ok: boolean; error?: string; value?: unknown }> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = await waitFor(
    "the content script's isolated world",
    async () => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Job Lens'),
    10_000,
  );
  const run = async (message: unknown) => {
    const result = await cdp.send('Runtime.evaluate', {
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails)
      throw new Error(`in the isolated world: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as { ok: boolean; error?: string; value?: unknown };
  };
  return { cdp, run };
}

describe('chromium: trust boundaries', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let browser: PopupChromium;

  const jobRow = (jobId: string) =>
    waitFor(`job ${jobId} in the database`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId));

  beforeAll(async () => {
    server = await startFixtureServer(jobs);
    build = snapshotBuild(CHROME_BUILD, 'npm run build');
    browser = await launchPopupChromium(server.port, { extensionDir: build.dir });
  });
  afterAll(async () => {
    await browser?.close();
    build?.remove();
    await server?.close();
  });

  it('asks for https only, with an explicit CSP and a minimum Chrome version', () => {
    const manifest = builtManifest(build.dir) as {
      host_permissions: string[];
      content_scripts: { matches: string[] }[];
      content_security_policy: { extension_pages: string };
      minimum_chrome_version: string;
      incognito: string;
      externally_connectable?: unknown;
      permissions: string[];
    };
    expect(manifest.host_permissions.length).toBeGreaterThan(0);
    for (const pattern of [...manifest.host_permissions, ...manifest.content_scripts.flatMap((c) => c.matches)]) {
      expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
    }
    expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
    expect(manifest.content_security_policy.extension_pages).toContain("object-src 'none'");
    expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
    expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    expect(manifest.incognito).toBe('spanning');
    expect(manifest.externally_connectable).toBeUndefined();
    // The README's permission table: the backup copy, exemption from eviction, the flows script.
    expect([...manifest.permissions].sort()).toEqual(['scripting', 'storage', 'unlimitedStorage']);
  });

  it("refuses every privileged message from the content script's world; its own tab's page still goes through", async () => {
    const jobId = ISOLATED.posting.jobId;
    const page = await browser.open(ISOLATED.url.href);
    const saved = await jobRow(jobId);
    const { cdp, run } = await isolatedWorld(page);
    try {
      const otherJobId = fixtureNamed(jobs, 'tiktok-seed-000').posting.jobId;
      for (const message of privilegedMessages(jobId, otherJobId)) {
        const reply = await run(message);
        expect(reply, message.name).toMatchObject({ ok: false, code: expect.stringMatching(/^(?:wrong-sender|refused)$/) });
      }
      // Nothing changed: the job is there with its status and notes, no cycle start, no profile.
      const after = (await browser.readStore('jobs')).find((r) => r.jobId === jobId) as Row;
      expect({ status: after.status, notes: after.notes, appliedAt: after.appliedAt }).toEqual({
        status: saved.status,
        notes: saved.notes,
        appliedAt: saved.appliedAt,
      });
      expect(await browser.readStore('settings')).toEqual([]);
      expect(await browser.readStore('profile')).toEqual([]);

      // A reading of another job, from this tab, is refused.
      const other = fixtureNamed(jobs, 'tiktok-seed-000');
      const elsewhere = await run({ name: 'page:read', data: { jobId: other.posting.jobId, page: pageTextOf(other), last: null } });
      expect(elsewhere).toMatchObject({
        ok: false,
        code: 'refused',
        message: expect.stringContaining(`but the tab shows job ${jobId}`),
      });
      expect((await browser.readStore('jobs')).some((r) => r.jobId === other.posting.jobId)).toBe(false);

      // This tab's own page goes through, read in the background under the tab's address.
      const own = await run({ name: 'page:read', data: { jobId, page: pageTextOf(ISOLATED), last: null } });
      expect(own).toMatchObject({ ok: true, value: { read: true } });
      const row = (await browser.readStore('jobs')).find((r) => r.jobId === jobId) as Row;
      expect(row.url).toBe(`https://lifeattiktok.com/search/${jobId}`);
      expect(row.extractedAt).not.toBe('2999-01-01T00:00:00.000Z');
      expect(await run({ name: 'limit:get', data: {} })).toMatchObject({ ok: true });
      // Closing the page banner belongs to job pages (and forms), so this tab may send it.
      expect(await run({ name: 'banner:dismiss', data: { key: 'undergrad-master-intern:0' } })).toMatchObject({ ok: true });
    } finally {
      await cdp.detach();
      await page.close();
    }
  });

  it("keeps working on a page that answers WXT's handshake, and tells the page nothing", async () => {
    const url = new URL(HOSTILE.url.href);
    server.addPage(url.href, hostilePage(HOSTILE.html, [browser.extensionId]));
    const page = await browser.open(url.href);
    try {
      const row = await jobRow(HOSTILE.posting.jobId);
      expect(row.title).toBe(HOSTILE.posting.title);
      // Leave the content script time to announce itself, as WXT's did at start: the page goes on
      // answering the handshake (every 25 ms, slower when the browser is busy) meanwhile.
      const seen = await waitFor('the page to have answered the handshake more than 10 times', async () => {
        const observed = await page.evaluate(readObservations);
        return observed.sent > 10 ? observed : undefined;
      });
      // The page's own posts come back to it; anything else would be ours.
      const ours = seen.seen.filter((text) => !text.includes('"messageId":"page"'));
      expect(ours).toEqual([]);
      expect(seen.seen.join('\n').replaceAll(`${browser.extensionId}:job:wxt:content-script-started`, '')).not.toContain(
        browser.extensionId,
      );
      expect(await page.evaluate(documentWithoutOwnScript)).not.toContain(browser.extensionId);
    } finally {
      await page.close();
    }
  });

  it('runs its pages within their CSP: neither the popup nor the options page sets off a violation', async () => {
    const job = await browser.open(ISOLATED.url.href);
    await jobRow(ISOLATED.posting.jobId);
    const record =
      "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));";
    const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    await browser.context.addInitScript(record);
    try {
      // The popup shows the job, scored against a profile: it parses stored rows and the profile.
      await browser.send('profile:save', { profile: { ...emptyProfile(), skills: ['Python', 'Go'] } });
      const popup = await browser.openPopup(job);
      await popup.getByText(ISOLATED.posting.title, { exact: false }).first().waitFor();
      const options = await browser.extensionPage('options.html');
      await options.getByRole('heading').first().waitFor();
      expect({ popup: await violations(popup), options: await violations(options) }).toEqual({ popup: [], options: [] });
      // The recorder hears a violation: an image from elsewhere, which the CSP refuses unloaded.
      await popup.evaluate(`document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/x.png' }))`);
      await waitFor('the refused image reported', async () =>
        (await violations(popup)).some((v) => v.startsWith('img-src')) ? true : undefined,
      );
      await popup.close();
      await options.close();
    } finally {
      await job.close();
    }
  });
});
