import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEARLY_FULL_BYTES } from '../../lib/backup/keeper';
import { fixtureNamed, jobFixtures, loadFixtures } from './fixtures';
import { CHROME_BUILD, snapshotBuild, waitFor, type Row } from './harness';
import { serveJobCopies, syntheticJobIds } from './limit-driver';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * A full disk in real Chromium. The browser profile lives on a 48 MB tmpfs; the extension holds
 * about 2,000 jobs, an application, a saved job with notes, a cycle start and a profile. Another
 * program then fills the disk, the user views one more job (a write that cannot land), and the
 * browser is restarted, first with the disk still full, then after space is freed. Every
 * application, status, note, the settings and the profile must be there each time, from the
 * database or, where Chromium dropped it, from the extension's storage.local copy.
 *
 * Needs root for `mount -t tmpfs` (the test says so and fails otherwise rather than skipping).
 */

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const APPLIED = fixtureNamed(jobs, 'tiktok-seed-000');
const NOTED = fixtureNamed(jobs, 'tiktok-seed-002');
const LATE = fixtureNamed(jobs, 'tiktok-seed-003');
const NOTES = 'Asked Lin for a referral on 3 March; follow up after the online assessment.';
const PROFILE = {
  education: [{ level: 'Bachelor', field: 'Computer Engineering', status: 'pursuing', graduation: '2027-06' }],
  skills: ['Java', 'Kafka', 'SQL'],
  locations: ['Singapore'],
};
const BULK_JOBS = 2_000;
const TMPFS_MB = 48;

interface Status {
  mode: string;
  notices: { kind: string; text: string }[];
  lastWriteFailure: { at: string; message: string } | null;
  backupWrittenAt: string | null;
}

/**
 * `withoutUnlimitedStorage` runs the same on a copy of the build whose manifest lacks the
 * permission, as every release before this one shipped: Chromium then evicts the database under
 * storage pressure, which is what the copy is for.
 */
