import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { waitFor } from './harness';
import { BIG_JOBS, MIB_64, digestJobs, expectedDigest, writeBigExport, type BigFile } from './import-file';
import { launchPopupChromium, type PopupChromium } from './popup-driver';
import { startFixtureServer, type FixtureServer } from './server';

/**
 * An export file larger than Chrome's 64 MiB message limit, imported through the popup's file
 * input in real Chromium: the popup page reads and writes it itself, then the badge shows the
 * applications it brought.
 */
describe('chromium: importing a file over 64 MiB', () => {
  let server: FixtureServer;
  let browser: PopupChromium;
  let file: BigFile;

  beforeAll(async () => {
    file = await writeBigExport();
    server = await startFixtureServer(loadFixtures());
    browser = await launchPopupChromium(server.port);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    file?.remove();
  });

  it('imports every job through the popup and the badge counts its applications', async () => {
    expect(file.bytes).toBeGreaterThan(MIB_64);
    const popup = await browser.openPopup();
    const started = Date.now();
    await popup.setInputFiles('[data-testid="import-input"]', file.path);
    const message = await waitFor(
      'the import to finish',
      async () => {
        const text = (await popup.textContent('[data-testid="transfer-message"]')) ?? '';
        return text === '' ? undefined : text;
      },
      55_000,
      250,
    );
    const ms = Date.now() - started;
    console.log(`chromium: imported ${file.bytes} bytes (${BIG_JOBS} jobs) in ${ms} ms`);
    expect(message).toBe(`Imported: ${BIG_JOBS.toLocaleString('en')} jobs added, 0 updated, 0 unchanged.`);

    const page = await browser.extensionPage();
    const digest = await page.evaluate(digestJobs);
    await page.close();
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
    await waitFor('the badge to show 2/2', async () => ((await browser.badge()).text === '2/2' ? true : undefined), 10_000);
  }, 90_000);
});
