import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, requireBrowser } from './harness';
import { definePatternSuite } from './patterns-suite';

// The pattern harness in a blank Chromium page (no extension needed: it is the code, not the add-on).
definePatternSuite('chromium', async () => {
  requireBrowser(CHROMIUM_PATH);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  return {
    page: {
      load: async (source) => {
        await page.evaluate(`${source};void 0`);
      },
      call: (fn, arg) => page.evaluate(`(${fn.toString()})(globalThis.__jobLensPatterns, ${JSON.stringify(arg)})`),
    },
    close: () => browser.close(),
  };
});
