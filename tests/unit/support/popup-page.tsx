import { overallBadge } from '../../../lib/limit/limit';
import { render } from '@testing-library/react';
import Dexie from 'dexie';
import type { ReactNode } from 'react';
import { ApiProvider, type ExtensionApi } from '../../../components/shared/api';
import { sendMessage } from '../../../lib/messages/client';
import { createHandlers } from '../../../lib/messages/handlers';
import { createRouter } from '../../../lib/messages/router';
import type { MessageName, RequestOf, ResponseOf } from '../../../lib/messages/protocol';
import { fromTab } from './sent-from';
import type { JobPosting } from '../../../lib/posting/schema';
import { ProfileSchema, type ProfileInput } from '../../../lib/profile/schema';
import { saveProfile } from '../../../lib/profile/store';
import { openDb, type JobLensDb } from '../../../lib/store/db';
import { newJobRecord } from '../../../lib/store/jobs';
import { createSummaryRefresher, type SummaryRefresher } from '../../../lib/store/match-summary';
import type { JobRecord } from '../../../lib/store/schema';
import { makePosting } from './factory';
import { local } from './local-time';

/**
 * The popup over a real (fake-indexeddb) database, its writes going through the background's
 * real router and handlers: what a test sees is what the extension would do, minus the browser.
 */

export const NOW = new Date('2025-11-15T10:00:00');

// Template index is jobId mod 3 (see the store factory): 0 = PhD algorithm intern, 1 = BS/MS big
// data intern, 2 = BS/MS data scientist intern.
export const PHD_JOB = '7500000000000000000';
export const BIGDATA_JOB = '7500000000000000001';
export const DATA_SCIENTIST_JOB = '7500000000000000002';

export const MASTER_STUDENT: ProfileInput = {
  education: [{ level: 'Master', field: 'Computer Science', status: 'pursuing', graduation: '2026-12' }],
  skills: ['Python', 'SQL'],
  locations: ['Singapore'],
  availability: [{ from: '2026-05-01', to: '2026-08-31' }],
};

export interface TestApi extends ExtensionApi {
  downloads: { fileName: string; text: string; mimeType: string }[];
  optionsOpened: number;
  badges: string[];
  /** What the content script of a careers tab at `tabUrl` sends, through the same sender check. */
  sendFromTab: <K extends MessageName>(tabUrl: string, name: K, data: RequestOf<K>) => Promise<ResponseOf<K>>;
  /** The background's match-summary refresher, as the real background runs it after every message. */
  summaries: SummaryRefresher;
}

let dbCount = 0;

export function freshDb(): JobLensDb {
  dbCount += 1;
  return openDb(`job-lens-popup-test-${dbCount}`);
}

export function testApi(db: JobLensDb, now: Date = NOW): TestApi {
  const badges: string[] = [];
  const summaries = createSummaryRefresher(db, () => now, { pause: async () => {}, quietMs: 0 });
  const route = createRouter(
    createHandlers({ db, now: () => now, onLimitChange: (l) => void badges.push(overallBadge(l).text), summaries }),
  );
  const api: TestApi = {
    db,
    send: (name, data) => sendMessage((m) => route(m), name, data, { attempts: 1 }),
    sendFromTab: (tabUrl, name, data) => sendMessage((m) => route(m, fromTab(tabUrl)), name, data, { attempts: 1 }),
    openOptions: async () => {
      api.optionsOpened += 1;
    },
    download: (fileName, text, mimeType) => void api.downloads.push({ fileName, text, mimeType }),
    now: () => now,
    downloads: [],
    optionsOpened: 0,
    badges,
    summaries,
  };
  return api;
}

export function renderWithApi(api: ExtensionApi, ui: ReactNode) {
  return render(<ApiProvider api={api}>{ui}</ApiProvider>);
}

export async function addJob(
  db: JobLensDb,
  overrides: Partial<JobPosting> = {},
  seenAt = local('2025-11-10T09:00:00'),
  extra: Partial<JobRecord> = {},
): Promise<JobRecord> {
  const record = { ...newJobRecord(makePosting(overrides), seenAt), ...extra };
  await db.jobs.put(record);
  return record;
}

export async function addProfile(db: JobLensDb, profile: ProfileInput = MASTER_STUDENT): Promise<void> {
  await saveProfile(db, ProfileSchema.parse(profile), NOW);
}

export async function closeDb(db: JobLensDb): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** Records without a database, for list views with thousands of rows. */
export function records(count: number, build: (i: number) => Partial<JobPosting> & Partial<JobRecord> = () => ({})): JobRecord[] {
  const rows: JobRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { status, appliedAt, notes, lastSeenAt, ...posting } = build(i);
    const jobId = posting.jobId ?? `76${String(i).padStart(17, '0')}`;
    const seen = lastSeenAt ?? new Date(Date.UTC(2025, 9, 1) + i * 60_000).toISOString();
    const row = newJobRecord(makePosting({ ...posting, jobId }), seen);
    rows.push({ ...row, status: status ?? row.status, appliedAt: appliedAt ?? null, notes: notes ?? '' });
  }
  return rows;
}

/**
 * happy-dom does no layout, so every element measures 0×0 and the virtualised list would show
 * no rows. The list's scroll box gets the size it has in the popup's style sheet, and scrolling
 * it fires `scroll` as a browser does (happy-dom only moves `scrollTop`).
 */
export function giveListLayout(height = 340, width = 420): () => void {
  const proto = HTMLElement.prototype;
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
    scrollHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight'),
  };
  const sized = (el: HTMLElement, size: number, fallback?: PropertyDescriptor) =>
    el.classList.contains('job-scroll') ? size : ((fallback?.get?.call(el) as number | undefined) ?? 0);
  const scrollTo = proto.scrollTo;
  proto.scrollTo = function (this: HTMLElement, ...args: unknown[]) {
    (scrollTo as (...a: unknown[]) => void).apply(this, args);
    if (this.classList.contains('job-scroll')) this.dispatchEvent(new Event('scroll'));
  } as typeof proto.scrollTo;
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, height, original.clientHeight);
    },
  });
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, width, original.clientWidth);
    },
  });
  // The scrollable height is the inner box's, which the list sets in its style.
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const inner = this.firstElementChild as HTMLElement | null;
      return sized(this, parseInt(inner?.style.height ?? '', 10) || 0, original.scrollHeight);
    },
  });
  return () => {
    proto.scrollTo = scrollTo;
    delete (proto as unknown as Record<string, unknown>).scrollHeight;
    delete (proto as unknown as Record<string, unknown>).clientHeight;
    delete (proto as unknown as Record<string, unknown>).clientWidth;
  };
}
