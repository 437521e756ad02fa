import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../lib/limit/limit';
import { applyFormOf, fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { FIREFOX_BUILD, freshProfileDir, pick, snapshotBuild, waitFor, type Row } from './harness';
import { installAddonInProfile, launchFirefoxProfile, rgb, serveApplyForm, type FirefoxSession } from './limit-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Applications and the limit in Firefox: a job captured, its application form opened
 * (started, not counted) and confirmed (1/2, amber), the last-slot banner on another job's page,
 * then Firefox closed and started again on the same profile with everything still there and the
 * badge worked out again at start-up. The add-on is installed in the profile, as a user's would be,
 * so the restart keeps it (a temporary install would not survive one).
 */

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const byName = (name: string) => fixtureNamed(jobs, name);
const FORM_JOB = byName('tiktok-seed-000');
const APPLIED = byName('tiktok-seed-003');
const OTHER = byName('tiktok-seed-002');
const FORM = applyFormOf(fixtures, FORM_JOB);

const BANNER_HOST = 'job-lens-limit-banner';

describe('firefox: capture, applications and the badge, across a restart', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let firefox: FirefoxSession;
  let formUrl: string;

  const row = (jobId: string, what = 'in the database', check: (r: Row) => boolean = () => true) =>
    waitFor(`job ${jobId} ${what}`, async () => (await firefox.readStore('jobs')).find((r) => r.jobId === jobId && check(r)));
  const badgeReads = (text: string) =>
    waitFor(`the badge to read ${text}`, async () => {
      const badge = await firefox.badge();
      return badge.text === text ? badge : undefined;
    });

  beforeAll(async () => {
    if (!FORM) throw new Error('the application-form fixture for tiktok-seed-000 is missing');
    server = await startFixtureServer(fixtures);
    formUrl = serveApplyForm(server, FORM, FORM_JOB, APPLIED);
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('limit-firefox');
    installAddonInProfile(profile.dir, build.dir);
    firefox = await launchFirefoxProfile(server.port, profile.dir);
  });
  afterAll(async () => {
    await firefox?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('captures a visited job with the fields its page states; the badge reads 0/2', async () => {
    const tab = await firefox.open(APPLIED.url.href);
    const saved = await row(APPLIED.posting.jobId);
    expect(pick(saved, Object.keys(APPLIED.posting))).toEqual(APPLIED.posting);
    expect([saved.status, saved.appliedAt]).toEqual(['seen', null]);
    const badge = await badgeReads('0/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.ok));
    await tab.close();
  });

  it('marks the job started when its application form opens, counts it once confirmed: 1/2 in amber', async () => {
    const form = await firefox.open(formUrl);
    const started = await row(APPLIED.posting.jobId, 'marked as started', (r) => r.applyStartedAt !== null);
    expect([started.status, started.appliedAt]).toEqual(['seen', null]);
    const { limit } = (await firefox.send('limit:get', {})) as { limit: { programs: unknown[] } };
    expect(limit.programs).toEqual([]);
    expect((await firefox.badge()).text).toBe('0/2');
    await form.close();

    await firefox.send('apply:confirm', { jobId: APPLIED.posting.jobId });
    const applied = await row(APPLIED.posting.jobId, 'applied', (r) => r.status === 'applied');
    expect(applied.appliedAt).toBe(started.applyStartedAt);
    const badge = await badgeReads('1/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.warning));
  });

  it('puts the last-slot banner on another job’s page, in a shadow root the page cannot open', async () => {
    const tab = await firefox.open(OTHER.url.href);
    await row(OTHER.posting.jobId);
    const banner = await waitFor('the banner on the job page', async () => {
      const found = await tab.evaluate((tag) => {
        const host = document.querySelector(tag);
        return host ? { root: host.shadowRoot === null ? 'closed' : 'open', text: host.textContent } : undefined;
      }, BANNER_HOST);
      return found ?? undefined;
    });
    // Closed: the site's scripts see an empty element, not the user's applications.
    expect(banner).toEqual({ root: 'closed', text: '' });
    await tab.close();
  });

  it('finds the jobs, the application and the 1/2 badge again after Firefox restarts on the same profile', async () => {
    const byId = (rows: Row[]) => [...rows].sort((a, b) => String(a.jobId).localeCompare(String(b.jobId)));
    const before = byId(await firefox.readStore('jobs'));
    expect(before.map((r) => [r.jobId, r.status])).toEqual(
      byId([
        { jobId: APPLIED.posting.jobId, status: 'applied' },
        { jobId: OTHER.posting.jobId, status: 'seen' },
      ]).map((r) => [r.jobId, r.status]),
    );
    // If the badge reads 1/2 after the restart, the background computed it again from the database.
    await firefox.scribbleBadge('?');
    expect((await firefox.badge()).text).toBe('?');
    await firefox.close();

    firefox = await launchFirefoxProfile(server.port, profile.dir);
    expect(byId(await firefox.readStore('jobs'))).toEqual(before);
    const badge = await badgeReads('1/2');
    expect(badge.color.slice(0, 3)).toEqual(rgb(BADGE_COLORS.warning));
    const { limit } = (await firefox.send('limit:get', {})) as {
      limit: { programs: { applications: { jobId: string; title: string }[] }[] };
    };
    expect(limit.programs[0]!.applications.map((a) => [a.jobId, a.title])).toEqual([[APPLIED.posting.jobId, APPLIED.posting.title]]);
  });
});
