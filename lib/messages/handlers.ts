import { judgeReading } from '../capture/readiness';
import { extractFromPage } from '../extract/extract';
import { headTitleOf } from '../extract/header';
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
import { memoryArea, TabMemory } from '../flows/tabs';
import type { Site } from '../posting/schema';
import { canonicalJobUrl, type PageKind } from '../sites/urls';
import { saveProfile } from '../profile/store';
import { dismissBanner, loadLimitState, pageLimitFor, setProgramOverride } from '../store/limit';
import { deleteAllData } from '../store/erase';
import { setCycleStart, setRecordPrivateWindows, setStrictLimit } from '../store/settings';
import type { SummaryRefresher } from '../store/match-summary';
import type { Handlers, MessageContext } from './router';
import { snapshotOf } from '../backup/snapshot';
import { NO_KEEPER_STATUS, type DataStatus } from '../backup/status';
import { marksFor } from '../marks/compute';
import { DEFAULT_PREFS, memoryPrefs, type MarksPrefs, type PrefsStore } from '../marks/prefs';
import { MARK_STYLES } from '../marks/styles';

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
  /** Injects the limit banner's script into a tab, likewise. */
  injectBanner?: (tabId: number) => Promise<void>;
  /** The background's keeper of the backup copy (lib/backup/keeper.ts); absent in plain tests. */
  data?: { status(): DataStatus; dismiss(id: string): Promise<void> };
  /** Keeps the stored match summaries fresh (see lib/store/match-summary.ts); none in some tests. */
  summaries?: SummaryRefresher;
  /** Where the in-page marks setting lives (storage.local in the extension). */
  marksPrefs?: PrefsStore;
  /** Tries to open the toolbar popup; false where the browser does not allow it. */
  openPopup?: () => Promise<boolean>;
  /** After anything the marks on careers pages show may have changed (a job, the limit, the setting). */
  onMarksChange?: () => void;
}

/**
 * What the sending page is: the page the sender check classified from the tab's address (it reads
 * `sender.tab.url`: Chromium's `sender.url` stays at the document's first address after a
 * client-side navigation), so no handler parses an address again. Null from an extension page.
 * Which form the tab showed still comes from the background's own memory, never from the address
 * or the payload.
 */
function senderPage(context: MessageContext): PageKind | null {
  return context.sender === 'content' ? context.page : null;
}

/** The careers site of the sending page; undefined from an extension page (direct calls in tests). */
function senderSite(context: MessageContext): Site | null | undefined {
  const page = senderPage(context);
  if (!page) return undefined;
  return 'site' in page ? page.site : null;
}

