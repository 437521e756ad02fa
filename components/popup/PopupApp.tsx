import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { loadProfile } from '../../lib/profile/store';
import type { PageKind } from '../../lib/sites/urls';
import { datesToAsk, listRecent, pendingConfirmations } from '../../lib/store/jobs';
import { countForJob, loadLimitState } from '../../lib/store/limit';
import { fullestProgram } from '../../lib/limit/limit';
import type { JobRecord } from '../../lib/store/schema';
import { dataApiFrom } from '../data/api';
import { DataNotices } from '../data/DataNotices';
import { isEmptyProfile } from '../job/match';
import { JobView, type ProfileState } from '../job/JobView';
import { SnapshotButton } from './SnapshotButton';
import { SavedJobsView } from '../jobs/SavedJobsView';
import { LimitBanner, LimitHeader, ProgramList } from '../limit/Limit';
import { useApi } from './api';
import { PendingConfirmations } from './PendingConfirmations';

/** Rows read before the rest: more than a popup shows at once, few enough to read in a few ms. */
export const FIRST_PAGE = 40;

/** Set once the first screen with real data is on screen; the benchmark reads it. */
export const FIRST_RENDER_MARK = 'job-lens:first-render';
/** Set once every saved job is loaded for search and filters. */
export const ALL_ROWS_MARK = 'job-lens:all-rows';

type Tab = 'current' | 'saved';

function Tabs({ tab, onChange, savedCount }: { tab: Tab; onChange: (tab: Tab) => void; savedCount: number | undefined }) {
  const tabs: { id: Tab; label: string }[] = [
    { id: 'current', label: 'This job' },
    { id: 'saved', label: savedCount === undefined ? 'Saved jobs' : `Saved jobs (${savedCount.toLocaleString('en')})` },
  ];
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ current: null, saved: null });
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: Tab = tab === 'current' ? 'saved' : 'current';
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The popup. Reads the database live (every view follows changes made anywhere) and writes only
 * through the background. `page` is what the active tab shows; undefined while it is looked up.
 */
