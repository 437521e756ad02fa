import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFormOf, fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROME_BUILD, ROOT, monthsFromNow, requireBuild, sleep, waitFor, waitForJobRow, type Row } from './harness';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * A browser profile made by release 0.1.0 (its Chrome build, frozen in tests/fixtures/releases/)
 * and then opened by the new build, the way an update reaches a user: same profile, same extension
 * path (Chromium derives an unpacked extension's id, and so its origin and database, from the
 * path), the files at that path replaced. Every job, application, note, earlier version, setting
 * and the profile the old release wrote must still be there, and the new build must work on them.
 */
const RELEASE = join(ROOT, 'tests/fixtures/releases/0.1.0/chrome-mv3');
const STORES = ['jobs', 'versions', 'settings', 'profile'] as const;

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const ALGORITHM_PHD = fixtureNamed(jobs, 'tiktok-seed-000');
const DATA_SCIENTIST = fixtureNamed(jobs, 'tiktok-seed-002');
const BIG_DATA = fixtureNamed(jobs, 'tiktok-seed-003');
const APPLY_FORM = applyFormOf(fixtures, ALGORITHM_PHD);

const PROFILE = {
  education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: monthsFromNow(12) }],
  skills: ['Python', 'SQL', 'Spark'],
  languages: ['English'],
  locations: ['Singapore'],
};

const keyOf = (store: string, row: Row) =>
  String(store === 'versions' ? row.id : store === 'settings' ? row.key : store === 'profile' ? row.id : row.jobId);

async function readAll(browser: PopupChromium): Promise<Record<string, Map<string, Row>>> {
  const out: Record<string, Map<string, Row>> = {};
  for (const store of STORES) out[store] = new Map((await browser.readStore(store)).map((row) => [keyOf(store, row), row]));
  return out;
}

