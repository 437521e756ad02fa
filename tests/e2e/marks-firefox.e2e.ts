import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_TAG, MARK_TAG } from '../../lib/marks/types';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { FIREFOX_BUILD, freshProfileDir, sleep, snapshotBuild, waitFor } from './harness';
import { installAddonInProfile, launchFirefoxProfile, serveJobCopies, type FirefoxSession } from './limit-driver';
import { RESULTS, resultId } from './marks-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * Marks on the careers site in Firefox (the MV2 build, where the background injects the marks
 * script with `scripting`). Firefox offers no way into a closed shadow root from outside, so
 * these checks read what the page itself can: which cards carry a mark host, that its root is
 * closed, and its drawn size (a longer text is a wider mark). Chromium's test reads the texts.
 */

const fixtures = loadFixtures();
const JOB = fixtureNamed(jobFixtures(fixtures), 'tiktok-seed-000');
const SEEN = [resultId(1), resultId(2), resultId(15)];
const FIRST_PAGE_SEEN = SEEN.slice(0, 2);

interface HostSeen {
  jobId: string;
  open: boolean;
  width: number;
}

function hosts(page: Page): Promise<HostSeen[]> {
  return page.evaluate((tag: string) => {
    return Array.from(document.querySelectorAll(tag)).map((h) => ({
      jobId: (h.closest('a')?.getAttribute('href') ?? '').split('/').pop() ?? '',
      open: h.shadowRoot !== null,
      width: Math.round(h.getBoundingClientRect().width),
    }));
  }, MARK_TAG);
}

describe('firefox: marks on the careers site', () => {
  let server: FixtureServer;
  let build: ReturnType<typeof snapshotBuild>;
  let profile: ReturnType<typeof freshProfileDir>;
  let firefox: FirefoxSession;
  let list: Page;
  let jobUrls: string[];

  const marksOn = (page: Page, ids: string[], check: (h: HostSeen[]) => boolean = () => true) =>
    waitFor(`marks on ${ids.join(', ') || 'nothing'}`, async () => {
      const found = await hosts(page);
      const got = found.map((h) => h.jobId).sort();
      return JSON.stringify(got) === JSON.stringify([...ids].sort()) && check(found) ? found : undefined;
    });
  const click = async (page: Page, text: string) => {
    await page.evaluate((t: string) => {
      const button = Array.from(document.querySelectorAll('main button')).find((b) => b.textContent === t) as HTMLButtonElement;
      button.click();
    }, text);
  };

  beforeAll(async () => {
    server = await startFixtureServer(fixtures);
    jobUrls = serveJobCopies(server, JOB, SEEN);
    build = snapshotBuild(FIREFOX_BUILD, 'npm run build:firefox');
    profile = freshProfileDir('marks-firefox');
    installAddonInProfile(profile.dir, build.dir);
    firefox = await launchFirefoxProfile(server.port, profile.dir);
    for (const [i, url] of jobUrls.entries()) {
      const tab = await firefox.open(url);
      await waitFor(`job ${SEEN[i]} saved`, async () => (await firefox.readStore('jobs')).find((r) => r.jobId === SEEN[i]));
      await tab.close();
    }
  });
  afterAll(async () => {
    await firefox?.close();
    profile?.remove();
    build?.remove();
    await server?.close();
  });

  it('marks the seen jobs of the list only, in closed shadow roots, drawn', async () => {
    list = await firefox.open(RESULTS.url.href);
    const found = await marksOn(list, FIRST_PAGE_SEEN);
    for (const h of found) {
      expect(h.open).toBe(false);
      expect(h.width).toBeGreaterThan(20);
    }
  });

  it('redraws a mark when its status changes (a longer text, a wider mark)', async () => {
    const before = (await hosts(list)).find((h) => h.jobId === SEEN[0])!;
    await firefox.send('job:setStatus', { jobId: SEEN[0], status: 'applied', appliedAt: '2026-06-02T12:00:00.000Z' });
    await marksOn(list, FIRST_PAGE_SEEN, (found) => found.find((h) => h.jobId === SEEN[0])!.width > before.width + 20);
  });

  it('follows the list through pages, filters and re-renders', async () => {
    await click(list, 'Next');
    await marksOn(list, [SEEN[2]!]);
    await click(list, 'Previous');
    await marksOn(list, FIRST_PAGE_SEEN);
    await click(list, 'Graduates');
    await marksOn(list, []);
    await click(list, 'Internships');
    await marksOn(list, SEEN);
    await list.evaluate(() => (window as unknown as { __jobList: { render(): void } }).__jobList.render());
    await marksOn(list, SEEN);
    await click(list, 'All jobs');
    await marksOn(list, FIRST_PAGE_SEEN);
  });

  it('removes every mark when turned off and draws them again when turned on', async () => {
    await firefox.send('marks:setPrefs', { enabled: false });
    await marksOn(list, []);
    await sleep(800);
    expect(await hosts(list)).toEqual([]);
    // A page loaded while they are off draws none, and no line either.
    const fresh = await firefox.open(RESULTS.url.href);
    await sleep(1500);
    expect(await hosts(fresh)).toEqual([]);
    expect(await fresh.evaluate((tag: string) => document.querySelector(tag), LINE_TAG)).toBeNull();
    await fresh.close();
    await firefox.send('marks:setPrefs', { enabled: true });
    await marksOn(list, FIRST_PAGE_SEEN);
    await list.close();
  });

  it('puts one line under the job page title, in a closed root', async () => {
    const page = await firefox.open(jobUrls[1]!);
    const line = await waitFor('the job page line', async () =>
      page.evaluate((tag: string) => {
        const host = document.querySelector(tag);
        if (!host) return undefined;
        return {
          after: host.previousElementSibling?.textContent ?? '',
          open: host.shadowRoot !== null,
          height: host.getBoundingClientRect().height,
        };
      }, LINE_TAG),
    );
    expect(line).toMatchObject({ after: JOB.posting.title, open: false });
    expect(line.height).toBeGreaterThan(10);
    await page.close();
  });
});
