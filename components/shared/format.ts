import type { JobPosting } from '../../lib/posting/schema';

export const SITE_NAMES = { tiktok: 'TikTok', bytedance: 'ByteDance' } as const;

export { STATUS_LABELS } from '../../lib/store/status-words';

export { localDay } from '../../lib/date';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-11-12 14:03" in the local time zone, for the status history. */
export function localDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "11 May 2026" from an ISO date, read as a calendar day (no time zone shift). */
export function calendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function commitmentText(commitment: JobPosting['commitment']): string | null {
  if (!commitment) return null;
  const unit = commitment.amount === 1 ? commitment.unit : `${commitment.unit}s`;
  return `At least ${commitment.amount} ${unit}`;
}

export function internshipText(period: JobPosting['internshipPeriods'][number]): string {
  const span = period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  return period.onboardBy ? `${span} (onboard by ${calendarDate(period.onboardBy)})` : span;
}

export function limitText(limit: JobPosting['applicationLimit']): string | null {
  if (!limit) return null;
  const scope = limit.scope === 'affiliates-global' ? ', shared with affiliates globally' : '';
  const order = limit.inOrder ? '; considered in the order you apply' : '';
  return `At most ${limit.max} applications${scope}${order}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