describe('chromium: a profile made by release 0.1.0, opened by the new build', () => {
  let server: FixtureServer;
  let home: string;
  let extensionDir: string;
  let userDataDir: string;
  let browser: PopupChromium | undefined;
  let before: Record<string, Map<string, Row>>;
  let releaseId: string;

  beforeAll(async () => {
    requireBuild(RELEASE, 'nothing: the release build is a committed fixture');
    requireBuild(CHROME_BUILD, 'npm run build');
    if (!APPLY_FORM) throw new Error('the application form fixture of tiktok-seed-000 is missing');
    home = mkdtempSync(join(tmpdir(), 'job-lens-release-'));
    extensionDir = join(home, 'extension');
    userDataDir = join(home, 'profile');
    cpSync(RELEASE, extensionDir, { recursive: true });
    server = await startFixtureServer(fixtures);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (home && existsSync(home)) rmSync(home, { recursive: true, force: true });
  });

  it('release 0.1.0 records jobs, an application, notes, a changed posting, the cycle start and the profile', async () => {
    browser = await launchPopupChromium(server.port, { extensionDir, userDataDir });
    releaseId = browser.extensionId;
    for (const job of [ALGORITHM_PHD, DATA_SCIENTIST, BIG_DATA]) {
      const tab = await browser.open(job.url.href);
      await waitForJobRow(browserShim(browser), job.posting.jobId);
      await tab.close();
    }
    // The application form records that the user started; they then confirm it.
    const form = await browser.open(APPLY_FORM!.url.href);
    await waitFor('the application to be marked as started', async () =>
      (await browser!.readStore('jobs')).find((r) => r.jobId === ALGORITHM_PHD.posting.jobId && r.applyStartedAt) ? true : undefined,
    );
    await form.close();
    await browser.send('apply:confirm', { jobId: ALGORITHM_PHD.posting.jobId });
    await browser.send('job:setStatus', {
      jobId: DATA_SCIENTIST.posting.jobId,
      status: 'applied',
      appliedAt: new Date().toISOString().slice(0, 10),
    });
    await browser.send('job:setStatus', { jobId: DATA_SCIENTIST.posting.jobId, status: 'interviewing' });
    await browser.send('job:setStatus', { jobId: BIG_DATA.posting.jobId, status: 'saved' });
    await browser.send('job:setNotes', { jobId: BIG_DATA.posting.jobId, notes: 'Ask Mei about the team.\nReferral: "Sam", =not yet' });
    await browser.send('job:setNotes', { jobId: ALGORITHM_PHD.posting.jobId, notes: 'Submitted with the research résumé.' });
    // The posting changed on the site since the first visit: the earlier copy goes to `versions`.
    const stored = (await browser.readStore('jobs')).find((r) => r.jobId === BIG_DATA.posting.jobId)!;
    const posting = Object.fromEntries(
      Object.entries(stored).filter(
        ([key]) =>
          ![
            'status',
            'statusHistory',
            'notes',
            'notesUpdatedAt',
            'appliedAt',
            'applyStartedAt',
            'userUpdatedAt',
            'firstSeenAt',
            'lastSeenAt',
            'changedAt',
            'changedFields',
          ].includes(key),
      ),
    );
    await browser.send('posting:seen', {
      posting: { ...posting, locations: ['Singapore', 'Shanghai'], extractedAt: new Date().toISOString() },
    });
    await browser.send('settings:setCycleStart', { cycleStart: '2025-09-01' });
    await browser.send('profile:save', { profile: PROFILE });

    before = await readAll(browser);
    expect(before.jobs!.size).toBe(3);
    expect(before.versions!.size).toBe(1);
    expect([...before.jobs!.values()].map((r) => r.status).sort()).toEqual(['applied', 'interviewing', 'saved']);
    expect(before.settings!.size).toBe(1);
    expect(before.profile!.size).toBe(1);
    // Release 0.1.0 still answers the import message the new build removed: this is the old code.
    await expect(browser.send('data:import', { text: '{}' })).rejects.toThrow(/data:import failed/);
    await browser.close();
    browser = undefined;
  });

  it('the new build, in the same place on the same profile, keeps every row and works on them', { timeout: 120_000 }, async () => {
    rmSync(extensionDir, { recursive: true, force: true });
    cpSync(CHROME_BUILD, extensionDir, { recursive: true });
    // Chromium keeps running the service worker it registered for the old files across a restart
    // (seen here even with a new manifest version). A store update installs into a new directory
    // and registers afresh; `runtime.reload()` on an extension loaded from the command line left it
    // unloaded here. So the cached registrations go (scripts only: the extension's data is in
    // IndexedDB and extension storage, which stay as they are).
    rmSync(join(userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    browser = await launchPopupChromium(server.port, { extensionDir, userDataDir });
    expect(browser.extensionId).toBe(releaseId);
    // The new worker starts while Chromium replaces the old one, and upgrades the database before it
    // answers: a message sent in that moment can get "Receiving end does not exist", or no answer at
    // all (it reached the worker being replaced). The content script retries such a send; so does
    // this test, each try bounded, until the new background answers.
    const launched = browser;
    await waitFor(
      'the new build’s background to answer',
      async () => {
        const answer = launched.send('limit:get', {}).then(
          () => true,
          () => undefined,
        );
        return Promise.race([answer, sleep(3000).then(() => undefined)]);
      },
      45_000,
      500,
    );
    await expect(browser.send('data:import', { text: '{}' })).rejects.toThrow(/unknown message data:import/);

    const after = await readAll(browser);
    for (const store of STORES) {
      expect([...after[store]!.keys()].sort()).toEqual([...before[store]!.keys()].sort());
      // Every field the release wrote, with its value; a later database version may add fields.
      for (const [key, row] of before[store]!) expect(after[store]!.get(key)).toMatchObject(row);
    }

    // The popup shows them, with the two applications counted.
    const popup = await browser.openPopup();
    const titles = await waitFor('the saved jobs in the popup', async () => {
      const found = await popup.$$eval('[role="listitem"]', (items) => items.map((li) => li.textContent ?? ''));
      return found.length === 3 ? found : undefined;
    });
    for (const job of [ALGORITHM_PHD, DATA_SCIENTIST, BIG_DATA]) expect(titles.some((t) => t.includes(job.posting.title))).toBe(true);
    // The limit is two per program (the site's FAQ): the PhD and the BS/MS application are one each.
    const body = (await popup.textContent('body')) ?? '';
    expect(body).toContain('PhD Intern · 2026 Start: 1 of 2 used');
    expect(body).toContain('Undergrad/Master Intern · 2026 Start: 1 of 2 used');
    await waitFor('the badge at 1/2', async () => ((await browser!.badge()).text === '1/2' ? true : undefined), 10_000);

    // And the new build writes to the old data: a note, and a re-visit that keeps the user's data.
    await browser.send('job:setNotes', { jobId: BIG_DATA.posting.jobId, notes: 'Updated after the upgrade.' });
    const tab = await browser.open(BIG_DATA.url.href);
    await waitFor('the re-visit to reach the database', async () => {
      const row = (await browser!.readStore('jobs')).find((r) => r.jobId === BIG_DATA.posting.jobId);
      return row && row.lastSeenAt !== before.jobs!.get(BIG_DATA.posting.jobId)!.lastSeenAt ? row : undefined;
    });
    await tab.close();
    const row = (await browser.readStore('jobs')).find((r) => r.jobId === BIG_DATA.posting.jobId)!;
    expect(row).toMatchObject({ status: 'saved', notes: 'Updated after the upgrade.' });
  });
});

/** `waitForJobRow` takes the shared suite's browser interface; only `readStore` is used. */
function browserShim(browser: PopupChromium) {
  return {
    name: 'chromium',
    open: () => Promise.reject(new Error('unused')),
    readStore: (s: string) => browser.readStore(s),
    close: async () => {},
  };
}
