import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, freshProfileDir, snapshotBuild, waitFor, type Row } from './harness';
import {
  APPLIED_URL,
  clickNode,
  dumpDatabase,
  HISTORY_URL,
  localInstant,
  readNote,
  REFERRAL_APPLIED_URL,
  serveFlowPages,
  TOKEN,
  type FlowPages,
} from './flows-driver';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Submissions and the history read from the site, in real Chromium (MV3): a form then the
 * confirmation reached by the single-page app, a form then the confirmation by a load, a referral
 * form with its token (never stored), the history bringing in an application made elsewhere, and
 * the browser restarted between a form and its confirmation.
 */

describe('chromium: applications recorded from the site', () => {
  let server: FixtureServer;
  let pages: FlowPages;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let browser: PopupChromium;
  /**
   * Applications counted, summed over their programs: the limit is per program, and what these
   * flows check is that each application counts once, whatever program it falls in.
   */
  const used = async () =>
    ((await browser.send('limit:get', {})) as { limit: { programs: { used: number }[] } }).limit.programs.reduce((n, p) => n + p.used, 0);
  const launch = () => launchPopupChromium(server.port, { userDataDir: profile.dir, extensionDir: build.dir });

  const row = (jobId: string, what = 'in the database', check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId} ${what}`, async () => (await browser.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));
  const noteOn = (page: Page, start: string) =>
    waitFor(`the note "${start}…" on ${page.url()}`, async () => {
      const note = await readNote(page);
      return note?.text.startsWith(start) ? note : undefined;
    });
  /** A job page visited and saved, then its form opened by a load (the form is recorded as started). */
  const openForm = async (jobUrl: string, jobId: string, formUrl: string) => {
    const job = await browser.open(jobUrl);
    await row(jobId);
    await job.close();
    const form = await browser.open(formUrl);
    await row(jobId, 'with its form opened', (r) => r.applyStartedAt !== null);
    return form;
  };

  beforeAll(async () => {
    server = await startFixtureServer([]);
    pages = serveFlowPages(server);
    for (const f of pages.fixtures) server.addPage(f.url.href, f.html);
    build = snapshotBuild(CHROME_BUILD, 'npm run build');
    profile = freshProfileDir('flows');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('records the application when the form moves to the confirmation without a load, and the note undoes exactly that', async () => {
    const { spa } = pages;
    const form = await openForm(spa.url.href, spa.posting.jobId, pages.formOf(spa));
    const before = Date.now();
    await form.evaluate((href) => (window as unknown as { __e2eNav: { go(h: string): Promise<void> } }).__e2eNav.go(href), APPLIED_URL);
    const applied = await row(spa.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(Date.parse(String(applied.appliedAt))).toBeGreaterThanOrEqual(before - 1000);
    expect([applied.applyStartedAt, applied.appliedDateUnknown, applied.viaReferral]).toEqual([null, false, false]);
    const note = await noteOn(form, 'Job Lens recorded your application');
    expect(note.text).toContain(spa.posting.title);
    // The page's scripts see the host element, not what is inside.
    expect(await form.evaluate(() => document.querySelector('job-lens-note')?.shadowRoot ?? 'closed')).toBe('closed');

    await clickNode(form, note.undoButton!);
    await noteOn(form, 'Undone');
    const undone = await row(spa.posting.jobId, 'back to its form opened', (r) => r.appliedAt === null);
    expect([undone.status, undone.applyStartedAt === null]).toEqual(['seen', false]);

    // Submitted for real this time: a new form, a new confirmation.
    await form.goto(pages.formOf(spa));
    await form.evaluate((href) => (window as unknown as { __e2eNav: { go(h: string): Promise<void> } }).__e2eNav.go(href), APPLIED_URL);
    await row(spa.posting.jobId, 'applied again', (r) => r.status === 'applied');
    await form.close();
  });

  it('records the application when the confirmation comes by a full load', async () => {
    const { load } = pages;
    const form = await openForm(load.url.href, load.posting.jobId, pages.formOf(load));
    await form.goto(APPLIED_URL, { waitUntil: 'load' });
    const applied = await row(load.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(applied.applyStartedAt).toBeNull();
    await noteOn(form, 'Job Lens recorded your application');
    expect(await used()).toBe(2);
    await form.close();
  });

  it('does not count the confirmation page opened by hand in a tab that showed no form', async () => {
    const tab = await browser.open(APPLIED_URL);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await readNote(tab)).toBeNull();
    expect(await used()).toBe(2);
    await tab.close();
  });

  it('records a referral form, flags the job, and stores the token nowhere', async () => {
    const jobId = pages.referralJob;
    const form = await openForm(pages.jobUrl(jobId), jobId, pages.referralFormUrl(jobId));
    expect(form.url()).toContain(TOKEN);
    await form.goto(REFERRAL_APPLIED_URL, { waitUntil: 'load' });
    const applied = await row(jobId, 'applied', (r) => r.status === 'applied');
    expect([applied.viaReferral, applied.url]).toEqual([true, pages.jobUrl(jobId)]);
    const dump = await dumpDatabase(browser.readStore);
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain('token=');
    await form.close();
  });

  it('brings in from the history page an application made elsewhere, with the site’s date, and keeps the user’s own', async () => {
    const { elsewhere, spa } = pages;
    const job = await browser.open(elsewhere.url.href);
    await row(elsewhere.posting.jobId);
    await job.close();
    const spaBefore = await row(spa.posting.jobId);

    const history = await browser.open(`${HISTORY_URL}?e2e-late=800`);
    const applied = await row(elsewhere.posting.jobId, 'applied from the history', (r) => r.status === 'applied');
    expect(applied.appliedAt).toBe(localInstant(pages.elsewhereDate));
    expect(applied.siteStatus).toMatchObject({ text: 'Resume screening', appliedAt: localInstant(pages.elsewhereDate) });
    // Applied here today; the site's earlier date is kept beside it, not over it.
    const spaAfter = await row(spa.posting.jobId, 'with the site status', (r) => r.siteStatus !== null);
    expect([spaAfter.status, spaAfter.appliedAt]).toEqual([spaBefore.status, spaBefore.appliedAt]);
    expect(spaAfter.siteStatus).toMatchObject({ text: 'Resume screening', appliedAt: localInstant('2026-06-02T06:05') });
    const kept = await waitFor('the application never seen', async () => {
      const rows = await browser.readStore('siteApplications');
      return rows.length > 0 ? rows : undefined;
    });
    expect(kept.map((r) => [r.title, r.status, r.appliedAt])).toEqual([
      ['Frontend Engineer Intern (TikTok Shop) - 2026 Start (BS/MS)', 'Not selected', localInstant('2026-04-11T09:12')],
    ]);
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

  it('loses nothing when the browser restarts between the form and the confirmation', async () => {
    const jobId = pages.restartJob;
    const form = await openForm(pages.jobUrl(jobId), jobId, pages.formOf(jobId));
    await form.close();
    await browser.close();

    browser = await launch();
    const started = await row(jobId, 'still marked as started', (r) => r.applyStartedAt !== null);
    expect(started.appliedAt).toBeNull();
    const tab = await browser.open(APPLIED_URL);
    const applied = await row(jobId, 'applied after the restart', (r) => r.status === 'applied');
    expect(applied.applyStartedAt).toBeNull();
    await noteOn(tab, 'Job Lens recorded your application');
    expect(await used()).toBe(7);
    // Each in its own program: the PhD job and its copies, and the BS/MS jobs with the history's row,
    // whose site date (months ago) makes BS/MS the program applied to first.
    const { limit: byProgram } = (await browser.send('limit:get', {})) as {
      limit: { programs: { program: { label: string }; used: number }[] };
    };
    expect(byProgram.programs.map((p) => [p.program.label, p.used])).toEqual([
      ['Undergrad/Master Intern · 2026 Start', 3],
      ['PhD Intern · 2026 Start', 4],
    ]);
    await tab.close();
  });
});
