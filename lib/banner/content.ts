import { localDay } from '../date';
import { dismissalKey, type LimitApplication, type ProgramCount } from '../limit/limit';

/**
 * The page banner's words, built where the count is (the background) so the content script only
 * draws them: it then carries neither the wording nor the date code, and stays small.
 */
export interface BannerContent {
  /** "Job Lens: Limit reached: 2 of 2". */
  title: string;
  program: string;
  consequence: string;
  intro: string;
  /** The applications, in the order made: "Title (TikTok, 2026-06-02)". */
  items: string[];
  /** At or over the limit: an alert rather than a status. */
  alert: boolean;
  /** The page is the application form: the card takes its place in the page, before the form. */
  onForm: boolean;
  /** What the background remembers a dismissal by (`dismissalKey`). */
  dismissKey: string;
}

const SITE_NAMES = { tiktok: 'TikTok', bytedance: 'ByteDance' } as const;

/** "Limit reached: 2 of 2", "1 place left: 1 of 2 used". */
export function bannerHeadline(count: ProgramCount): string {
  if (count.state === 'last-one') return `1 place left: ${count.used} of ${count.limit} used`;
  if (count.state === 'reached') return `Limit reached: ${count.used} of ${count.limit}`;
  if (count.state === 'over') return `Over the limit: ${count.used} of ${count.limit}`;
  return '';
}

/** The sentence under the headline: what applying here would mean. */
export function bannerConsequence(count: ProgramCount, onForm: boolean): string {
  if (count.state !== 'last-one') {
    return onForm ? 'This application would not be considered.' : 'Another application in this program would not be considered.';
  }
  return onForm ? 'This would be your last place in this program.' : 'One place is left in this program.';
}

function applicationLine(app: LimitApplication): string {
  return `${app.title} (${SITE_NAMES[app.site]}, ${localDay(app.appliedAt)})`;
}

/** The banner for a program with one place left or none; null where no banner belongs. */
export function bannerContent(count: ProgramCount | null, onForm: boolean): BannerContent | null {
  if (!count || count.state === 'ok') return null;
  return {
    title: `Job Lens: ${bannerHeadline(count)}`,
    program: count.program.label,
    consequence: bannerConsequence(count, onForm),
    intro: 'In the order made, TikTok and ByteDance jobs together' + (count.applications.length > 0 ? ':' : '.'),
    items: count.applications.map(applicationLine),
    alert: count.state !== 'last-one',
    onForm,
    dismissKey: dismissalKey(count),
  };
}
