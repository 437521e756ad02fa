import puppeteer from 'puppeteer-core';
import { FIREFOX_PATH, requireBrowser } from './harness';
import { definePatternSuite } from './patterns-suite';

// The pattern harness in a blank Firefox page. Firefox would stop a page script that runs for
// long with its "slow script" prompt; a super-linear pattern must be measured, not stopped.
definePatternSuite('firefox', async () => {
  requireBrowser(FIREFOX_PATH);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocolTimeout: 600_000,
    extraPrefsFirefox: { 'dom.max_script_run_time': 0, 'dom.max_chrome_script_run_time': 0 },
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  return {
    page: {
      load: async (source) => {
        await page.evaluate(`${source};void 0`);
      },
      call: (fn, arg) => page.evaluate(`(${fn.toString()})(globalThis.__jobLensPatterns, ${JSON.stringify(arg)})`) as Promise<never>,
    },
    close: () => browser.close(),
  };
});
