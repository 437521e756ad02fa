import { localDay } from '../../lib/date';
import { matchPosting, type Evidence, type MatchReport, type Verdict } from '../../lib/match';
import type { Profile } from '../../lib/profile/schema';
import type { JobRecord } from '../../lib/store/schema';

/**
 * Reports for the rows on screen (and for every row when the list is sorted by score), kept per
 * row object and profile: Dexie hands out a new object when a row changes, so a stale report is
 * never reused, and scrolling back does not match the same posting twice.
 */
const cache = new WeakMap<JobRecord, { profile: Profile; day: string; report: MatchReport }>();

export function reportFor(job: JobRecord, profile: Profile, now: Date): MatchReport {
  const day = localDay(now);
  const hit = cache.get(job);
  if (hit && hit.profile === profile && hit.day === day) return hit.report;
  const report = matchPosting(job, profile, now);
  cache.set(job, { profile, day, report });
  return report;
}

/** A profile with nothing in it would only produce "unknown" everywhere: the popup asks for one instead. */
export { isEmptyProfile } from '../../lib/store/match-summary';

/** Shape and word as well as colour, so the verdict reads in greyscale and to a screen reader. */
export const VERDICTS: Record<Verdict, { icon: string; label: string; explain: string }> = {
  met: { icon: '✓', label: 'Met', explain: 'your profile meets it' },
  partial: { icon: '◐', label: 'Partly met', explain: 'some of it is in your profile' },
  unmet: { icon: '✗', label: 'Not met', explain: 'your profile does not show it' },
  unknown: { icon: '?', label: 'Unknown', explain: 'cannot be checked against a profile' },
};

/** The evidence as short sentences for the tooltip and the screen reader description. */
export function evidenceLines(evidence: Evidence): string[] {
  const lines: string[] = [];
  for (const m of evidence.matched) {
    lines.push(
      m.requirement === m.profile ? `Matches “${m.profile}” in your profile` : `“${m.requirement}” matches “${m.profile}” in your profile`,
    );
  }
  if (evidence.missing.length > 0) lines.push(`Missing: ${evidence.missing.join(', ')}`);
  lines.push(...evidence.notes);
  return lines;
}
