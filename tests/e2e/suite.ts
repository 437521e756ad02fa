import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyUrl, jobIdOf } from '../../lib/sites/urls';
import { jobFixtures, loadFixtures, type JobFixture } from './fixtures';
import { CONTENT_GIVE_UP_MS, pick, sleep, waitFor, waitForJobRow, type ExtensionBrowser, type Row, type Tab } from './harness';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The end-to-end checks, identical for both browsers: the built extension in a real browser, the
 * saved pages served under their real hosts, and the background's database read back from the
 * extension's own origin. Each block starts a fresh browser (freshBrowser).
 */

type Launch = (serverPort: number) => Promise<ExtensionBrowser>;

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const notJobs = fixtures.filter((f) => f.expected.expect !== 'job');
const searchList = notJobs.find((f) => f.url.pathname.replace(/\/+$/, '') === '/search');

function expectPosting(row: Row, fixture: JobFixture): void {
  const keys = Object.keys(fixture.posting);
  expect(pick(row, keys), `${fixture.name}: stored fields`).toEqual(fixture.posting);
  const description = String(row.description ?? '');
  for (const phrase of fixture.expected.descriptionIncludes ?? []) {
    expect(description, `${fixture.name}: description`).toContain(phrase);
  }
  for (const phrase of fixture.expected.descriptionExcludes ?? []) {
    expect(description, `${fixture.name}: description`).not.toContain(phrase);
  }
  for (const phrase of fixture.expected.jobInformationIncludes ?? []) {
    expect(String(row.jobInformation ?? ''), `${fixture.name}: jobInformation`).toContain(phrase);
  }
}

