import type { BannerContent } from './content';
import type { BannerEntry } from './inject';

export interface BannerLoaderDeps {
  /** Asks the background to inject the banner's script into this tab. */
  load: () => Promise<unknown>;
  /** The banner script's entry, once it has run in this tab. */
  entry: () => BannerEntry | undefined;
  /** Takes any banner off the page. */
  remove: () => void;
  /** True once the extension is gone (the content script is orphaned). */
  isInvalid: () => boolean;
  log: (message: string) => void;
}

/**
 * How the job content script shows the background's banners (see inject.ts): "none" removes any
 * banner at once; the first banner loads the banner's script, once, and is shown when it has run.
 * Only the latest answer counts, so a banner answered while the script loads is never shown after
 * a later "none", and a failed load is tried again with the next banner.
 */
export function createBannerShower(deps: BannerLoaderDeps): (banner: BannerContent | null) => void {
  let wanted: BannerContent | null = null;
  let loading = false;
  return (banner) => {
    if (deps.isInvalid()) return;
    wanted = banner;
    if (!banner) {
      deps.remove();
      return;
    }
    const entry = deps.entry();
    if (entry) {
      entry(banner);
      return;
    }
    if (loading) return;
    loading = true;
    deps
      .load()
      .then(() => {
        loading = false;
        if (!deps.isInvalid() && wanted) deps.entry()?.(wanted);
      })
      .catch((error: unknown) => {
        loading = false;
        deps.log(String(error));
      });
  };
}
