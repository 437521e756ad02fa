import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fullestProgram } from '../../lib/limit/limit';
import { loadProfile } from '../../lib/profile/store';
import type { PageKind } from '../../lib/sites/urls';
import { listRecent, needsDate, pendingConfirmations } from '../../lib/store/jobs';
import { countForJob, loadLimit } from '../../lib/store/limit';
import { countJobs, savedJob } from '../../lib/store/queries';
import { getRecordPrivateWindows } from '../../lib/store/settings';
import { isEmptyProfile } from '../job-detail/match';
import type { ProfileState } from '../job-detail/JobView';
import type { ExtensionApi } from '../shared/api';
import type { JobLensDb } from '../../lib/store/db';

/**
 * Rows read before the rest: the rows the list renders at first (those in view and the few around
 * them), since each is a whole posting and the first screen waits for them.
 */
const FIRST_PAGE = 16;

/** Set once the first screen with real data is on screen; the benchmark reads it. */
const FIRST_RENDER_MARK = 'job-lens:first-render';

/**
 * The reads the popup's first screen waits for, each one query of the database. The hooks below
 * follow them live; `readFirstScreen` runs them once, before the popup first renders.
 */
const firstScreenReads = {
  // The applied jobs are read once, for the limit and for the dates to ask.
  applications: (db: JobLensDb, now: Date) => loadLimit(db, now),
  pending: (db: JobLensDb, now: Date) => pendingConfirmations(db, now),
  profile: (db: JobLensDb) => loadProfile(db),
  recent: (db: JobLensDb) => listRecent(db, FIRST_PAGE),
  currentJob: (db: JobLensDb, jobId: string | null) => (jobId ? savedJob(db, jobId) : Promise.resolve(null)),
};

export interface FirstScreen {
  /** The job whose row `currentJob` is (the tab's), null when the tab shows none. */
  jobId: string | null;
  applications: Awaited<ReturnType<typeof firstScreenReads.applications>>;
  pending: Awaited<ReturnType<typeof firstScreenReads.pending>>;
  profile: Awaited<ReturnType<typeof firstScreenReads.profile>>;
  recent: Awaited<ReturnType<typeof firstScreenReads.recent>>;
  currentJob: Awaited<ReturnType<typeof firstScreenReads.currentJob>>;
}

/**
 * What the first screen shows, read before React renders anything. A live query only starts
 * once React has committed and the browser has painted (its hook subscribes in an effect), and
 * the screen it feeds comes a render later: read here, while nothing else runs, the first render
 * already shows the data. The hooks take these as their values until their own first answer.
 */
export async function readFirstScreen(db: JobLensDb, now: Date, jobId: string | null): Promise<FirstScreen> {
  const [applications, pending, profile, recent, currentJob] = await Promise.all([
    firstScreenReads.applications(db, now),
    firstScreenReads.pending(db, now),
    firstScreenReads.profile(db),
    firstScreenReads.recent(db),
    firstScreenReads.currentJob(db, jobId),
  ]);
  return { jobId, applications, pending, profile, recent, currentJob };
}

export type TabPageState = Awaited<ReturnType<NonNullable<ExtensionApi['askPage']>>>;

/**
 * What the content script in the current tab knows about a job page Job Lens has no posting for:
 * still reading, not found (a job taken down) or unreadable. Asked again every second while it
 * is still reading, so the popup never says "reading" about a page that has ended.
 */
function usePageState(api: ExtensionApi, jobId: string | null, isJobPage: boolean): TabPageState | undefined {
  const [state, setState] = useState<TabPageState | undefined>(undefined);
  useEffect(() => {
    if (!jobId || !isJobPage || !api.askPage) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      void api.askPage!().then(
        (answer) => {
          if (stopped) return;
          const mine = answer && answer.jobId === jobId ? answer : null;
          setState(mine);
          if (!mine || mine.state === 'reading') timer = setTimeout(ask, 1000);
        },
        () => undefined,
      );
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, jobId, isJobPage]);
  return state;
}

/**
 * Everything the popup shows, read live from the database (every view follows changes made
 * anywhere) and derived: the limit, the dates to ask, the profile, the recent rows, the job on
 * screen. `page` is what the active tab shows (undefined while it is looked up), `jobId` its job,
 * `showCurrent` whether that job's tab is open, `detailId` the saved job opened from the list,
 * `first` the first screen's data when it was read before the first render (for `jobId`).
 */
export function usePopupData(
  api: ExtensionApi,
  {
    page,
    privateTab,
    jobId,
    showCurrent,
    detailId,
    first,
  }: {
    page: PageKind | undefined;
    privateTab: boolean;
    jobId: string | null;
    showCurrent: boolean;
    detailId: string | null;
    first?: FirstScreen | undefined;
  },
) {
  const { db } = api;
  const now = useMemo(() => api.now(), [api]);
  const applications = useLiveQuery(() => firstScreenReads.applications(db, now), [db, now], first?.applications);
  const limit = applications?.state;
  const undated = useMemo(() => applications?.appliedJobs.filter(needsDate), [applications]);
  const pending = useLiveQuery(() => firstScreenReads.pending(db, now), [db, now], first?.pending);
  const loaded = useLiveQuery(() => firstScreenReads.profile(db), [db], first?.profile);
  const recent = useLiveQuery(() => firstScreenReads.recent(db), [db], first?.recent);
  // Counting 100,000 rows holds up every query queued behind it, so the count starts once the
  // first screen is up, and only for the tab's label: the list counts the order it reads anyway.
  const [firstShown, setFirstShown] = useState(false);
  const countNow = firstShown && jobId !== null;
  const total = useLiveQuery(async () => (countNow ? countJobs(db) : undefined), [db, countNow]);
  const pageState = usePageState(api, jobId, page?.kind === 'job');
  const currentJob = useLiveQuery(
    () => firstScreenReads.currentJob(db, jobId),
    [db, jobId],
    first?.jobId === jobId ? first.currentJob : undefined,
  );
  const detailJob = useLiveQuery(async () => (detailId ? savedJob(db, detailId) : null), [db, detailId]);
  const recordsPrivate = useLiveQuery(async () => (privateTab ? getRecordPrivateWindows(db) : undefined), [db, privateTab]);

  const profile: ProfileState = useMemo(() => {
    if (loaded === undefined) return { status: 'loading' };
    if (!loaded.ok) return { status: 'invalid', reason: loaded.reason };
    if (loaded.updatedAt === null) return { status: 'none' };
    return { status: 'ready', profile: loaded.profile };
  }, [loaded]);
  const usableProfile = profile.status === 'ready' && !isEmptyProfile(profile.profile) ? profile.profile : null;

  const firstScreenReady = page !== undefined && limit !== undefined && (showCurrent ? currentJob !== undefined : recent !== undefined);
  const marked = useRef(false);
  useEffect(() => {
    if (!firstScreenReady || marked.current) return;
    marked.current = true;
    performance.mark(FIRST_RENDER_MARK);
    document.documentElement.dataset.firstRender = 'done';
    setFirstShown(true);
  }, [firstScreenReady]);

  // The header and the banner follow the job on screen; away from one, the fullest program.
  const shownJob = showCurrent ? currentJob : detailId !== null ? detailJob : undefined;
  const focus = shownJob && limit ? { count: countForJob(limit, shownJob) } : undefined;
  const bannerCount = focus ? focus.count : limit ? fullestProgram(limit) : undefined;

  return {
    limit,
    undated,
    pending,
    profile,
    usableProfile,
    recent,
    total,
    pageState,
    currentJob,
    detailJob,
    recordsPrivate,
    firstShown,
    focus,
    bannerCount,
  };
}