/** Reads the database over and over while a navigation runs, to catch a row that was right only in the end. */
async function watchRows(browser: ExtensionBrowser) {
  const seen: Row[] = [];
  const snapshot = async () => {
    seen.push(...(await browser.readStore('jobs')).map((row) => ({ jobId: row.jobId, title: row.title })));
  };
  await snapshot();
  let running = true;
  const loop = (async () => {
    while (running) {
      await sleep(50);
      await snapshot();
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * A fixture server and a browser with the extension for one describe block, started before its
 * tests and closed after them, so that one block's rows cannot satisfy (or mask) another's.
 */
function freshBrowser(launch: Launch): { server: FixtureServer; browser: ExtensionBrowser } {
  const session = {} as { server: FixtureServer; browser: ExtensionBrowser };
  beforeAll(async () => {
    session.server = await startFixtureServer(fixtures);
    session.browser = await launch(session.server.port);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export function defineExtensionSuite(browserName: string, launch: Launch): void {
  describe(`${browserName}: the fixtures`, () => {
    it('include job pages, pages that are not jobs, and a search list to navigate from', () => {
      expect(jobs.length).toBeGreaterThan(0);
      expect(notJobs.length).toBeGreaterThan(0);
      expect(searchList, 'a fixture served at /search').toBeDefined();
    });
  });

  describe(`${browserName}: full page loads of job pages`, () => {
    const session = freshBrowser(launch);

    it.each(jobs.map((f) => [f.name, f] as const))('%s is stored with the expected fields', async (_name, fixture) => {
      const tab = await session.browser.open(fixture.url.href);
      try {
        const row = await waitForJobRow(session.browser, fixture.posting.jobId);
        expectPosting(row, fixture);
        // The database is the extension's: a content script opening it would create it in the site's origin.
        const siteDatabases = await tab.evaluate(async () => (await indexedDB.databases()).map((d) => d.name), null);
        expect(siteDatabases).not.toContain('job-lens');
      } finally {
        await tab.close();
      }
    });
  });

  describe(`${browserName}: a full load whose content renders late`, () => {
    const session = freshBrowser(launch);

    it('is saved once the job renders, 2 s after load, and nothing is saved from the shell before', async () => {
      const fixture = jobs.find((f) => f.url.host === searchList?.url.host) ?? jobs[0]!;
      const url = new URL(fixture.url);
      url.searchParams.set('e2e-late', '2000');
      const watch = await watchRows(session.browser);
      const tab = await session.browser.open(url.href);
      try {
        expect(await tab.evaluate(() => document.querySelector('[aria-label="Loading"]') !== null, null)).toBe(true);
        const row = await waitForJobRow(session.browser, fixture.posting.jobId);
        expectPosting(row, fixture);
        expect(await tab.evaluate(() => (window as unknown as { __e2eNav: { busy: boolean } }).__e2eNav.busy, null)).toBe(false);
      } finally {
        await watch.stop();
        await tab.close();
      }
      expect(new Set(watch.seen.map((r) => r.title))).toEqual(new Set([fixture.posting.title]));
      expect(await session.browser.readStore('versions')).toEqual([]);
    });
  });

  describe(`${browserName}: pages that are not job pages`, () => {
    const session = freshBrowser(launch);
    let rowsAfterWaiting: Row[] = [];
    beforeAll(async () => {
      // All at once: each must be given the content script's full waiting time anyway.
      const tabs = await Promise.all(notJobs.map((f) => session.browser.open(f.url.href)));
      await sleep(CONTENT_GIVE_UP_MS + 2_000);
      rowsAfterWaiting = await session.browser.readStore('jobs');
      await Promise.all(tabs.map((t) => t.close()));
    }, CONTENT_GIVE_UP_MS + 60_000);

    it.each(notJobs.map((f) => [f.name, f] as const))('%s leaves no row', (_name, fixture) => {
      const jobId = jobIdOf(classifyUrl(fixture.url));
      const own = rowsAfterWaiting.filter((row) => jobId !== null && row.jobId === jobId);
      expect(own).toEqual([]);
    });

    it('none of them stored anything at all', () => {
      expect(rowsAfterWaiting.map((row) => row.jobId)).toEqual([]);
    });

    it('while the extension in the same browser does store a job page (control)', async () => {
      const control = jobs[0]!;
      const tab = await session.browser.open(control.url.href);
      try {
        const row = await waitForJobRow(session.browser, control.posting.jobId);
        expect(row.title).toBe(control.posting.title);
      } finally {
        await tab.close();
      }
    });
  });

  describe(`${browserName}: client-side navigation with late content`, () => {
    const session = freshBrowser(launch);
    let tab: Tab | undefined;
    const sameHost = jobs.filter((f) => searchList && f.url.host === searchList.url.host);
    // Two different jobs: the first reached from a search-list card, the second from the first.
    const first = sameHost[0];
    const second = sameHost.find((f) => f.posting.title !== first?.posting.title);

    // Registered after the session's own hooks, so it runs before the browser closes.
    afterAll(async () => {
      await tab?.close();
    });

    it('has two job fixtures with different titles on the search list host', () => {
      expect(first).toBeDefined();
      expect(second).toBeDefined();
    });

    it('clicking a search card saves that job once it renders, never the loading shell', async () => {
      if (!searchList || !first) throw new Error('missing fixtures (see the test above)');
      tab = await session.browser.open(searchList.url.href);
      const targetPath = first.url.pathname;
      // Prefer a real card that links to the job; otherwise point the first card at it.
      const retargeted = await tab.evaluate((path: string) => {
        const cards = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((a) =>
          /^\/search\/\d+\/?$/.test(new URL(a.href).pathname),
        );
        const card = cards.find((a) => new URL(a.href).pathname === path) ?? cards[0];
        if (!card) return null;
        const changed = new URL(card.href).pathname !== path;
        card.setAttribute('href', path);
        card.setAttribute('data-e2e-target', '');
        return changed;
      }, targetPath);
      expect(retargeted, 'the search list has job cards').not.toBeNull();

      const watch = await watchRows(session.browser);
      try {
        await tab.click('[data-e2e-target]');
        const pathAfterClick = await tab.evaluate(() => window.location.pathname, null);
        expect(pathAfterClick).toBe(targetPath);
        const row = await waitForJobRow(session.browser, first.posting.jobId);
        expectPosting(row, first);
      } finally {
        await watch.stop();
      }
      // Nothing but the clicked job, and that job never under another title (e.g. the shell's).
      const ids = new Set(watch.seen.map((r) => r.jobId));
      expect([...ids]).toEqual([first.posting.jobId]);
      expect(new Set(watch.seen.map((r) => r.title))).toEqual(new Set([first.posting.title]));
      expect(await session.browser.readStore('versions')).toEqual([]);
    });

    it("saves the next job only once its content replaces the previous job's under the new URL", async () => {
      if (!tab || !first || !second) throw new Error('needs the previous test to have run');
      const watch = await watchRows(session.browser);
      try {
        await tab.evaluate((path: string) => {
          const nav = (window as unknown as { __e2eNav: { go: (h: string, m: string) => Promise<void> } }).__e2eNav;
          void nav.go(path, 'stale');
        }, second.url.pathname);
        await waitFor('the stale navigation to finish', async () =>
          (await tab!.evaluate(() => (window as unknown as { __e2eNav: { busy: boolean } }).__e2eNav.busy, null)) ? undefined : true,
        );
        const row = await waitForJobRow(session.browser, second.posting.jobId);
        expectPosting(row, second);
        // Let a late, wrong write show itself before judging.
        await sleep(1_000);
      } finally {
        await watch.stop();
      }
      const titlesOfSecond = new Set(watch.seen.filter((r) => r.jobId === second.posting.jobId).map((r) => r.title));
      expect(titlesOfSecond).toEqual(new Set([second.posting.title]));
      const rows = await session.browser.readStore('jobs');
      expect(rows.find((r) => r.jobId === first.posting.jobId)?.title).toBe(first.posting.title);
      // The store keeps an earlier copy whenever a job's text changes: there must be none.
      expect(await session.browser.readStore('versions')).toEqual([]);
    });
  });
}
