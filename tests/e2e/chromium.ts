import { CHROME_BUILD, snapshotBuild, type ExtensionBrowser, type Tab } from './harness';
import { launchPopupChromium, type PopupChromium } from './popup-driver';

/**
 * Debian's Chromium with the built MV3 extension (launched as the popup tests launch it), seen
 * through the interface the shared suite drives in both browsers. It loads a copy of the build,
 * so a rebuild during the run cannot pull files away. The careers hosts resolve to the fixture
 * server.
 */
export async function launchChromium(serverPort: number): Promise<ExtensionBrowser> {
  const build = snapshotBuild(CHROME_BUILD, 'npm run build');
  let browser: PopupChromium;
  try {
    browser = await launchPopupChromium(serverPort, { extensionDir: build.dir });
  } catch (error) {
    build.remove();
    throw error;
  }

  return {
    name: 'chromium',
    async open(url: string): Promise<Tab> {
      const page = await browser.open(url);
      return {
        // Arguments here are plain data, which Playwright passes through unchanged.
        evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
        click: (selector) => page.click(selector),
        close: () => page.close(),
      };
    },
    readStore: (store) => browser.readStore(store),
    async close() {
      await browser.close();
      build.remove();
    },
  };
}
