// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-controls.css';
import '../shared/popup-callout.css';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { jobIdOf, type PageKind } from '../../lib/sites/urls';
import { DataNotices } from '../data/DataNotices';
import { JobView } from '../job-detail/JobView';
import { SnapshotButton } from './SnapshotButton';
import { SavedJobsView } from '../saved-jobs/SavedJobsView';
import { LimitBanner, LimitHeader, ProgramList } from '../limit/Limit';
import { dataApiFrom, useApi } from '../shared/api';
import { PendingConfirmations } from './PendingConfirmations';
import { usePopupData, type FirstScreen, type TabPageState } from './usePopupData';
import './PopupApp.css';

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
export function PopupApp({
  page,
  privateTab = false,
  first,
}: {
  page: PageKind;
  privateTab?: boolean;
  /** The first screen, read before this first renders (for `page`'s job). */
  first?: FirstScreen | undefined;
}) {
  const api = useApi();
  const dataApi = useMemo(() => dataApiFrom(api.send), [api]);
  const jobId = jobIdOf(page);

  const [tab, setTab] = useState<Tab>('current');
  const [detailId, setDetailId] = useState<string | null>(null);
  const showCurrent = jobId !== null && tab === 'current';
  const {
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
  } = usePopupData(api, { page, privateTab, jobId, showCurrent, detailId, first });

  const detailHeading = useRef<HTMLHeadingElement>(null);
  // Focus follows the job opened, not each new read of the same job.
  const detailJobId = detailJob?.jobId;
  useEffect(() => {
    if (detailJobId !== undefined) detailHeading.current?.focus();
  }, [detailJobId]);

  const listView = (
    <>
      <ProgramList state={limit} />
      <SavedJobsView recent={recent} total={total} scored={usableProfile !== null} onOpen={setDetailId} ready={firstShown} />
    </>
  );

  let body: React.ReactNode;
  if (showCurrent) {
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