export function PopupApp({ page }: { page: PageKind | undefined }) {
  const api = useApi();
  const { db } = api;
  const now = useMemo(() => api.now(), [api]);
  const dataApi = useMemo(() => dataApiFrom(api.send), [api]);
  const jobId = page && 'jobId' in page ? page.jobId : null;

  const [tab, setTab] = useState<Tab>('current');
  const [detailId, setDetailId] = useState<string | null>(null);
  const showCurrent = jobId !== null && tab === 'current';

  const limit = useLiveQuery(() => loadLimitState(db, now), [db, now]);
  const pending = useLiveQuery(() => pendingConfirmations(db, now), [db, now]);
  const undated = useLiveQuery(() => datesToAsk(db), [db]);
  const loaded = useLiveQuery(() => loadProfile(db), [db]);
  const recent = useLiveQuery(() => listRecent(db, FIRST_PAGE), [db]);
  // Counting 10,000 rows takes Chromium over 100 ms and holds up every query queued behind it,
  // so the count starts once the newest rows are in; the list shows "Counting…" until then.
  const [countNow, setCountNow] = useState(false);
  useEffect(() => {
    if (recent !== undefined) setCountNow(true);
  }, [recent]);
  const total = useLiveQuery(
    async () => (countNow ? db.jobs.orderBy('lastSeenAt').count() : undefined),
    [db, countNow],
  );
  const currentJob = useLiveQuery(async () => (jobId ? ((await db.jobs.get(jobId)) ?? null) : null), [db, jobId]);
  const detailJob = useLiveQuery(async () => (detailId ? ((await db.jobs.get(detailId)) ?? null) : null), [db, detailId]);


  const profile: ProfileState = useMemo(() => {
    if (loaded === undefined) return { status: 'loading' };
    if (!loaded.ok) return { status: 'invalid', reason: loaded.reason };
    if (loaded.updatedAt === null) return { status: 'none' };
    return { status: 'ready', profile: loaded.profile };
  }, [loaded]);
  const usableProfile = profile.status === 'ready' && !isEmptyProfile(profile.profile) ? profile.profile : null;

  const firstScreenReady =
    page !== undefined && limit !== undefined && (showCurrent ? currentJob !== undefined : recent !== undefined);
  const marked = useRef(false);
  useEffect(() => {
    if (!firstScreenReady || marked.current) return;
    marked.current = true;
    performance.mark(FIRST_RENDER_MARK);
    document.documentElement.dataset.firstRender = 'done';
  }, [firstScreenReady]);

  // Every row only after the first screen is up, and only for the list: reading 10,000 postings
  // takes seconds, and neither the first screen nor the current-job view should wait for it.
  const [wantAll, setWantAll] = useState(false);
  const listShown = page !== undefined && !showCurrent;
  useEffect(() => {
    if (!listShown || wantAll || !firstScreenReady) return;
    const timer = setTimeout(() => setWantAll(true), 0);
    return () => clearTimeout(timer);
  }, [listShown, wantAll, firstScreenReady]);
  const all = useLiveQuery(
    async (): Promise<JobRecord[] | undefined> => (wantAll ? db.jobs.orderBy('lastSeenAt').reverse().toArray() : undefined),
    [db, wantAll],
  );

  const allMarked = useRef(false);
  useEffect(() => {
    if (all === undefined || allMarked.current) return;
    allMarked.current = true;
    performance.mark(ALL_ROWS_MARK);
  }, [all]);

  const detailHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (detailJob) detailHeading.current?.focus();
  }, [detailJob?.jobId]); // eslint-disable-line react-hooks/exhaustive-deps

  // The header and the banner follow the job on screen; away from one, the fullest program.
  const shownJob = showCurrent ? currentJob : detailId !== null ? detailJob : undefined;
  const focus = shownJob && limit ? { count: countForJob(limit, shownJob) } : undefined;
  const bannerCount = focus ? focus.count : limit ? fullestProgram(limit) : undefined;

  const listView = (
    <>
      <ProgramList state={limit} />
      <SavedJobsView data={{ all, recent, total }} profile={usableProfile} onOpen={setDetailId} />
    </>
  );

  let body: React.ReactNode;
  if (page === undefined) {
    body = <p aria-busy="true">Loading…</p>;
  } else if (showCurrent) {
    body =
      currentJob === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : currentJob === null ? (
        <div className="callout" data-testid="not-read-yet">
          <p>
            {page.kind === 'apply'
              ? 'Job Lens has not seen the posting for this application form yet. Open the job page first to keep it.'
              : 'Job Lens is reading this job. If the page has finished loading and nothing shows here, reload the page.'}
          </p>
        </div>
      ) : (
        <JobView job={currentJob} profile={profile} limit={limit} />
      );
    if (page.kind === 'job') body = <>{body}<SnapshotButton /></>;
  } else {
    body = (
      <>
        {detailId !== null && (
          <div className="detail">
            <button type="button" className="link back" onClick={() => setDetailId(null)}>
              ← Back to saved jobs
            </button>
            {detailJob ? (
              <JobView job={detailJob} profile={profile} limit={limit} headingRef={detailHeading} />
            ) : detailJob === null ? (
              <p>This job is no longer saved.</p>
            ) : (
              <p aria-busy="true">Loading…</p>
            )}
          </div>
        )}
        {/* Hidden, not unmounted, so the search, filters and scroll position survive a look at a job. */}
        <div hidden={detailId !== null}>{listView}</div>
      </>
    );
  }

  return (
    <div className="popup">
      <header className="popup-header">
        <h1>Job Lens</h1>
        <LimitHeader state={limit} focus={focus} />
        <button type="button" className="icon-button" onClick={() => void api.openOptions()}>
          <span aria-hidden="true">⚙ </span>Profile &amp; settings
        </button>
      </header>
      <main>
        <DataNotices api={dataApi} />
        <LimitBanner count={bannerCount} />
        <PendingConfirmations jobs={pending} undated={undated} limit={limit} />
        {jobId !== null && <Tabs tab={tab} onChange={setTab} savedCount={total} />}
        <div
          role={jobId !== null ? 'tabpanel' : undefined}
          id={jobId !== null ? `panel-${tab}` : undefined}
          aria-labelledby={jobId !== null ? `tab-${tab}` : undefined}
          className="view"
        >
          {body}
        </div>
      </main>
    </div>
  );
}
