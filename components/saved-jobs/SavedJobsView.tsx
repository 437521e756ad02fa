// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DEGREE_LEVELS, SITES } from '../../lib/posting/schema';
import type { JobRecord } from '../../lib/store/schema';
import { localDay, plural, SITE_NAMES, STATUS_LABELS } from '../shared/format';
import { useApi } from '../shared/api';
import { eligibleIds, headRows, idsWithStatus, jobsByIds, loadFacets, orderedIds } from '../../lib/store/saved-list';
import { TransferPanel } from './TransferPanel';
import {
  facetFilter,
  facetOf,
  hasFilters,
  locationOptions,
  needsFacets,
  NO_FILTERS,
  SORT_KEYS,
  SORT_LABELS,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  statusesFor,
  type Facet,
  type JobFilters,
  type SortKey,
} from './query';
import './SavedJobsView.css';

/** Two lines of title, the facts line and the eligibility line. */
const ROW_HEIGHT = 86;

/** Set once the whole order of the list is read (keys only); the benchmark reads it. */
const ORDER_MARK = 'job-lens:order';

/** While facets are read: how often the list shows what the search has found so far. */
const FILTER_EVERY_MS = 300;

/** Set once every job's facets are read, so search and every filter cover all jobs; the benchmark reads it. */
const ALL_ROWS_MARK = 'job-lens:all-rows';

