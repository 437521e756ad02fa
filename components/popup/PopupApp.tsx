import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { loadProfile } from '../../lib/profile/store';
import type { PageKind } from '../../lib/sites/urls';
import { listRecent, needsDate, pendingConfirmations } from '../../lib/store/jobs';
import { countForJob, loadLimit } from '../../lib/store/limit';
import { getRecordPrivateWindows } from '../../lib/store/settings';
import { fullestProgram } from '../../lib/limit/limit';
import { dataApiFrom } from '../shared/api';
import { DataNotices } from '../data/DataNotices';
import { isEmptyProfile } from '../job-detail/match';
import { JobView, type ProfileState } from '../job-detail/JobView';
import { SnapshotButton } from './SnapshotButton';
import { SavedJobsView } from '../saved-jobs/SavedJobsView';
import { LimitBanner, LimitHeader, ProgramList } from '../limit/Limit';
import { useApi, type ExtensionApi } from '../shared/api';
import { PendingConfirmations } from './PendingConfirmations';
import './PopupApp.css';

/**
 * Rows read before the rest: the rows the list renders at first (those in view and the few around
 * them), since each is a whole posting and the first screen waits for them.
 */
const FIRST_PAGE = 16;

/** Set once the first screen with real data is on screen; the benchmark reads it. */
const FIRST_RENDER_MARK = 'job-lens:first-render';

type Tab = 'current' | 'saved';

function Tabs({ tab, onChange, savedCount }: { tab: Tab; onChange: (tab: Tab) => void; savedCount: number | undefined }) {
  const tabs: { id: Tab; label: string }[] = [
    { id: 'current', label: 'This job' },
    // Every job viewed is listed, saved or not: the tab says so.
    { id: 'saved', label: savedCount === undefined ? 'Jobs you viewed' : `Jobs you viewed (${savedCount.toLocaleString('en')})` },
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

type TabPageState = Awaited<ReturnType<NonNullable<ExtensionApi['askPage']>>>;

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

function NotReadYet({ page, state }: { page: Exclude<PageKind, { kind: 'other' }>; state: TabPageState | undefined }) {
  if (page.kind === 'apply') {
    return (
      <div className="callout" data-testid="not-read-yet">
        <p>Job Lens has not seen the posting for this application form yet. Open the job page first to keep it.</p>
      </div>
    );
  }
  if (state?.state === 'gone') {
    return (
      <div className="callout closed" data-testid="job-gone">
        <p>
          <strong>This job is no longer open.</strong> The site shows “page not found” for it: the posting was taken down or its link is
          wrong. Nothing was kept.
        </p>
      </div>
    );
  }
  if (state?.state === 'unreadable') {
    return (
      <div className="callout" data-testid="not-read-yet">
        <p>Job Lens could not read a job on this page. If the page shows a job, reload it.</p>
      </div>
    );
  }
  return (
    <div className="callout" data-testid="not-read-yet">
      <p aria-busy="true">Job Lens is reading this job…</p>
    </div>
  );
}

/**
 * A careers tab in a private window whose job is not kept because the user has not allowed it:
 * without this the popup would wait for a posting that the background refused.
 */
function NotRecordedPrivate({ onSettings }: { onSettings: () => void }) {
  return (
    <div className="callout" data-testid="private-not-recorded">
      <p>
        Not recorded: this is a private window, and Job Lens keeps nothing from private windows unless you turn on{' '}
        <button type="button" className="link" onClick={onSettings}>
          Record job pages I view in private windows
        </button>{' '}
        (then reload this page).
      </p>
    </div>
  );
}

/**
 * The popup. Reads the database live (every view follows changes made anywhere) and writes only
 * through the background. `page` is what the active tab shows; undefined while it is looked up.
 * `privateTab`: that tab is in a private (incognito) window, as the browser reports it.
 */
export function PopupApp({ page, privateTab = false }: { page: PageKind | undefined; privateTab?: boolean }) {
  const api = useApi();
  const { db } = api;
  const now = useMemo(() => api.now(), [api]);
  const dataApi = useMemo(() => dataApiFrom(api.send), [api]);
  const jobId = page && 'jobId' in page ? page.jobId : null;

  const [tab, setTab] = useState<Tab>('current');
  const [detailId, setDetailId] = useState<string | null>(null);
  const showCurrent = jobId !== null && tab === 'current';

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
  const total = useLiveQuery(async () => (countNow ? db.jobs.count() : undefined), [db, countNow]);
  const pageState = usePageState(api, jobId, page?.kind === 'job');
  const currentJob = useLiveQuery(async () => (jobId ? ((await db.jobs.get(jobId)) ?? null) : null), [db, jobId]);
  const detailJob = useLiveQuery(async () => (detailId ? ((await db.jobs.get(detailId)) ?? null) : null), [db, detailId]);
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

  const detailHeading = useRef<HTMLHeadingElement>(null);
  // Focus follows the job opened, not each new read of the same job.
  const detailJobId = detailJob?.jobId;
  useEffect(() => {
    if (detailJobId !== undefined) detailHeading.current?.focus();
  }, [detailJobId]);

  // The header and the banner follow the job on screen; away from one, the fullest program.
  const shownJob = showCurrent ? currentJob : detailId !== null ? detailJob : undefined;
  const focus = shownJob && limit ? { count: countForJob(limit, shownJob) } : undefined;
  const bannerCount = focus ? focus.count : limit ? fullestProgram(limit) : undefined;

  const listView = (
    <>
      <ProgramList state={limit} />
      <SavedJobsView recent={recent} total={total} scored={usableProfile !== null} onOpen={setDetailId} ready={firstShown} />
    </>
  );

  let body: React.ReactNode;
  if (page === undefined) {
    body = <p aria-busy="true">Loading…</p>;
  } else if (showCurrent) {
    body =
      currentJob === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : currentJob === null && privateTab && recordsPrivate === false ? (
        <NotRecordedPrivate onSettings={() => void api.openOptions()} />
      ) : currentJob === null ? (
        <NotReadYet page={page as Exclude<PageKind, { kind: 'other' }>} state={pageState} />
      ) : (
        <JobView job={currentJob} profile={profile} limit={limit} />
      );
    if (page.kind === 'job')
      body = (
        <>
          {body}
          <SnapshotButton />
        </>
      );
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