function fullDiskSuite(label: string, { withoutUnlimitedStorage }: { withoutUnlimitedStorage: boolean }) {
  describe(`chromium, ${label}: a full disk loses nothing the user recorded`, () => {
    let server: FixtureServer;
    let build: ReturnType<typeof snapshotBuild>;
    let mountDir: string;
    let mounted = false;
    let browser: PopupChromium | undefined;
    const profileDir = () => join(mountDir, 'profile');
    const fillerPath = () => join(mountDir, 'filler');
    const launch = async () => {
      browser = await launchPopupChromium(server.port, { userDataDir: profileDir(), extensionDir: build.dir });
      return browser;
    };
    const restart = async () => {
      await browser?.close();
      browser = undefined;
      return launch();
    };
    const FULL_DISK_VIEWS: string[] = [];
    const bytesFree = () => {
      const free = statfsSync(mountDir);
      return free.bavail * free.bsize;
    };
    /**
     * Chromium frees space of its own when the disk fills (it trims its caches in the same profile),
     * so the other program takes whatever came free again before each view.
     */
    let topUps = 0;
    const topUp = () => {
      topUps += 1;
      spawnSync('dd', ['if=/dev/zero', `of=${fillerPath()}-more-${topUps}`, 'bs=4k'], { stdio: 'ignore' });
    };
    /**
     * Another program takes every free byte: large blocks first, then small ones for the remainder.
     * The browser runs meanwhile and may free some of its own in between (a CI run once read 424 kB
     * free right after the fill), so the program takes again until the disk reads full.
     */
    const fillDisk = () => {
      spawnSync('dd', ['if=/dev/zero', `of=${fillerPath()}`, 'bs=1M'], { stdio: 'ignore' });
      spawnSync('dd', ['if=/dev/zero', `of=${fillerPath()}-tail`, 'bs=4k'], { stdio: 'ignore' });
      for (let round = 0; round < 20 && bytesFree() > 0; round += 1) topUp();
      expect(bytesFree(), 'bytes left free').toBe(0);
    };
    const freeSpace = () => {
      rmSync(fillerPath(), { force: true });
      rmSync(`${fillerPath()}-tail`, { force: true });
      for (; topUps > 0; topUps -= 1) rmSync(`${fillerPath()}-more-${topUps}`, { force: true });
    };
    /**
     * One row looked up by key from an extension page (reading all 2,000 at every poll would be
     * slow). A database Chromium is reopening may not answer at all: that reads as "not there yet",
     * for the next poll, rather than as a failed test.
     */
    const hasJob = async (b: PopupChromium, jobId: string): Promise<boolean> => {
      const page = await b.extensionPage();
      try {
        return await page.evaluate(
          (id) =>
            new Promise<boolean>((resolve) => {
              setTimeout(() => resolve(false), 3_000);
              const request = indexedDB.open('job-lens');
              request.onerror = () => resolve(false);
              request.onsuccess = () => {
                const db = request.result;
                const get = db.transaction('jobs', 'readonly').objectStore('jobs').get(id);
                get.onsuccess = () => {
                  db.close();
                  resolve(get.result !== undefined);
                };
                get.onerror = () => {
                  db.close();
                  resolve(false);
                };
              };
            }),
          jobId,
        );
      } catch {
        return false;
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    const status = async (b: PopupChromium) => ((await b.send('data:status', {})) as { status: Status }).status;

    beforeAll(async () => {
      server = await startFixtureServer(fixtures);
      FULL_DISK_VIEWS.push(...serveJobCopies(server, LATE, syntheticJobIds(24, '75500000000000')));
      build = snapshotBuild(CHROME_BUILD, 'npm run build');
      if (withoutUnlimitedStorage) {
        const manifestPath = join(build.dir, 'manifest.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[] };
        manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
        writeFileSync(manifestPath, JSON.stringify(manifest));
      }
      mountDir = mkdtempSync(join(tmpdir(), 'job-lens-fulldisk-'));
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', mountDir], { encoding: 'utf8' });
      if (mount.status !== 0) throw new Error(`mounting a ${TMPFS_MB} MB tmpfs needs root: ${mount.stderr.trim()}`);
      mounted = true;
      mkdirSync(profileDir());
      await launch();
    });
    afterAll(async () => {
      await browser?.close().catch(() => undefined);
      if (mounted) spawnSync('umount', ['-l', mountDir]);
      rmSync(mountDir, { recursive: true, force: true });
      build?.remove();
      await server?.close();
    });

    /**
     * What the user recorded, as the background holds it after a restart: from the database, or,
     * where the disk is still too full for the database to open, from the copy it runs on (the
     * popup then shows the same rows through its mirror). `where` says which the test expects.
     */
    async function expectEverythingKept(b: PopupChromium, where: 'background' | 'database') {
      // Any message waits for the background's start (and its restore, if one was needed).
      await status(b);
      const snapshot = (await b.send('data:snapshot', {})) as { jobs: Row[]; profile: Row[]; settings: Row[] };
      const rows = where === 'database' ? await b.readStore('jobs') : snapshot.jobs;
      if (!rows.some((r) => r.jobId === APPLIED.posting.jobId)) {
        // Say what the background had and what the copy held, for a failure to be understood.
        const s = await status(b);
        const worker = await b.serviceWorker();
        const copy = (await worker.evaluate(async () => (await chrome.storage.local.get('jobLensBackup')).jobLensBackup)) as
          { jobs?: object } | undefined;
        console.log(
          `[${label}] missing application: ${s.mode}, ${rows.length} jobs; copy: ${copy ? Object.keys(copy.jobs ?? {}).join(',') : 'none'}; notices: ${JSON.stringify(s.notices.map((n) => n.text))}`,
        );
      }
      const applied = rows.find((r) => r.jobId === APPLIED.posting.jobId);
      const noted = rows.find((r) => r.jobId === NOTED.posting.jobId);
      expect(applied).toMatchObject({ status: 'applied', title: APPLIED.posting.title });
      expect(applied?.appliedAt).toEqual(expect.any(String));
      expect((applied?.statusHistory as { status: string }[]).map((c) => c.status)).toEqual(['applied']);
      expect(noted).toMatchObject({ status: 'saved', notes: NOTES });
      const [profile] = where === 'database' ? await b.readStore('profile') : snapshot.profile;
      expect((profile?.data as { skills: string[] }).skills).toEqual(PROFILE.skills);
      const settings = where === 'database' ? await b.readStore('settings') : snapshot.settings;
      expect(settings.map((r) => [r.key, r.value])).toEqual([['cycleStart', '2025-09-01']]);
      // The limit is counted per program now: the one application is the PhD intern program's only one.
      const { limit } = (await b.send('limit:get', {})) as {
        limit: { programs: { program: { label: string }; used: number; limit: number; applications: { jobId: string | null }[] }[] };
      };
      expect(limit.programs.map((p) => [p.program.label, p.used, p.limit, p.applications.map((a) => a.jobId)])).toEqual([
        ['PhD Intern · 2026 Start', 1, 2, [APPLIED.posting.jobId]],
      ]);
      return rows;
    }

    it('records jobs, an application, a status with notes, settings and a profile; the copy holds them', async () => {
      const b = browser!;
      for (const job of [APPLIED, NOTED]) {
        const tab = await b.open(job.url.href);
        await waitFor(`job ${job.posting.jobId} saved`, async () => (await b.readStore('jobs')).find((r) => r.jobId === job.posting.jobId));
        await tab.close();
      }
      await b.send('apply:confirm', { jobId: APPLIED.posting.jobId });
      await b.send('job:setStatus', { jobId: NOTED.posting.jobId, status: 'saved' });
      await b.send('job:setNotes', { jobId: NOTED.posting.jobId, notes: NOTES });
      await b.send('settings:setCycleStart', { cycleStart: '2025-09-01' });
      await b.send('profile:save', { profile: PROFILE });

      // The other ~2,000 jobs go straight into the extension's database from one of its pages, as
      // months of browsing would have left them.
      const template = (await b.readStore('jobs')).find((r) => r.jobId === NOTED.posting.jobId) as Row;
      const page = await b.extensionPage();
      await page.evaluate(
        ({ row, count }) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.open('job-lens');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const db = request.result;
              const tx = db.transaction('jobs', 'readwrite');
              const store = tx.objectStore('jobs');
              for (let i = 0; i < count; i += 1) {
                const jobId = `74${String(i).padStart(17, '0')}`;
                store.put({
                  ...row,
                  jobId,
                  url: `https://lifeattiktok.com/search/${jobId}`,
                  title: `${String(row.title)} (${i})`,
                  status: 'seen',
                  statusHistory: [],
                  notes: '',
                  notesUpdatedAt: null,
                  userUpdatedAt: null,
                });
              }
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        { row: template, count: BULK_JOBS },
      );
      await page.close();
      expect((await b.readStore('jobs')).length).toBe(BULK_JOBS + 2);

      const worker = await b.serviceWorker();
      const copy = (await worker.evaluate(async () => (await chrome.storage.local.get('jobLensBackup')).jobLensBackup)) as {
        jobs: Record<string, { status: string; notes: string }>;
        profile: unknown;
      };
      expect(Object.keys(copy.jobs).sort()).toEqual([APPLIED.posting.jobId, NOTED.posting.jobId].sort());
      expect(copy.jobs[NOTED.posting.jobId]).toMatchObject({ status: 'saved', notes: NOTES });
      expect(copy.profile).not.toBeNull();
      expect((await status(b)).backupWrittenAt).not.toBeNull();
    });

    it('with the disk filled by another program, viewing a job fails to write, or moves the session onto the copy, and is told', async () => {
      const b = browser!;
      fillDisk();

      // A view can still land in space the database already holds (the last pages of its log), so
      // the user goes on viewing jobs, each a fresh one, as they would, until a write fails (told as
      // a failed write) or the database is lost and the session moves onto the copy (told so).
      let failure: Status | null = null;
      let failedJobId = '';
      const outcomes: string[] = [];
      for (const url of [LATE.url.href, ...FULL_DISK_VIEWS].slice(0, 24)) {
        topUp();
        const viewStart = Date.now();
        const tab = await b.open(url);
        const jobId = new URL(url).pathname.split('/').pop()!;
        const outcome = await waitFor(
          `the view of ${jobId} to be saved or its failure recorded`,
          async () => {
            const s = await status(b).catch(() => null);
            if (s?.lastWriteFailure || s?.mode === 'memory') return { failed: true as const, status: s };
            return (await hasJob(b, jobId)) ? { failed: false as const, status: s } : undefined;
          },
          10_000,
          250,
        ).catch(() => null);
        await tab.close();
        outcomes.push(
          `${outcome === null ? 'no answer' : outcome.failed ? (outcome.status?.mode === 'memory' ? 'onto the copy' : 'failed') : 'written'} (${Date.now() - viewStart} ms)`,
        );
        if (outcome?.failed) {
          failure = outcome.status;
          failedJobId = jobId;
          break;
        }
      }
      console.log(`[${label}] views on the full disk: ${outcomes.join(', ')}${failure ? ` (${failure.lastWriteFailure?.message})` : ''}`);
      expect(failure, 'no write failed on the full disk').not.toBeNull();
      const told = failure!.mode === 'memory' ? 'unavailable' : 'write-failed';
      expect(failure!.notices.map((n) => n.kind)).toContain(told);
      // The popup opens even when it cannot open the database itself, and says what failed.
      const popup = await b.context.newPage();
      const consoleLines: string[] = [];
      popup.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      popup.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      const shown = await popup
        .waitForSelector(`[data-testid="data-notice"][data-kind="${told}"]`, { timeout: 30_000 })
        .catch(async (error: Error) => {
          const body = await popup.evaluate(() => document.body.innerText).catch((e: Error) => `(unreadable: ${e.message})`);
          throw new Error(`${error.message}\npopup text: ${body.slice(0, 300)}\nconsole: ${consoleLines.join(' | ').slice(0, 1500)}`);
        });
      expect(await shown.textContent()).toContain('If your disk is full, free some space');
      await popup.close();

      // Space freed while the browser runs: the next view is saved and the failure clears.
      freeSpace();
      const workerLines: string[] = [];
      (await b.serviceWorker()).on('console', (m) => workerLines.push(`${m.type()}: ${m.text()}`));
      const retry = await b.open(FULL_DISK_VIEWS[FULL_DISK_VIEWS.length - 1]!);
      const pageLines: string[] = [];
      retry.on('console', (m) => pageLines.push(`${m.type()}: ${m.text()}`));
      const retryId = new URL(retry.url()).pathname.split('/').pop()!;
      // Where the background moved onto its copy meanwhile, it goes back to the database at a
      // message once that opens again (an open popup asks for the status every second), the view with it.
      let last: Status | null = null;
      await waitFor('a view saved once there is space', async () => {
        last = await status(b);
        return (await hasJob(b, retryId)) ? true : undefined;
      }).catch((error: Error) => {
        throw new Error(
          `${error.message}; the background: ${JSON.stringify(last)}; worker: ${workerLines.join(' | ').slice(0, 1500)}; page: ${pageLines.join(' | ').slice(0, 800)}`,
        );
      });
      await retry.close();
      // The view the full disk refused is not lost: it is saved too, without being viewed again.
      await waitFor(`the refused view of ${failedJobId} saved once there is space`, async () =>
        (await hasJob(b, failedJobId)) ? true : undefined,
      );
      expect((await status(b)).lastWriteFailure).toBeNull();
      fillDisk();
    }, 240_000);

    it('after a restart with the disk still full, every application, status, note and the profile are there', async () => {
      const b = await restart();
      const rows = await expectEverythingKept(b, 'background');
      // What the background reads before it would delete a database that will not open: Chromium
      // does not always name the full disk, and this is how Job Lens tells it from a damaged one.
      // With `unlimitedStorage` (as shipped) the quota follows the disk; without it Chromium
      // reports a fixed pool share however full the disk is, so there is nothing to check.
      const left = await (
        await b.serviceWorker()
      ).evaluate(async () => {
        const { quota = 0, usage = 0 } = await navigator.storage.estimate();
        return quota - usage;
      });
      console.log(`[${label}] room left as the origin is told: ${left} bytes`);
      if (!withoutUnlimitedStorage) expect(left, 'room the origin is told it has on the full disk').toBeLessThan(NEARLY_FULL_BYTES);
      const s = await status(b);
      console.log(`[${label}] restart 1: ${s.mode}, ${rows.length} jobs; notices: ${JSON.stringify(s.notices.map((n) => n.text))}`);
      const lost = s.notices.find((n) => n.kind === 'unavailable');
      if (s.mode === 'memory') {
        // The database could not open, or it came back and was lost again with the disk still full
        // (a "can use its database again" notice, then this one): it is left whole, the session
        // runs on the copy, and the user is told. Chromium's words vary (a full disk at open; an
        // aborted transaction when the restore writes).
        expect(lost?.text).toMatch(
          /^Job Lens (could not|lost the use of its database).*\. Nothing in it was deleted\. Until (it can|it opens again), Job Lens runs on its backup copy/,
        );
      } else if (s.notices.some((n) => n.text.startsWith('Job Lens can use its database again'))) {
        // It started on the copy and went back to the database at a message (Chromium made it
        // anew): the notice of its loss goes with it.
        expect(lost).toBeUndefined();
      } else if (rows.length < BULK_JOBS) {
        // Chromium dropped the database: the user is told what came back.
        expect(s.notices.find((n) => n.kind === 'restored')?.text).toMatch(
          /restored 1 application, 1 other job status, 1 note, your profile and your settings/,
        );
      }
      // The popup shows the application and the saved job either way.
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      // Filtered by status, as a user would look for them among 2,000 jobs (the list draws only what is on screen).
      try {
        for (const [job, filter] of [
          [APPLIED, 'applied'],
          [NOTED, 'saved'],
        ] as const) {
          await popup
            .locator('label', { hasText: /^Status/ })
            .locator('select')
            .selectOption(filter);
          await popup.locator('[role="listitem"]', { hasText: job.posting.title }).first().waitFor({ timeout: 30_000 });
        }
      } catch (error) {
        const body = await popup.evaluate(() => document.body.innerText).catch((e: Error) => `(unreadable: ${e.message})`);
        throw new Error(`${(error as Error).message}\npopup text: ${body.slice(0, 600)}`);
      }
      await popup.close();
    });

    it('after space is freed and another restart, the data is there and a new change is kept', async () => {
      freeSpace();
      const b = await restart();
      const rows = await expectEverythingKept(b, 'database');
      // Job Lens never deletes a database for a full disk, but Chromium may: a store it finds damaged
      // after the full-disk writes is deleted and made anew as it opens ("recovering from a
      // corrupted (and deleted) database"), and the postings with it; they come back as they are
      // viewed. What the user recorded comes back from the copy either way (checked above).
      const s = await status(b);
      console.log(
        `[${label}] restart 2: ${s.mode}, ${rows.length} jobs in the database; notices: ${JSON.stringify(s.notices.map((n) => n.text))}`,
      );
      expect(s.mode).toBe('indexeddb');
      const tab = await b.open(LATE.url.href);
      await waitFor('the late job saved', async () => (await b.readStore('jobs')).find((r) => r.jobId === LATE.posting.jobId));
      await tab.close();
      await b.send('job:setStatus', { jobId: LATE.posting.jobId, status: 'saved' });
      const worker = await b.serviceWorker();
      const copy = (await worker.evaluate(async () => (await chrome.storage.local.get('jobLensBackup')).jobLensBackup)) as {
        jobs: Record<string, { status: string }>;
      };
      expect(copy.jobs[LATE.posting.jobId]?.status).toBe('saved');
      expect((await status(b)).lastWriteFailure).toBeNull();
    });
  });
}

fullDiskSuite('with unlimitedStorage', { withoutUnlimitedStorage: false });
fullDiskSuite('without unlimitedStorage (as released before)', { withoutUnlimitedStorage: true });