function Row({
  job,
  onOpen,
  onKeyDown,
  index,
  count,
}: {
  job: JobRecord;
  onOpen: (jobId: string) => void;
  onKeyDown: (event: KeyboardEvent, index: number) => void;
  index: number;
  count: number;
}) {
  const match = job.match ?? null;
  const meta = [SITE_NAMES[job.site], job.locations.join(', '), STATUS_LABELS[job.status]];
  if (job.appliedAt) meta.push(`applied ${localDay(job.appliedAt)}`);
  if (job.closedAt) meta.push('no longer open');
  const blocked = match !== null && !match.eligible;
  return (
    <>
      <button
        type="button"
        className="row-main"
        data-index={index}
        title={job.title}
        onClick={() => onOpen(job.jobId)}
        onKeyDown={(e) => onKeyDown(e, index)}
      >
        <span className="row-title">{job.title}</span>
        <span className="meta">{meta.filter(Boolean).join(' · ')}</span>
        {blocked && (
          <span className="row-blocker" data-testid="row-blocker">
            <span aria-hidden="true">✗ </span>Not eligible: {match.firstBlocker}
          </span>
        )}
        <span className="visually-hidden">
          {`, job ${index + 1} of ${count}`}
          {match?.score != null ? `, match ${match.score} of 100` : ''}
        </span>
      </button>
      {match?.score != null && (
        <span className={`score-chip${blocked ? ' blocked' : ''}`} aria-hidden="true" title={`Match ${match.score}/100`}>
          {match.score}
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

/**
 * Every job the user viewed: search, filters, sort, a virtualised list. The order comes from the
 * database's indexes (keys only) and only the rows on screen are read, so 100,000 jobs open as
 * fast as ten; "best match" is the stored summaries' order, nothing is scored here.
 */
export function SavedJobsView({
  recent,
  total: counted,
  scored,
  onOpen,
  ready = true,
}: {
  /** The most recently viewed jobs, read first so the list shows before anything else is read. */
  recent: JobRecord[] | undefined;
  total: number | undefined;
  /** A usable profile exists, so jobs carry match summaries. */
  scored: boolean;
  onOpen: (jobId: string) => void;
  /** The popup's first screen is on screen: the rest may be read now without delaying it. */
  ready?: boolean;
}) {
  const { db } = useApi();
  const [filters, setFilters] = useState<JobFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('lastSeen');
  const filtering = hasFilters(filters);

  // Everything beyond the first rows is read once the first screen is up.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (recent === undefined || !ready || started) return;
    const timer = setTimeout(() => setStarted(true), 0);
    return () => clearTimeout(timer);
  }, [recent, ready, started]);

  // Tagged with their sort: while a new order is read, the previous one must not show under it.
  // The first rows of another sort, read from its index at once (as many as the first screen, not every key), so
  // "Best match" shows the best jobs before the whole order is in.
  const sortedHead = useLiveQuery(
    async () => (started && sort !== 'lastSeen' ? { sort, rows: await headRows(db, sort, recent?.length || 40) } : undefined),
    [db, sort, started],
  );
  const head = sort === 'lastSeen' ? recent : sortedHead?.sort === sort ? sortedHead.rows : undefined;
  // Every id in order (keys only), after the head: a read of 100,000 keys would hold the head up.
  // Tagged with its sort: while a new order is read, the previous one must not show under it.
  const order = useLiveQuery(
    async () => (started && head !== undefined ? { sort, ids: await orderedIds(db, sort) } : undefined),
    [db, sort, started, head !== undefined],
  );
  const ids = order?.sort === sort ? order.ids : undefined;
  useEffect(() => {
    if (!ids) return;
    if (performance.getEntriesByName(ORDER_MARK).length === 0) performance.mark(ORDER_MARK);
    // Which order is fully read, for the end-to-end tests and the benchmark to wait on.
    document.documentElement.dataset.listOrder = sort;
  }, [ids, sort]);
  const statuses = statusesFor(filters.status);
  const statusKey = statuses?.join() ?? '';
  const withStatus = useLiveQuery(
    async () => (statuses ? idsWithStatus(db, statuses) : null),
    // Keyed by the statuses' text: `statuses` is a new array on every render.
    [db, statusKey],
  );
  const eligible = useLiveQuery(async () => (filters.eligibleOnly ? eligibleIds(db) : null), [db, filters.eligibleOnly]);

  // Facets: read for every job in small chunks, only once search or a posting filter is wanted
  // (at 100,000 jobs that is every posting read once); rows read later refresh theirs.
  const facets = useRef(new Map<string, Facet>());
  const [facetVersion, setFacetVersion] = useState(0);
  const [facetsDone, setFacetsDone] = useState(false);
  const [wantFacets, setWantFacets] = useState(false);
  const askFacets = () => setWantFacets(true);
  useEffect(() => {
    if (!started || !wantFacets) return;
    let cancelled = false;
    // The list is filtered again a few times a second, not after every chunk: at 100,000 jobs
    // each filtering goes over every id, and 200 of them cost more than reading the rows.
    let shownAt = -Infinity;
    void loadFacets(
      db,
      facetOf,
      (chunk) => {
        for (const f of chunk) facets.current.set(f.jobId, f);
        if (performance.now() - shownAt < FILTER_EVERY_MS) return;
        shownAt = performance.now();
        setFacetVersion((v) => v + 1);
      },
      { cancelled: () => cancelled },
    ).then(() => {
      if (cancelled) return;
      setFacetVersion((v) => v + 1);
      setFacetsDone(true);
      performance.mark(ALL_ROWS_MARK);
    });
    return () => {
      cancelled = true;
    };
  }, [db, started, wantFacets]);
  useEffect(() => {
    if (needsFacets(filters)) setWantFacets(true);
  }, [filters]);

  const listIds = useMemo(() => {
    if (!ids) return undefined;
    if (!filtering) return ids;
    if (withStatus === undefined || eligible === undefined) return undefined;
    const byFacet = needsFacets(filters);
    const matches = facetFilter(filters);
    return ids.filter((id) => {
      if (withStatus && !withStatus.has(id)) return false;
      if (eligible && !eligible.has(id)) return false;
      if (!byFacet) return true;
      const facet = facets.current.get(id);
      return facet !== undefined && matches(facet);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- facets live in a ref; facetVersion is how a chunk read into it says so
  }, [ids, filtering, filters, withStatus, eligible, facetVersion]);

  // The count arrives after the first rows (counting is slower than reading the newest few);
  // no recent row at all already means an empty table.
  const total = ids?.length ?? counted ?? (recent?.length === 0 ? 0 : undefined);
  // Until the order is read, the list is as long as the table, so the scroll bar does not jump.
  const usingHead = listIds === undefined;
  const count = listIds ? listIds.length : filtering || !head ? 0 : (total ?? head.length);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the facets ref is complete once facetsDone turns true
  const places = useMemo(() => locationOptions(facets.current.values()), [facetsDone]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Before the first measurement (and in tests without layout) assume the popup's list height.
    initialRect: { width: 420, height: 380 },
  });
  const items = virtualizer.getVirtualItems();

  // Only the rows on screen are read, and kept live: a status changed elsewhere shows at once.
  const windowIds = usingHead ? [] : items.map((item) => listIds[item.index]!).filter(Boolean);
  const windowKey = windowIds.join(',');
  const windowRows = useLiveQuery(
    async () => (windowIds.length ? jobsByIds(db, windowIds) : []),
    // Keyed by the ids' text: `windowIds` is a new array on every render.
    [db, windowKey],
  );
  const known = useMemo(() => {
    const map = new Map<string, JobRecord>();
    for (const job of recent ?? []) map.set(job.jobId, job);
    for (const job of sortedHead?.rows ?? []) map.set(job.jobId, job);
    for (const job of windowRows ?? []) {
      if (!job) continue;
      map.set(job.jobId, job);
      facets.current.set(job.jobId, facetOf(job));
    }
    return map;
  }, [recent, sortedHead, windowRows]);
  const rowAt = (index: number): JobRecord | undefined => (usingHead ? head?.[index] : known.get(listIds[index] ?? ''));

  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // After every render: the row to focus exists only once the virtualizer has rendered it, maybe
  // a render or two after the key press; focusing it clears focusIndex, which ends the chain.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately without dependencies (above)
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
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (target === null || target < 0 || target >= count) return;
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setFocusIndex(target);
  };

  const set = <K extends keyof JobFilters>(key: K, value: JobFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const searching = needsFacets(filters) && !facetsDone;
  const countText =
    listIds === undefined && (filtering || !head)
      ? 'Reading your jobs…'
      : filtering
        ? `${plural(count, 'job')} of ${plural(total ?? 0, 'job')}${searching ? ` (searching, ${facets.current.size.toLocaleString('en')} read)` : ''}`
        : total === undefined
          ? 'Counting your jobs…'
          : plural(count, 'job');

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
          Jobs you viewed
        </h2>
        <div className="filters" role="search" aria-label="Search and filter your jobs">
          <input
            type="search"
            aria-label="Search your jobs"
            placeholder="Search site, title, code, team, location, notes"
            value={filters.text}
            onFocus={askFacets}
            onChange={(e) => set('text', e.target.value)}
          />
          <div className="filter-row">
            <label>
              Status
              <select value={filters.status} onChange={(e) => set('status', e.target.value as JobFilters['status'])}>
                {STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_FILTER_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Site
              <select value={filters.site} onFocus={askFacets} onChange={(e) => set('site', e.target.value as JobFilters['site'])}>
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
              <select value={filters.degree} onFocus={askFacets} onChange={(e) => set('degree', e.target.value as JobFilters['degree'])}>
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
              <select value={filters.location} onFocus={askFacets} onChange={(e) => set('location', e.target.value)}>
                <option value="all">All</option>
                {!facetsDone && (
                  <option value="" disabled>
                    Reading places…
                  </option>
                )}
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
                  <option key={k} value={k} disabled={k === 'score' && !scored}>
                    {SORT_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={filters.eligibleOnly}
                disabled={!scored}
                onChange={(e) => set('eligibleOnly', e.target.checked)}
              />
              Eligible only
            </label>
          </div>
        </div>

        <p className="count" role="status" data-testid="job-count">
          {countText}
        </p>
        {filtering && (
          <button type="button" className="link clear-filters" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}

        {count === 0 && listIds !== undefined ? (
          <p className="empty">{searching ? 'Searching…' : 'No job matches these filters.'}</p>
        ) : (
          <div ref={scrollRef} className="job-scroll" data-testid="job-list">
            <div role="list" aria-label="Jobs you viewed" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const job = rowAt(item.index);
                return (
                  <div
                    key={job?.jobId ?? `pending-${item.index}`}
                    role="listitem"
                    className="job-row"
                    data-job-id={job?.jobId}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                  >
                    {job ? (
                      <Row job={job} onOpen={onOpen} onKeyDown={onRowKey} index={item.index} count={count} />
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
