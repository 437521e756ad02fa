import type { Browser, ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { FIREFOX_BUILD, FIREFOX_PATH, requireBrowser, requireBuild, waitFor } from './harness';
import { ADDON_ID, ADDON_UUID, openAddonPage, startFirefox } from './firefox';
import { BIG_JOBS, MIB_64, digestJobs, expectedDigest, writeBigExport, type BigFile } from './import-file';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * The same file over 64 MiB imported in Firefox, through the file input of the popup page opened
 * in a tab (`?in=tab`), which is where the popup sends Firefox users for an import.
 */
const POPUP_IN_TAB = `moz-extension://${ADDON_UUID}/popup.html?in=tab`;

describe('firefox: importing a file over 64 MiB', () => {
  let server: FixtureServer;
  let browser: Browser;
  let file: BigFile;

  beforeAll(async () => {
    requireBrowser(FIREFOX_PATH);
    requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
    file = await writeBigExport();
    server = await startFixtureServer(loadFixtures());
    browser = await startFirefox({ serverPort: server.port });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(ADDON_ID);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    file?.remove();
  });

  it('imports every job through the file input and the badge counts its applications', async () => {
    expect(file.bytes).toBeGreaterThan(MIB_64);
    const page = await openAddonPage(browser, POPUP_IN_TAB, 15_000, { width: 420, height: 700 });
    const input = await waitFor('the file input', async () => (await page.$('[data-testid="import-input"]')) ?? undefined);
    const started = Date.now();
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file.path);
    const message = await waitFor(
      'the import to finish',
      async () => {
        const text = await page.$eval('[data-testid="transfer-message"]', (el) => el.textContent ?? '').catch(() => '');
        return text === '' ? undefined : text;
      },
      55_000,
      250,
    );
    console.log(`firefox: imported ${file.bytes} bytes (${BIG_JOBS} jobs) in ${Date.now() - started} ms`);
    expect(message).toBe(`Imported: ${BIG_JOBS.toLocaleString('en')} jobs added, 0 updated, 0 unchanged.`);

    const digest = await page.evaluate(digestJobs);
    expect(digest.count).toBe(BIG_JOBS);
    for (const row of digest.rows) {
      const want = expectedDigest(row);
      expect({
        jobId: row[0],
        titleEnd: row[1].slice(-want.titleEnd.length),
        url: row[2],
        descriptionLength: row[3],
        notes: row[4],
        applied: row[5] !== null,
      }).toEqual(want);
    }
    const badge = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }
        ).browser.browserAction.getBadgeText({}),
      );
    await waitFor('the badge to show 2/2', async () => ((await badge()) === '2/2' ? true : undefined), 10_000);
  }, 90_000);
});
