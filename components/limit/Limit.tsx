import { bannerHeadline } from '../../lib/banner/banner';
import type { LimitState } from '../../lib/limit/limit';
import { localDay, plural, SITE_NAMES } from '../format';

/** The one-line count for the header: "1 of 2 applications used". */
export function limitSummary(state: LimitState): string {
  if (state.limit === null) {
    return state.used === 0 ? 'No applications yet' : `${plural(state.used, 'application')} (no limit stated)`;
  }
  return `${state.used} of ${plural(state.limit, 'application')} used`;
}

export function LimitHeader({ state }: { state: LimitState | undefined }) {
  if (!state) return <p className="limit-summary" aria-busy="true">Counting applications…</p>;
  return (
    <p className={`limit-summary limit-${state.state}`} data-testid="limit-summary">
      {limitSummary(state)}
      <span className="visually-hidden">, counted since {state.cycleStart}</span>
    </p>
  );
}

/**
 * Shown at the last slot and at or over the limit, on every view: the applications already made,
 * in the order the site says they are considered, so the user sees what a new one would follow.
 */
export function LimitBanner({ state }: { state: LimitState | undefined }) {
  if (!state || state.state === 'ok') return null;
  const atLimit = state.state !== 'last-one';
  return (
    <section
      className={`limit-banner ${atLimit ? 'at-limit' : 'last-one'}`}
      aria-labelledby="limit-banner-title"
      data-testid="limit-banner"
    >
      <h2 id="limit-banner-title">
        <span className="banner-icon" aria-hidden="true">
          !
        </span>
        {bannerHeadline(state)}
      </h2>
      <p>
        {atLimit
          ? 'A further application would not be considered. '
          : 'Choose your next application carefully. '}
        TikTok and ByteDance jobs share one limit and are considered in the order you applied
        {state.applications.length > 0 ? ':' : '.'}
      </p>
      {state.applications.length > 0 && (
        <ol className="limit-applications">
          {state.applications.map((app) => (
            <li key={app.jobId}>
              {app.title} <span className="meta">({SITE_NAMES[app.site]}, applied {localDay(app.appliedAt)})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
