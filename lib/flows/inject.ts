import type { PageKind } from '../sites/urls';

/**
 * The account pages' script (entrypoints/flows.ts) is injected only where it is needed. It and the
 * job content script run in the same isolated world of the tab, so the job content script hands
 * every later location change to it through this global, which the page's own scripts cannot see.
 */
export const FLOWS_GLOBAL = '__jobLensFlows';
export type FlowsEntry = (href: string) => void;

/** Where the built script sits in the extension, for `scripting.executeScript`. */
export const FLOWS_FILE = '/flows.js';

/** The pages the account script handles. */
export function needsFlows(page: PageKind): boolean {
  return page.kind === 'apply' || page.kind === 'applied' || page.kind === 'history' || page.kind === 'login';
}
