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
  snoozeApplyPrompt,
} from '../store/jobs';
import { adoptSiteApplication, markViaReferral, mergeHistory, recordFromSite, soleOpenForm, undoRecording } from '../store/flows';
import { needsFlows } from '../flows/inject';
import { memoryArea, TabMemory } from '../flows/tabs';
import type { Site } from '../posting/schema';
import { canonicalJobUrl, classifyUrl, siteOfHost, type PageKind } from '../sites/urls';
import { saveProfile } from '../profile/store';
import { dismissBanner, loadLimitState, pageLimitFor, setProgramOverride } from '../store/limit';
import { deleteAllData } from '../store/erase';
import { setCycleStart, setRecordPrivateWindows, setStrictLimit } from '../store/settings';
import type { SummaryRefresher } from '../store/match-summary';
import type { Handlers } from './router';
import { snapshotOf } from '../backup/snapshot';
import { NO_KEEPER_STATUS, type DataStatus } from '../backup/status';

export interface HandlerDeps {
  db: JobLensDb;
  now: () => Date;
  /** Called with the new limit state after anything that can change it (the toolbar badge). */
  onLimitChange?: (limit: LimitState) => void | Promise<void>;
  /** Which form each tab showed; survives a service-worker restart when backed by `storage.session`. */
  tabs?: TabMemory;
  newId?: () => string;
  /** Injects the account pages' script into a tab (the browser's scripting API, in the background). */
  injectFlows?: (tabId: number) => Promise<void>;
  /** The background's keeper of the backup copy (lib/backup/keeper.ts); absent in plain tests. */
  data?: { status(): DataStatus; dismiss(id: string): Promise<void> };
  /** Keeps the stored match summaries fresh (see lib/store/match-summary.ts); none in some tests. */
  summaries?: SummaryRefresher;
}

/**
 * What the sending page is, from the tab's address that the sender check passes on (the check reads
 * `sender.tab.url`: Chromium's `sender.url` stays at the document's first address after a
 * client-side navigation). Which form the tab showed still comes from the background's own memory,
 * never from the address or the payload.
 */
function senderPage(senderUrl: string | undefined): PageKind | null {
  if (!senderUrl) return null;
  try {
    return classifyUrl(new URL(senderUrl));
  } catch {
    return { kind: 'other' };
  }
}

/** The careers site of the sending page; undefined when no URL came (extension pages, tests). */
function senderSite(senderUrl: string | undefined): Site | null | undefined {
  if (!senderUrl) return undefined;
  try {
    return siteOfHost(new URL(senderUrl).hostname);
  } catch {
    return null;
  }
}

