import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_TAG } from '../../lib/banner/note';
import { FIREFOX_BUILD, freshProfileDir, snapshotBuild, waitFor, type Row } from './harness';
import {
  APPLIED_URL,
  dumpDatabase,
  HISTORY_URL,
  localInstant,
  REFERRAL_APPLIED_URL,
  serveFlowPages,
  TOKEN,
  type FlowPages,
} from './flows-driver';
import { installAddonInProfile, launchFirefoxProfile, type FirefoxSession } from './limit-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Submissions and the history read from the site, in Firefox ESR (the MV2 build): the same flows as
 * in Chromium. The add-on is installed in the profile, so closing Firefox and starting it again on
 * that profile is a browser restart that keeps it. Firefox's page scripts cannot open the note's
 * closed shadow root, so the note is seen by its host element; its undo is tested in Chromium.
 */

describe('firefox: applications recorded from the site', () => {
  let server: FixtureServer;
  let pages: FlowPages;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let firefox: FirefoxSession;

  const row = (jobId: string, what = 'in the database', check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId} ${what}`, async () => (await firefox.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));
  /** Applications counted, summed over their programs (the limit is per program): each counts once. */
  const used = async () =>
    ((await firefox.send('limit:get', {})) as { limit: { programs: { used: number }[] } }).limit.programs.reduce((n, p) => n + p.used, 0);
  const noteShown = (page: Page) =>
    waitFor(
      'the note on the page',
      async () =>
        (await page.evaluate((tag) => {
          const host = document.querySelector(tag);
          return host ? { closed: host.shadowRoot === null, text: host.textContent } : null;
        }, NOTE_TAG)) ?? undefined,
    );
  const openForm = async (jobUrl: string, jobId: string, formUrl: string) => {
    const job = await firefox.open(jobUrl);
    await row(jobId);
    await job.close();
    const form = await firefox.open(formUrl);
    await row(jobId, 'with its form opened', (r) => r.applyStartedAt !== null);
    return form;
  };

  beforeAll(async () => {
    server = await startFixtureServer([]);
    pages = serveFlowPages(server);
    for (const f of pages.fixtures) server.addPage(f.url.href, f.html);
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('flows-firefox');
    installAddonInProfile(profile.dir, build.dir);
    firefox = await launchFirefoxProfile(server.port, profile.dir);
  });
  afterAll(async () => {
    await firefox?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('records the application when the form moves to the confirmation without a load', async () => {
    const { spa } = pages;
    const form = await openForm(spa.url.href, spa.posting.jobId, pages.formOf(spa));
    const before = Date.now();
    await form.evaluate((href) => (window as unknown as { __e2eNav: { go(h: string): Promise<void> } }).__e2eNav.go(href), APPLIED_URL);
    const applied = await row(spa.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(Date.parse(String(applied.appliedAt))).toBeGreaterThanOrEqual(before - 1000);
    expect([applied.applyStartedAt, applied.viaReferral]).toEqual([null, false]);
    // A closed shadow root: the page sees an empty host.
    expect(await noteShown(form)).toEqual({ closed: true, text: '' });
    await form.close();
  });

  it('records the application when the confirmation comes by a full load', async () => {
    const { load } = pages;
    const form = await openForm(load.url.href, load.posting.jobId, pages.formOf(load));
    await form.goto(APPLIED_URL, { waitUntil: 'load' });
    await row(load.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(await used()).toBe(2);
    await form.close();
  });

  it('records a referral form, flags the job, and stores the token nowhere', async () => {
    const jobId = pages.referralJob;
    const form = await openForm(pages.jobUrl(jobId), jobId, pages.referralFormUrl(jobId));
    await form.goto(REFERRAL_APPLIED_URL, { waitUntil: 'load' });
    const applied = await row(jobId, 'applied', (r) => r.status === 'applied');
    expect([applied.viaReferral, applied.url]).toEqual([true, pages.jobUrl(jobId)]);
    const dump = await dumpDatabase(firefox.readStore);
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain('token=');
    await form.close();
  });

  it('brings in from the history page an application made elsewhere, with the site’s date', async () => {
    const { elsewhere, spa } = pages;
    const job = await firefox.open(elsewhere.url.href);
    await row(elsewhere.posting.jobId);
    await job.close();
    const spaBefore = await row(spa.posting.jobId);
    const history = await firefox.open(`${HISTORY_URL}?e2e-late=800`);
    const applied = await row(elsewhere.posting.jobId, 'applied from the history', (r) => r.status === 'applied');
    expect(applied.appliedAt).toBe(localInstant(pages.elsewhereDate));
    const spaAfter = await row(spa.posting.jobId, 'with the site status', (r) => r.siteStatus !== null);
    expect([spaAfter.status, spaAfter.appliedAt]).toEqual([spaBefore.status, spaBefore.appliedAt]);
    await waitFor('the application never seen', async () =>
      (await firefox.readStore('siteApplications')).length === 1 ? true : undefined,
    );
    expect(await used()).toBe(5);
    await history.close();
  });

  it('records a job as applied, date unknown, when its form shows the "already applied" dialog', async () => {
    const jobId = pages.dialogJob;
    const form = await openForm(pages.jobUrl(jobId), jobId, pages.formOf(jobId));
    // Submitting shows the site's dialog a moment later, as a portal at the end of the body.
    await form.evaluate((markup) => {
      document.body.insertAdjacentHTML('beforeend', markup);
    }, pages.dialogHtml);
    const applied = await row(jobId, 'applied', (r) => r.status === 'applied');
    expect([applied.appliedDateUnknown, applied.applyStartedAt]).toEqual([true, null]);
    expect(await used()).toBe(6);
    await form.close();
  });

  it('loses nothing when Firefox restarts between the form and the confirmation', async () => {
    const jobId = pages.restartJob;
    const form = await openForm(pages.jobUrl(jobId), jobId, pages.formOf(jobId));
    await form.close();
    await firefox.close();

    firefox = await launchFirefoxProfile(server.port, profile.dir);
    expect((await row(jobId, 'still marked as started', (r) => r.applyStartedAt !== null)).appliedAt).toBeNull();
    const tab = await firefox.open(APPLIED_URL);
    await row(jobId, 'applied after the restart', (r) => r.status === 'applied');
    expect(await used()).toBe(7);
    // Each in its own program: the PhD job and its copies, and the BS/MS jobs with the history's row,
    // whose site date (months ago) makes BS/MS the program applied to first.
    const { limit: byProgram } = (await firefox.send('limit:get', {})) as {
      limit: { programs: { program: { label: string }; used: number }[] };
    };
    expect(byProgram.programs.map((p) => [p.program.label, p.used])).toEqual([
      ['Undergrad/Master Intern · 2026 Start', 3],
      ['PhD Intern · 2026 Start', 4],
    ]);
    await tab.close();
  });
});
