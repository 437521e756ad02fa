import type { JobStatus } from './schema';

/**
 * Each status as the user reads it, the same word in the popup, the options page and the marks on
 * the careers site. "Seen" beside a "Save job" button read as saved: a job only looked at is
 * "Viewed".
 */
export const STATUS_LABELS: Record<JobStatus, string> = {
  seen: 'Viewed',
  saved: 'Saved',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
