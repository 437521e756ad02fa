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
import { dismissBanner, loadLimitState, pageLimitFor, setProgramOverride } from '../store/limit';
import { deleteAllData } from '../store/erase';
import { setCycleStart, setStrictLimit } from '../store/settings';
import { importJson } from '../transfer/import';
import type { Handlers } from './router';

export interface HandlerDeps {
  db: JobLensDb;
  now: () => Date;
  /** Called with the new limit state after anything that can change it (the toolbar badge). */
  onLimitChange?: (limit: LimitState) => void | Promise<void>;
}

/** A refused update becomes an error reply that names why (the router turns throws into replies). */
function unwrap(result: JobUpdateResult): void {
  if (!result.ok) throw new Error(result.message);
}

/**
 * The background's answers, as plain functions over the database: tests call them directly.
 * Nothing is kept in memory between messages, because MV3 stops the service worker at will.
 */
export function createHandlers({ db, now, onLimitChange }: HandlerDeps): Handlers {
  const limit = async () => {
    const state = await loadLimitState(db, now());
    await onLimitChange?.(state);
    return state;
  };
  return {
    'posting:seen': async ({ posting }) => {
      const result = await recordPostingSeen(db, posting, now());
      if (!result.ok) throw new Error(result.reason);
      const state = await limit();
      return { outcome: result.outcome, limit: state, page: await pageLimitFor(db, state, posting.jobId) };
    },
    'apply:started': async ({ jobId }) => {
      // The form can be opened from a link without the job page ever being read: nothing to mark then.
      const result = await recordApplyStarted(db, jobId, now());
      if (!result.ok && result.reason !== 'not-found') throw new Error(result.message);
      const state = await limit();
      return { recorded: result.ok, limit: state, page: await pageLimitFor(db, state, jobId, true) };
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
    'limit:get': async ({ jobId }) => {
      const state = await limit();
      return jobId === undefined ? { limit: state } : { limit: state, page: await pageLimitFor(db, state, jobId) };
    },
    'job:setProgram': async ({ jobId, program }) => {
      const result = await setProgramOverride(db, jobId, program, now());
      if (!result.ok) throw new Error(result.message);
      return { limit: await limit() };
    },
    'settings:setStrictLimit': async ({ strict }) => {
      const result = await setStrictLimit(db, strict, now());
      if (!result.ok) throw new Error(result.message);
      return { limit: await limit() };
    },
    'banner:dismiss': async ({ key }) => {
      await dismissBanner(db, key, now());
      return {};
    },
    'data:deleteAll': async () => {
      await deleteAllData(db);
      return { limit: await limit() };
    },
  };
}
