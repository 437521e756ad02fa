import type { LimitState } from '../limit/limit';
import type { JobLensDb } from '../store/db';
import {
  acknowledgeChange,
  confirmApplication,
  deleteJob,
  dismissApplyPrompt,
  type JobUpdateResult,
  recordApplyStarted,
  recordPostingSeen,
  setNotes,
  setStatus,
} from '../store/jobs';
import { saveProfile } from '../profile/store';
import { loadLimitState } from '../store/limit';
import { setCycleStart } from '../store/settings';
import { importJson } from '../transfer/import';
import type { Handlers } from './router';
import { marksFor } from '../marks/compute';
import { memoryPrefs, type PrefsStore } from '../marks/prefs';
import { MARK_STYLES } from '../marks/styles';

export interface HandlerDeps {
  db: JobLensDb;
  now: () => Date;
  /** Called with the new limit state after anything that can change it (the toolbar badge). */
  onLimitChange?: (limit: LimitState) => void | Promise<void>;
  /** Where the in-page marks setting lives (storage.local in the extension). */
  marksPrefs?: PrefsStore;
  /** Tries to open the toolbar popup; false where the browser does not allow it. */
  openPopup?: () => Promise<boolean>;
  /** Runs the marks script in a tab's top frame (it guards against running twice). */
  injectMarks?: (tabId: number) => Promise<void>;
}

/** A refused update becomes an error reply that names why (the router turns throws into replies). */
function unwrap(result: JobUpdateResult): void {
  if (!result.ok) throw new Error(result.message);
}

/**
 * The background's answers, as plain functions over the database: tests call them directly.
 * Nothing is kept in memory between messages, because MV3 stops the service worker at will.
 */
export function createHandlers({
  db,
  now,
  onLimitChange,
  marksPrefs = memoryPrefs(),
  openPopup = async () => false,
  injectMarks,
}: HandlerDeps): Handlers {
  const limit = async () => {
    const state = await loadLimitState(db, now());
    await onLimitChange?.(state);
    return state;
  };
  return {
    'posting:seen': async ({ posting }) => {
      const result = await recordPostingSeen(db, posting, now());
      if (!result.ok) throw new Error(result.reason);
      return { outcome: result.outcome, limit: await limit() };
    },
    'apply:started': async ({ jobId }) => {
      // The form can be opened from a link without the job page ever being read: nothing to mark then.
      const result = await recordApplyStarted(db, jobId, now());
      if (!result.ok && result.reason !== 'not-found') throw new Error(result.message);
      return { recorded: result.ok, limit: await limit() };
    },
    'apply:confirm': async ({ jobId, appliedAt }) => {
      unwrap(await confirmApplication(db, jobId, now(), appliedAt));
      return { limit: await limit() };
    },
    'apply:dismiss': async ({ jobId }) => {
      unwrap(await dismissApplyPrompt(db, jobId, now()));
      return { limit: await limit() };
    },
    'job:setStatus': async ({ jobId, status, appliedAt }) => {
      unwrap(await setStatus(db, jobId, status, now(), appliedAt === undefined ? {} : { appliedAt }));
      return { limit: await limit() };
    },
    'job:setNotes': async ({ jobId, notes }) => {
      unwrap(await setNotes(db, jobId, notes, now()));
      return {};
    },
    'job:acknowledgeChange': async ({ jobId }) => {
      unwrap(await acknowledgeChange(db, jobId));
      return {};
    },
    'job:delete': async ({ jobId }) => ({ deleted: await deleteJob(db, jobId), limit: await limit() }),
    'settings:setCycleStart': async ({ cycleStart }) => {
      const result = await setCycleStart(db, cycleStart, now());
      if (!result.ok) throw new Error(result.message);
      return { limit: await limit() };
    },
    'data:import': async ({ text }) => {
      const result = await importJson(db, text, now());
      if (!result.ok) throw new Error(result.message);
      return { summary: result.summary, limit: await limit() };
    },
    'profile:save': async ({ profile }) => {
      const at = now();
      await saveProfile(db, profile, at);
      return { updatedAt: at.toISOString() };
    },
    'limit:get': async () => ({ limit: await limit() }),
    'marks:get': async ({ jobIds, lineFor, site }) => {
      const prefs = await marksPrefs.get();
      const lineDismissed = site !== undefined && prefs.dismissedSites.includes(site);
      // Turned off: answer nothing, so nothing about the user's jobs reaches the page at all.
      if (!prefs.enabled) return { marks: {}, views: {}, line: null, enabled: false, lineDismissed, css: MARK_STYLES };
      const result = await marksFor(db, jobIds, now(), lineDismissed ? undefined : lineFor);
      return { ...result, enabled: true, lineDismissed, css: MARK_STYLES };
    },
    'marks:inject': async (_data, { tabId }) => {
      // Pages of a user with marks off, or with nothing saved yet, never load the marks script.
      if (!injectMarks || tabId === undefined || !(await marksPrefs.get()).enabled || (await db.jobs.count()) === 0) {
        return { injected: false };
      }
      await injectMarks(tabId);
      return { injected: true };
    },
    'marks:dismissLine': async ({ site }) => {
      const prefs = await marksPrefs.get();
      if (!prefs.dismissedSites.includes(site)) prefs.dismissedSites.push(site);
      await marksPrefs.set(prefs);
      return { prefs };
    },
    'marks:openPopup': async () => ({ opened: await openPopup() }),
    'marks:setPrefs': async ({ enabled, restoreLine }) => {
      const prefs = { ...(await marksPrefs.get()), enabled };
      if (restoreLine) prefs.dismissedSites = [];
      await marksPrefs.set(prefs);
      return { prefs };
    },
  };
}
