import type { LimitState } from '../limit/limit';
import type { JobLensDb } from '../store/db';
import {
  acknowledgeChange,
  confirmApplication,
  deleteJob,
  dismissApplyPrompt,
  type JobUpdateResult,
  recordApplyStarted,
  recordPostingGone,
  recordPostingSeen,
  setNotes,
  setStatus,
} from '../store/jobs';
import { saveProfile } from '../profile/store';
import { loadLimitState } from '../store/limit';
import { setCycleStart } from '../store/settings';
import { importJson } from '../transfer/import';
import type { SummaryRefresher } from '../store/match-summary';
import type { Handlers } from './router';

export interface HandlerDeps {
  db: JobLensDb;
  now: () => Date;
  /** Called with the new limit state after anything that can change it (the toolbar badge). */
  onLimitChange?: (limit: LimitState) => void | Promise<void>;
  /** Keeps the stored match summaries fresh (see lib/store/match-summary.ts); none in some tests. */
  summaries?: SummaryRefresher;
}

/** A refused update becomes an error reply that names why (the router turns throws into replies). */
function unwrap(result: JobUpdateResult): void {
  if (!result.ok) throw new Error(result.message);
}

/**
 * The background's answers, as plain functions over the database: tests call them directly.
 * Nothing is kept in memory between messages, because MV3 stops the service worker at will.
 */
export function createHandlers({ db, now, onLimitChange, summaries }: HandlerDeps): Handlers {
  const limit = async () => {
    const state = await loadLimitState(db, now());
    await onLimitChange?.(state);
    return state;
  };
  const handlers: Handlers = {
    'posting:seen': async ({ posting }) => {
      const result = await recordPostingSeen(db, posting, now());
      if (!result.ok) throw new Error(result.reason);
      if (result.outcome !== 'stale') await summaries?.markJob(posting.jobId);
      return { outcome: result.outcome, limit: await limit() };
    },
    'posting:gone': async ({ jobId }) => ({ closed: await recordPostingGone(db, jobId, now()) }),
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
      summaries?.invalidate();
      return { summary: result.summary, limit: await limit() };
    },
    'profile:save': async ({ profile }) => {
      const at = now();
      await saveProfile(db, profile, at);
      return { updatedAt: at.toISOString() };
    },
    'limit:get': async () => ({ limit: await limit() }),
  };
  if (!summaries) return handlers;
  // After every message, not on a timer: a changed profile, an import or a new local day (dates
  // decide some verdicts) is noticed the next time anything talks to the background, with no
  // alarm permission. Not awaited: the answer does not wait for 100,000 jobs to be rescored.
  const refreshed = {} as Record<string, unknown>;
  for (const [name, handler] of Object.entries(handlers) as [keyof Handlers, (d: unknown, c: unknown) => Promise<unknown>][]) {
    refreshed[name] = async (data: unknown, context: unknown) => {
      try {
        return await handler(data, context);
      } finally {
        summaries.refresh().catch((error) => console.error('Job Lens: could not update match scores', error));
      }
    };
  }
  return refreshed as Handlers;
}