function requireCareersPage(context: MessageContext, name: string): Site | null {
  const site = senderSite(context);
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
  injectBanner,
  data,
  summaries,
  marksPrefs = memoryPrefs(),
  openPopup = async () => false,
  onMarksChange,
}: HandlerDeps): Handlers {
  const setMarksPrefs = async (prefs: MarksPrefs) => {
    await marksPrefs.set(prefs);
    onMarksChange?.();
    return { prefs };
  };
  /** `marks`: false where nothing the page marks show changed (a job seen again, as it was). */
  const limit = async (marks = true) => {
    const state = await loadLimitState(db, now());
    await onLimitChange?.(state);
    if (marks) onMarksChange?.();
    return state;
  };
  const handlers: Handlers = {
    'page:read': async ({ jobId, page, last }, context) => {
      if (context.sender !== 'content') throw new Error('page:read comes only from a job page');
      // Read under the tab's address as the browser reports it, never one the message names.
      const reading = judgeReading(extractFromPage(page, new URL(context.senderUrl), now()), jobId, headTitleOf(page), last);
      if (!reading.ready) return { read: false, reason: reading.reason };
      const seen = reading.again ? null : await handlers['posting:seen']({ posting: reading.posting }, context);
      return { read: true, fingerprint: reading.fingerprint, seen };
    },
    'posting:seen': async ({ posting }, context) => {
      // Only the job's canonical address is kept: a referral link's token or any query string never is.
      const result = await recordPostingSeen(db, { ...posting, url: canonicalJobUrl(posting.site, posting.jobId) }, now());
      if (!result.ok) throw new Error(result.reason);
      if (result.outcome === 'created') await adoptSiteApplication(db, posting.jobId, now());
      const page = senderPage(context);
      if (page?.kind === 'job' && page.viaReferral && page.jobId === posting.jobId) await markViaReferral(db, posting.jobId);
      if (result.outcome !== 'stale') await summaries?.markJob(posting.jobId);
      // Seen again with the same text: the open pages' marks (status, score, places) stay true.
      const state = await limit(result.outcome === 'created' || result.outcome === 'changed');
      return { outcome: result.outcome, limit: state, page: await pageLimitFor(db, state, posting.jobId) };
    },
    'posting:gone': async ({ jobId }) => ({ closed: await recordPostingGone(db, jobId, now()) }),
    'apply:started': async ({ site, jobId, viaReferral = false, signIn = false }, context) => {
      const { tabId } = context;
      const at = now();
      const from = requireCareersPage(context, 'apply:started');
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
      // "Every setting" includes the marks setting, though it lives outside the database.
      await setMarksPrefs({ ...DEFAULT_PREFS, dismissedSites: [] });
      return { limit: await limit() };
    },
    'data:imported': async () => {
      // An import brings jobs scored against another profile, or none: score them again.
      summaries?.invalidate();
      return { limit: await limit() };
    },
    'apply:submitted': async (_data, context) => {
      const { tabId } = context;
      const at = now();
      const page = senderPage(context);
      const site = requireCareersPage(context, 'apply:submitted');
      const remembered = tabId !== undefined ? await tabs.formOf(tabId, at) : null;
      if (remembered?.recordedAt) {
        const job = await db.jobs.get(remembered.jobId);
        return { recorded: 'none', recordingId: null, title: job?.title ?? null, limit: await limit() };
      }
      let form = remembered;
      if (!form) {
        const sole = await soleOpenForm(db, site, at, await tabs.sessionStart(at));
        if (sole)
          form = { site: sole.site, jobId: sole.jobId, viaReferral: sole.viaReferral === true, at: sole.applyStartedAt!, recordedAt: null };
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
    'apply:duplicate': async (_data, context) => {
      const { tabId } = context;
      const at = now();
      requireCareersPage(context, 'apply:duplicate');
      const form = tabId !== undefined ? await tabs.formOf(tabId, at) : null;
      if (!form) return { recorded: false, limit: await limit() };
      const outcome = await recordFromSite(
        db,
        { site: form.site, jobId: form.jobId, viaReferral: form.viaReferral, kind: 'duplicate' },
        at,
      );
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
    'history:read': async ({ rows }, context) => {
      // Rows belong to the account of the site they were read on: the host says which.
      const site = senderSite(context);
      if (!site) throw new Error('history:read comes only from a careers history page');
      const summary = await mergeHistory(
        db,
        rows.map((row) => ({ ...row, site })),
        now(),
      );
      return { summary, limit: await limit() };
    },
    'flows:load': async (_data, context) => {
      const { tabId } = context;
      if (tabId === undefined || !senderSite(context)) throw new Error('flows:load comes only from a careers page');
      if (!injectFlows) return { injected: false };
      await injectFlows(tabId);
      return { injected: true };
    },
    'banner:load': async (_data, context) => {
      const { tabId } = context;
      if (tabId === undefined || !senderSite(context)) throw new Error('banner:load comes only from a careers page');
      if (!injectBanner) return { injected: false };
      await injectBanner(tabId);
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
    'marks:get': async ({ jobIds, lineFor }, context) => {
      const prefs = await marksPrefs.get();
      const site = senderSite(context);
      const lineDismissed = !!site && prefs.dismissedSites.includes(site);
      // Turned off: answer nothing, so nothing about the user's jobs reaches the page at all.
      if (!prefs.enabled) return { views: {}, line: null, enabled: false, lineDismissed, css: MARK_STYLES };
      const result = await marksFor(db, jobIds, now(), lineDismissed ? undefined : lineFor);
      return { ...result, enabled: true, lineDismissed, css: MARK_STYLES };
    },
    'marks:dismissLine': async (_data, context) => {
      const site = senderSite(context);
      if (!site) throw new Error('marks:dismissLine comes only from a careers page');
      const prefs = await marksPrefs.get();
      // The page learns nothing back: not the setting, nor the other site's choice.
      if (!prefs.dismissedSites.includes(site)) await setMarksPrefs({ ...prefs, dismissedSites: [...prefs.dismissedSites, site] });
      return {};
    },
    'marks:openPopup': async () => ({ opened: await openPopup() }),
    'marks:setPrefs': async ({ enabled, restoreLine }) => {
      const prefs = await marksPrefs.get();
      return setMarksPrefs({ enabled, dismissedSites: restoreLine ? [] : prefs.dismissedSites });
    },
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
        setTimeout(() => void summaries.refresh().catch((error) => console.error('Job Lens: could not update match scores', error)), 0);
      }
    };
  }
  return refreshed as Handlers;
}
