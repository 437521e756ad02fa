// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-tones.css';
import { bannerHeadline } from '../../lib/banner/content';
import { fullestProgram, type LimitApplication, type LimitState, type ProgramCount } from '../../lib/limit/limit';
import { localDay, SITE_NAMES } from '../shared/format';
import './Limit.css';

/**
 * What the header counts: the current job's program (or that it has none), or away from a job
 * the fullest program. `job` is undefined away from a job; `count` null for a job in no program.
 */
export type HeaderFocus = { count: ProgramCount | null } | undefined;

/** "Undergrad/Master Intern · 2026 Start: 1 of 2 used". */
function limitSummary(state: LimitState, focus: HeaderFocus): string {
  if (focus !== undefined) {
    if (!focus.count) return 'No application limit for this job';
    return `${focus.count.program.label}: ${focus.count.used} of ${focus.count.limit} used`;
  }
  const fullest = fullestProgram(state);
  if (!fullest) return 'No early-career applications yet';
  return `${fullest.program.label}: ${fullest.used} of ${fullest.limit} used`;
}

export function LimitHeader({ state, focus }: { state: LimitState | undefined; focus?: HeaderFocus }) {
  if (!state)
    return (
      <p className="limit-summary" aria-busy="true">
        Counting applications…
      </p>
    );
  const count = focus !== undefined ? focus.count : fullestProgram(state);
  return (
    <p className={`limit-summary limit-${count?.state ?? 'ok'}`} data-testid="limit-summary">
      {limitSummary(state, focus)}
    </p>
  );
}

/** `withProgram`: in the strict reading one list holds every program, so each line names its own. */
function ApplicationItem({ app, withProgram = false }: { app: LimitApplication; withProgram?: boolean }) {
  return (
    <li>
      {app.title}{' '}
      <span className="meta">
        ({withProgram ? `${app.program.label}, ` : ''}
        {SITE_NAMES[app.site]}, applied {localDay(app.appliedAt)}
        {app.source === 'site-history' ? ', from the site’s history' : ''})
      </span>
    </li>
  );
}

/**
 * One line at the last place and at or over the limit of a program; it opens to the applications
 * already made, in the order the site considers them, so the user sees what a new one would follow.
 */
export function LimitBanner({ count }: { count: ProgramCount | null | undefined }) {
  if (!count || count.state === 'ok') return null;
  const atLimit = count.state !== 'last-one';
  return (
    <details className={`limit-banner ${atLimit ? 'at-limit' : 'last-one'}`} data-testid="limit-banner">
      <summary>
        <span className="banner-icon" aria-hidden="true">
          !
        </span>
        <span className="limit-banner-line">
          {bannerHeadline(count)} · {count.program.label}
        </span>
      </summary>
      <p>
        {atLimit ? 'A further application in this program would not be considered. ' : 'One place left in this program. '}
        TikTok and ByteDance jobs share the limit; applications are considered in the order made
        {count.applications.length > 0 ? ':' : '.'}
      </p>
      {count.applications.length > 0 && (
        <ol className="limit-applications">
          {count.applications.map((app, i) => (
            <ApplicationItem key={app.jobId ?? `${app.title}-${i}`} app={app} />
          ))}
        </ol>
      )}
      <p className="meta">Rejected and withdrawn applications still count: the site gives no sign that they free a place.</p>
    </details>
  );
}

/** The saved view's overview: each program with its applications, in the order made. */
export function ProgramList({ state }: { state: LimitState | undefined }) {
  if (!state || (state.programs.length === 0 && state.uncounted === 0)) return null;
  return (
    <section className="program-list" aria-labelledby="program-list-title" data-testid="program-list">
      <h2 id="program-list-title">Applications by program</h2>
      {state.programs.map((p) => (
        <div key={p.program.key} className="program" data-program={p.program.key}>
          <h3 className={`limit-${p.state}`}>
            {p.program.label}: {p.used} of {p.limit} used
          </h3>
          <ol className="limit-applications">
            {p.applications.map((app, i) => (
              <ApplicationItem key={app.jobId ?? `${app.title}-${i}`} app={app} withProgram={state.strict} />
            ))}
          </ol>
        </div>
      ))}
      {state.uncounted > 0 && (
        <p className="meta" data-testid="uncounted">
          {state.uncounted === 1 ? '1 application' : `${state.uncounted} applications`} to jobs with no application limit (experienced
          hires): counted against nothing.
        </p>
      )}
    </section>
  );
}
