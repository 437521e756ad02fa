import { renderLimitBanner } from '../lib/banner/banner';
import { BANNER_GLOBAL, type BannerEntry } from '../lib/banner/inject';
import { sendMessage, type Transport } from '../lib/messages/client';

// Glue only: the limit banner, injected by the background into a careers tab whose job or form
// has a banner to show (the job content script asks for it and then hands it each banner). Like
// the account pages' script, no Zod, no React and no polyfill.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, BannerEntry | undefined> & {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  // Injected twice (two quick banners): the first copy already answers.
  if (scope[BANNER_GLOBAL]) return;
  const runtime = (scope.browser ?? scope.chrome)!.runtime;
  const transport: Transport = (message) => runtime.sendMessage(message);
  scope[BANNER_GLOBAL] = (content) => {
    renderLimitBanner(document, content, () => {
      sendMessage(transport, 'banner:dismiss', { key: content.dismissKey }).catch((error) => {
        if (import.meta.env.DEV) console.debug(`[Job Lens] ${String(error)}`);
      });
    });
  };
});
