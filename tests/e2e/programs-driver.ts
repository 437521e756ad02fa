import { BANNER_TAG } from '../../lib/banner/banner';
import { fixtureNamed, jobFixtures, loadFixtures, applyFormOf } from './fixtures';

/**
 * What the program end-to-end tests share in both browsers: which saved pages play which part,
 * and the page banner's geometry read from the page itself (the host element sits in the light
 * DOM; only its contents are behind the closed shadow root).
 */

export const fixtures = loadFixtures();
const jobs = jobFixtures(fixtures);
const named = (name: string) => fixtureNamed(jobs, name);

/** Two Undergrad/Master intern applications (2026 Start), then a third such job. */
export const FIRST = named('tiktok-seed-003');
export const SECOND = named('tiktok-paragraphs');
export const THIRD = named('tiktok-hostile-text');
/** Another program (Graduate · 2026 Start) and no program at all (an experienced hire). */
export const GRADUATE = named('tiktok-graduate-search');
export const EXPERIENCED = named('tiktok-experienced-staff-ml');
/** The one saved application form, served under the other jobs' ids. */
export const FORM_JOB = named('tiktok-seed-000');
export const FORM = applyFormOf(fixtures, FORM_JOB);

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** Anything with an `evaluate(fn, arg)`: a Playwright or a Puppeteer page. */
export interface Evaluates {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface Layout {
  banner: Rect | null;
  /** "in-flow" on the application form, "" in the corner of a job page. */
  placement: string | null;
  submit: Rect | null;
  viewport: { width: number; height: number };
}

/** The banner's and the submit button's boxes at the page's current scroll position. */
export function layout(page: Evaluates): Promise<Layout> {
  return page.evaluate((tag: string) => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const host = document.querySelector(tag);
    const submit = Array.from(document.querySelectorAll('form button, form input[type="submit"]')).find(
      (el) => (el as HTMLButtonElement).type === 'submit',
    );
    return {
      banner: box(host),
      placement: host ? host.className : null,
      submit: box(submit ?? null),
      viewport: { width: innerWidth, height: innerHeight },
    };
  }, BANNER_TAG);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Scrolls the page so the submit button is at the top, the middle and the bottom of the window in turn. */
export async function layoutsWhileScrolling(page: Evaluates): Promise<Layout[]> {
  const out: Layout[] = [];
  for (const where of ['start', 'center', 'end'] as const) {
    await page.evaluate((block: ScrollLogicalPosition) => {
      const submit = document.querySelector('form button[type="submit"], form input[type="submit"]');
      submit?.scrollIntoView({ block });
    }, where);
    out.push(await layout(page));
  }
  return out;
}

/** Where the banner's close button is drawn (top-right corner of the card), for a real mouse click. */
export function closeButtonPoint(banner: Rect): { x: number; y: number } {
  return { x: banner.right - 4 - 14 - 2, y: banner.top + 4 + 14 + 2 };
}
