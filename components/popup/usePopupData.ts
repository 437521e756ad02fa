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

/**
 * Rows read before the rest: the rows the list renders at first (those in view and the few around
 * them), since each is a whole posting and the first screen waits for them.
 */
const FIRST_PAGE = 16;

/** Set once the first screen with real data is on screen; the benchmark reads it. */
const FIRST_RENDER_MARK = 'job-lens:first-render';

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
 * `showCurrent` whether that job's tab is open, `detailId` the saved job opened from the list.
 */
export function usePopupData(
  api: ExtensionApi,
  {
    page,
    privateTab,
    jobId,
    showCurrent,
    detailId,
  }: { page: PageKind | undefined; privateTab: boolean; jobId: string | null; showCurrent: boolean; detailId: string | null },
) {
  const { db } = api;
  const now = useMemo(() => api.now(), [api]);
  // The applied jobs are read once, for the limit and for the dates to ask.
  const applications = useLiveQuery(() => loadLimit(db, now), [db, now]);
  const limit = applications?.state;
  const undated = useMemo(() => applications?.appliedJobs.filter(needsDate), [applications]);
  const pending = useLiveQuery(() => pendingConfirmations(db, now), [db, now]);
  const loaded = useLiveQuery(() => loadProfile(db), [db]);
  const recent = useLiveQuery(() => listRecent(db, FIRST_PAGE), [db]);
  // Counting 100,000 rows holds up every query queued behind it, so the count starts once the
  // first screen is up, and only for the tab's label: the list counts the order it reads anyway.
  const [firstShown, setFirstShown] = useState(false);
  const countNow = firstShown && jobId !== null;
  const total = useLiveQuery(async () => (countNow ? countJobs(db) : undefined), [db, countNow]);
  const pageState = usePageState(api, jobId, page?.kind === 'job');
  const currentJob = useLiveQuery(async () => (jobId ? savedJob(db, jobId) : null), [db, jobId]);
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
