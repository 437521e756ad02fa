import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DEGREE_LEVELS, SITES } from '../../lib/posting/schema';
import type { Profile } from '../../lib/profile/schema';
import { JOB_STATUSES, type JobRecord } from '../../lib/store/schema';
import { localDay, plural, SITE_NAMES, STATUS_LABELS } from '../format';
import { reportFor } from '../job/match';
import { useApi } from '../popup/api';
import { TransferPanel } from './TransferPanel';
import {
  filterJobs,
  hasFilters,
  locationOptions,
  NO_FILTERS,
  SORT_KEYS,
  SORT_LABELS,
  sortJobs,
  type JobFilters,
  type SortKey,
} from './query';

const ROW_HEIGHT = 62;

export interface SavedJobsData {
  /** Every job, once loaded; undefined while loading. */
  all: JobRecord[] | undefined;
  /** The most recent jobs, loaded first so the list shows before 10,000 rows are read. */
  recent: JobRecord[] | undefined;
  total: number | undefined;
}

function Row({
  job,
  score,
  onOpen,
  onKeyDown,
  index,
  count,
}: {
  job: JobRecord;
  score: number | null;
  onOpen: (jobId: string) => void;
  onKeyDown: (event: KeyboardEvent, index: number) => void;
  index: number;
  count: number;
}) {
  const meta = [SITE_NAMES[job.site], job.locations.join(', '), STATUS_LABELS[job.status]];
  if (job.appliedAt) meta.push(`applied ${localDay(job.appliedAt)}`);
  return (
    <>
      <button
        type="button"
        className="row-main"
        data-index={index}
        onClick={() => onOpen(job.jobId)}
        onKeyDown={(e) => onKeyDown(e, index)}
      >
        <span className="row-title">{job.title}</span>
        <span className="meta">{meta.filter(Boolean).join(' · ')}</span>
        <span className="visually-hidden">
          {`, job ${index + 1} of ${count}`}
          {score !== null ? `, match ${score} of 100` : ''}
        </span>
      </button>
      {score !== null && (
        <span className="score-chip" aria-hidden="true" title={`Match ${score}/100`}>
          {score}
        </span>
      )}
    </>
  );
}

function EmptyState() {
  const api = useApi();
  return (
    <div className="empty" data-testid="empty-state">
      <h2>No jobs yet</h2>
      <ol>
        <li>Open a job on lifeattiktok.com or joinbytedance.com: Job Lens keeps every posting you view, here.</li>
        <li>Set up your profile to see which requirements you meet.</li>
        <li>When you open an application form, Job Lens asks whether you submitted it and counts it against the limit.</li>
      </ol>
      <button type="button" className="primary" onClick={() => void api.openOptions()}>
        Set up your profile
      </button>
    </div>
  );
}

/** The saved jobs: search, filters, sort, a virtualised list that stays smooth at 10,000 rows. */
export function SavedJobsView({
  data,
  profile,
  onOpen,
}: {
  data: SavedJobsData;
  profile: Profile | null;
  onOpen: (jobId: string) => void;
}) {
  const api = useApi();
  const now = useMemo(() => api.now(), [api]);
  const [filters, setFilters] = useState<JobFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('lastSeen');
  const filtering = hasFilters(filters) || sort !== 'lastSeen';

  const scoreOf = useMemo(
    () => (profile ? (job: JobRecord) => reportFor(job, profile, now).score : () => null),
    [profile, now],
  );
  const rows = useMemo(() => {
    if (!data.all) return data.recent ?? [];
    return sortJobs(filterJobs(data.all, filters), sort, scoreOf);
  }, [data.all, data.recent, filters, sort, scoreOf]);
  // The count arrives after the first rows (counting is slower than reading the newest few);
  // no recent row at all already means an empty table.
  const total = data.total ?? (data.recent?.length === 0 ? 0 : undefined);
  // Until every row is read, the list is as long as the table, so the scroll bar does not jump.
  const count = data.all ? rows.length : filtering ? 0 : (total ?? rows.length);
  const places = useMemo(() => (data.all ? locationOptions(data.all) : []), [data.all]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before the first measurement (and in tests without layout) assume the popup's list height.
    initialRect: { width: 420, height: 380 },
  });

  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`button[data-index="${focusIndex}"]`);
    if (button) {
      button.focus();
      setFocusIndex(null);
    }
  });
  const onRowKey = (event: KeyboardEvent, index: number) => {
    const target =
      event.key === 'ArrowDown' ? index + 1
      : event.key === 'ArrowUp' ? index - 1
      : event.key === 'Home' ? 0
      : event.key === 'End' ? count - 1
      : null;
    if (target === null || target < 0 || target >= count) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setFocusIndex(target);
  };

  const set = <K extends keyof JobFilters>(key: K, value: JobFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  // The transfer panel stays in the same place in both branches, so an import into an empty
  // database keeps its result message when the list appears.
  return (
    <>
      {total === 0 ? <EmptyState /> : list()}
      <TransferPanel />
    </>
  );

  function list() {
    return (
    <section className="saved" aria-labelledby="saved-title">
      <h2 id="saved-title" className="visually-hidden">
        Saved jobs
      </h2>
      <div className="filters" role="search" aria-label="Search and filter saved jobs">
        <input
          type="search"
          aria-label="Search saved jobs"
          placeholder="Search title, code, team, location, notes"
          value={filters.text}
          onChange={(e) => set('text', e.target.value)}
        />
        <div className="filter-row">
          <label>
            Status
            <select value={filters.status} onChange={(e) => set('status', e.target.value as JobFilters['status'])}>
              <option value="all">All</option>
              {JOB_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Site
            <select value={filters.site} onChange={(e) => set('site', e.target.value as JobFilters['site'])}>
              <option value="all">All</option>
              {SITES.map((s) => (
                <option key={s} value={s}>
                  {SITE_NAMES[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Degree
            <select value={filters.degree} onChange={(e) => set('degree', e.target.value as JobFilters['degree'])}>
              <option value="all">All</option>
              {DEGREE_LEVELS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label>
            Location
            <select value={filters.location} onChange={(e) => set('location', e.target.value)}>
              <option value="all">All</option>
              {places.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
              {SORT_KEYS.map((k) => (
                <option key={k} value={k} disabled={k === 'score' && !profile}>
                  {SORT_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <p className="count" role="status" data-testid="job-count">
        {data.all === undefined && filtering
          ? 'Reading all saved jobs…'
          : hasFilters(filters)
            ? `${plural(rows.length, 'job')} of ${plural(data.all?.length ?? 0, 'job')}`
            : data.all === undefined && total === undefined
              ? 'Counting saved jobs…'
              : plural(count, 'job')}
      </p>
      {hasFilters(filters) && (
        <button type="button" className="link clear-filters" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      )}

      {count === 0 && data.all !== undefined ? (
        <p className="empty">No saved job matches these filters.</p>
      ) : (
        <div ref={scrollRef} className="job-scroll" data-testid="job-list">
          <div role="list" aria-label="Saved jobs" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const job = rows[item.index];
              return (
                <div
                  key={job?.jobId ?? `pending-${item.index}`}
                  role="listitem"
                  className="job-row"
                  data-job-id={job?.jobId}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  {job ? (
                    <Row job={job} score={scoreOf(job)} onOpen={onOpen} onKeyDown={onRowKey} index={item.index} count={count} />
                  ) : (
                    <span className="meta row-loading">Loading…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
    );
  }
}