function requireCareersPage(senderUrl: string | undefined, name: string): Site | null {
  const site = senderSite(senderUrl);
  if (site === null) throw new Error(`${name} comes only from a careers page`);
  return site ?? null;
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
  tabs = new TabMemory(memoryArea()),
  newId = () => crypto.randomUUID(),
  injectFlows,
  data,
  summaries,
}: HandlerDeps): Handlers {
  const limit = async () => {
    const state = await loadLimitState(db, now());
    await onLimitChange?.(state);
    return state;
  };
  const handlers: Handlers = {
    'posting:seen': async ({ posting }, { senderUrl }) => {
      // Only the job's canonical address is kept: a referral link's token or any query string never is.
      const result = await recordPostingSeen(db, { ...posting, url: canonicalJobUrl(posting.site, posting.jobId) }, now());
      if (!result.ok) throw new Error(result.reason);
      if (result.outcome === 'created') await adoptSiteApplication(db, posting.jobId, now());
      const page = senderPage(senderUrl);
      if (page?.kind === 'job' && page.viaReferral && page.jobId === posting.jobId) await markViaReferral(db, posting.jobId);
      if (result.outcome !== 'stale') await summaries?.markJob(posting.jobId);
      const state = await limit();
      return { outcome: result.outcome, limit: state, page: await pageLimitFor(db, state, posting.jobId) };
    },
    'posting:gone': async ({ jobId }) => ({ closed: await recordPostingGone(db, jobId, now()) }),
    'apply:started': async ({ site, jobId, viaReferral = false, signIn = false }, { tabId, senderUrl }) => {
      const at = now();
      const from = requireCareersPage(senderUrl, 'apply:started');
      if (from !== null && from !== site) throw new Error(`apply:started for a ${site} form from a ${from} page`);
      await tabs.sessionStart(at);
      if (tabId !== undefined) await tabs.rememberForm(tabId, { site, jobId, viaReferral, at: at.toISOString() });
      // A sign-in page on the way to a form is remembered as that form; it is not the form yet.
      if (signIn) {
        const state = await limit();
        return { recorded: false, limit: state, page: await pageLimitFor(db, state, jobId, true) };
      }
      if (viaReferral) await markViaReferral(db, jobId);
      // The form can be opened from a link without the job page ever being read: nothing to mark then.
      const result = await recordApplyStarted(db, jobId, at);
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
    'settings:setRecordPrivate': async ({ recordPrivateWindows }) => ({
      recordPrivateWindows: await setRecordPrivateWindows(db, recordPrivateWindows, now()),
    }),
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
    'data:imported': async () => {
      // An import brings jobs scored against another profile, or none: score them again.
      summaries?.invalidate();
      return { limit: await limit() };
    },
    'apply:submitted': async (_data, { tabId, senderUrl }) => {
      const at = now();
      const page = senderPage(senderUrl);
      const site = requireCareersPage(senderUrl, 'apply:submitted');
      const remembered = tabId !== undefined ? await tabs.formOf(tabId, at) : null;
      if (remembered?.recordedAt) {
        const job = await db.jobs.get(remembered.jobId);
        return { recorded: 'none', recordingId: null, title: job?.title ?? null, limit: await limit() };
      }
      let form = remembered;
      if (!form) {
        const sole = await soleOpenForm(db, site, at, await tabs.sessionStart(at));
        if (sole) form = { site: sole.site, jobId: sole.jobId, viaReferral: sole.viaReferral === true, at: sole.applyStartedAt!, recordedAt: null };
      }
      if (!form) return { recorded: 'unknown-form', recordingId: null, title: null, limit: await limit() };
      const viaReferral = form.viaReferral || (page?.kind === 'applied' && page.viaReferral);
      const outcome = await recordFromSite(db, { site: form.site, jobId: form.jobId, viaReferral, kind: 'confirmation' }, at);
      if (tabId !== undefined) await tabs.rememberForm(tabId, { ...form, recordedAt: at.toISOString() });
      let recordingId: string | null = null;
      if (outcome.recorded !== 'none') {
        recordingId = newId();
        await tabs.rememberRecording({ ...outcome.recording, id: recordingId, tabId: tabId ?? null }, at);
      }
      const title = outcome.recorded === 'site' ? outcome.row.title : (outcome.job?.title ?? null);
      return { recorded: outcome.recorded, recordingId, title, limit: await limit() };
    },
    'apply:duplicate': async (_data, { tabId, senderUrl }) => {
      const at = now();
      requireCareersPage(senderUrl, 'apply:duplicate');
      const form = tabId !== undefined ? await tabs.formOf(tabId, at) : null;
      if (!form) return { recorded: false, limit: await limit() };
      const outcome = await recordFromSite(db, { site: form.site, jobId: form.jobId, viaReferral: form.viaReferral, kind: 'duplicate' }, at);
      return { recorded: outcome.recorded !== 'none', limit: await limit() };
    },
    'apply:undo': async ({ recordingId }, { tabId }) => {
      const at = now();
      const recording = await tabs.recording(recordingId, at);
      if (!recording || (recording.tabId !== null && tabId !== undefined && recording.tabId !== tabId)) {
        return { undone: false, message: 'Nothing to undo.', limit: await limit() };
      }
      const result = await undoRecording(db, recording);
      if (result.ok) await tabs.forgetRecording(recordingId);
      return { undone: result.ok, message: result.ok ? null : result.message, limit: await limit() };
    },
    'history:read': async ({ rows }, { senderUrl }) => {
      // Rows belong to the account of the site they were read on: the host says which.
      const site = senderSite(senderUrl);
      if (!site) throw new Error('history:read comes only from a careers history page');
      const summary = await mergeHistory(db, rows.map((row) => ({ ...row, site })), now());
      return { summary, limit: await limit() };
    },
    'flows:load': async (_data, { tabId, senderUrl }) => {
      if (tabId === undefined || !senderSite(senderUrl)) throw new Error('flows:load comes only from a careers page');
      if (!injectFlows) return { injected: false };
      await injectFlows(tabId);
      return { injected: true };
    },
    'apply:later': async ({ jobId }) => {
      unwrap(await snoozeApplyPrompt(db, jobId, now()));
      return { limit: await limit() };
    },
    'data:status': async () => ({ status: data ? data.status() : NO_KEEPER_STATUS }),
    'data:dismissNotice': async ({ id }) => {
      await data?.dismiss(id);
      return {};
    },
    'data:snapshot': async () => ({ ...(await snapshotOf(db)), revision: data?.status().revision ?? 0 }),
  };
  if (!summaries) return handlers;
  // After every message, not on a timer: a changed profile, an import or a new local day (dates
  // decide some verdicts) is noticed the next time anything talks to the background, with no
  // alarm permission. Started after the answer has gone (a macrotask later), and never awaited:
  // the answer waits neither for the look nor for 100,000 jobs to be rescored.
  const refreshed = {} as Record<string, unknown>;
  for (const [name, handler] of Object.entries(handlers) as [keyof Handlers, (d: unknown, c: unknown) => Promise<unknown>][]) {
    refreshed[name] = async (data: unknown, context: unknown) => {
      try {
        return await handler(data, context);
      } finally {
        setTimeout(() => summaries.refresh().catch((error) => console.error('Job Lens: could not update match scores', error)), 0);
      }
    };
  }
  return refreshed as Handlers;
}
