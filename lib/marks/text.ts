import { STATUS_LABELS } from '../store/status-words';
import { SHORT_MONTHS } from '../text/calendar';
import type { JobMark, LineView, MarkView } from './types';

/**
 * The words of a mark, made in the background (the content script only draws them). Dates are
 * local calendar days, as the user keeps them; the year shows only when it is not this year's.
 */

/** Long enough for a reason, short enough for a tooltip. */
const TIP_MAX = 160;

export function shortDay(iso: string, now: Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getDate()} ${SHORT_MONTHS[d.getMonth()]}`;
  return d.getFullYear() === now.getFullYear() ? day : `${day} ${d.getFullYear()}`;
}

/** "Viewed", "Applied on 2 Jun", "Interviewing, applied on 2 Jun". */
export function statusText(mark: JobMark, now: Date): string {
  const word = STATUS_LABELS[mark.status];
  const day = mark.appliedAt ? shortDay(mark.appliedAt, now) : '';
  if (!day) return word;
  return mark.status === 'applied' ? `Applied on ${day}` : `${word}, applied on ${day}`;
}

export function clip(text: string, max = TIP_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Places left in the program, only at or near its limit (one place or none); null otherwise. */
function placesText(mark: JobMark): string | null {
  const p = mark.program;
  if (!p) return null;
  const left = Math.max(0, p.limit - p.used);
  if (left > 1) return null;
  return left === 1 ? `1 place left in ${p.label}` : `no places left in ${p.label} (${p.used} of ${p.limit} used)`;
}

function toneOf(mark: JobMark): MarkView['tone'] {
  const p = mark.program;
  if (mark.eligible === false || (p && p.used >= p.limit)) return 'bad';
  return p && p.limit - p.used === 1 ? 'warn' : '';
}

export function markView(mark: JobMark, now: Date): MarkView {
  const status = statusText(mark, now);
  const places = placesText(mark);
  const blocker = mark.eligible === false ? clip(mark.blocker ?? 'a requirement is not met') : null;
  const visible = [status];
  const spoken = [status];
  if (mark.score !== null) {
    visible.push(`${mark.score}%`);
    spoken.push(`match ${mark.score}`);
  }
  if (blocker) {
    visible.push('Not eligible');
    spoken.push(`not eligible: ${blocker}`);
  }
  if (places) {
    visible.push(places.startsWith('1') ? '1 place left' : 'No places left');
    spoken.push(places);
  }
  return { text: visible.join(' · '), label: `Job Lens: ${spoken.join(' · ')}`, tip: blocker, tone: toneOf(mark) };
}

/** The job page's line: match or "Not eligible" with the first blocker, places left, status. */
export function lineView(mark: JobMark, title: string, now: Date): LineView {
  const status = statusText(mark, now);
  const places = placesText(mark);
  const parts: string[] = [];
  if (mark.eligible === false) parts.push(`Not eligible: ${clip(mark.blocker ?? 'a requirement is not met', 90)}`);
  else if (mark.score !== null) parts.push(`Match ${mark.score}%`);
  if (places) parts.push(places);
  parts.push(status);
  const details: string[] = [];
  details.push(mark.score === null ? 'Match: no score yet (add your profile in the options page)' : `Match score: ${mark.score} of 100`);
  if (mark.eligible === false) details.push(`First blocker: ${clip(mark.blocker ?? 'a requirement is not met')}`);
  if (mark.program) {
    const left = Math.max(0, mark.program.limit - mark.program.used);
    details.push(`${mark.program.label}: ${mark.program.used} of ${mark.program.limit} applications used, ${left} left`);
  }
  details.push(`Status: ${status}`);
  const text = parts.join(' · ');
  return { title, text, label: `Job Lens: ${text}`, details, tone: toneOf(mark) };
}
