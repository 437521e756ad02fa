import type { BannerContent } from './content';

/**
 * The limit banner's script (entrypoints/banner.ts) is injected only into a tab that has a banner to
 * show, so the job pages that have none (most of them) never load its markup and styles. Like the
 * account pages' script it runs in the job content script's isolated world, which hands it each
 * banner through this global; the page's own scripts cannot see it.
 */
export const BANNER_GLOBAL = '__jobLensBanner';
/** Shows the banner the background worded, replacing any shown before. */
export type BannerEntry = (content: BannerContent) => void;

/** Where the built script sits in the extension, for `scripting.executeScript`. */
export const BANNER_FILE = '/banner.js';
