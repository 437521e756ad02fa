// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import '../shared/popup-callout.css';
import { useMemo } from 'react';
import type { LimitState } from '../../lib/limit/limit';
import type { Profile } from '../../lib/profile/schema';
import { canonicalJobUrl } from '../../lib/sites/urls';
import type { JobRecord } from '../../lib/store/schema';
import { blockerReason, minimumLine, summarizeMatch } from '../../lib/match/summary';
import { calendarDate, commitmentText, internshipText, limitText, localDay, SITE_NAMES } from '../shared/format';
import { useApi } from '../shared/api';
import { JobActions } from './JobActions';
import { isEmptyProfile, reportFor } from './match';
import { ChangeNotice } from './ChangeNotice';
import { ProgramPicker } from '../limit/ProgramPicker';
import { Qualifications } from './Qualifications';
import './JobView.css';

export type ProfileState =
  { status: 'loading' } | { status: 'none' } | { status: 'invalid'; reason: string } | { status: 'ready'; profile: Profile };

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ProfileCallout({ state }: { state: Exclude<ProfileState, { status: 'ready' | 'loading' }> }) {
  const api = useApi();
  return (
    <div className="callout" data-testid="profile-callout">
      <p>
        {state.status === 'invalid'
          ? `Your saved profile could not be read (${state.reason}). Fix it to see which requirements you meet.`
          : 'Set up your profile to see which of these requirements you meet.'}
      </p>
      <button type="button" className="primary" onClick={() => void api.openOptions()}>
        Set up your profile
      </button>
    </div>
  );
}

/** Everything about one job: what it asks, how the profile meets it, and what the user did about it. */
export function JobView({
  job,
  profile,
  limit,
  headingRef,
}: {
  job: JobRecord;
  profile: ProfileState;
  limit: LimitState | undefined;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const api = useApi();
  const usable = profile.status === 'ready' && !isEmptyProfile(profile.profile) ? profile.profile : null;
  const now = useMemo(() => api.now(), [api]);
  const report = useMemo(() => (usable ? reportFor(job, usable, now) : null), [job, usable, now]);
  const degrees = job.degreeLevels.join(' / ');
  const subtitle = [job.jobCode, job.locations.join(', '), job.employmentType, job.cohort, degrees].filter(Boolean);
  // The headline, the score and the "N of M" line all come from this one report.
  const summary = report ? summarizeMatch(report, { profileUpdatedAt: now.toISOString(), day: localDay(now) }) : null;

  return (
    <article className="job" aria-labelledby="job-title" data-job-id={job.jobId}>
      <header className="job-head">
        <p className="meta">{[SITE_NAMES[job.site], job.category, job.team].filter(Boolean).join(' · ')}</p>
        <h2 id="job-title" tabIndex={-1} ref={headingRef}>
          {job.title}
        </h2>
        <p className="meta" data-testid="job-subtitle">
          {subtitle.join(' · ')}
        </p>
        <a href={canonicalJobUrl(job.site, job.jobId)} target="_blank" rel="noreferrer">
          Open on {SITE_NAMES[job.site]}
        </a>
      </header>

      {job.closedAt && (
        <div className="callout closed" role="note" data-testid="job-closed">
          <p>
            <strong>This job is no longer open</strong> on {SITE_NAMES[job.site]}: its page showed “page not found” on{' '}
            {localDay(job.closedAt)}. What you kept about it stays here.
          </p>
        </div>
      )}

      <ProgramPicker job={job} />
      <ChangeNotice job={job} />
      {job.shortened?.length ? (
        <p className="meta" data-testid="shortened">
          This posting was longer than Job Lens keeps; shortened: {job.shortened.join(', ')}.
        </p>
      ) : null}

      {profile.status === 'none' || profile.status === 'invalid' || (profile.status === 'ready' && !usable) ? (
        <ProfileCallout state={profile.status === 'invalid' ? profile : { status: 'none' }} />
      ) : report && summary ? (
        <section className="match" aria-labelledby="match-title">
          <h3 id="match-title" className="visually-hidden">
            Eligibility and match
          </h3>
          {summary.eligible ? (
            <p className="eligibility eligible" data-testid="eligibility">
              <span aria-hidden="true">✓ </span>No blocker: nothing in your profile rules this job out.
            </p>
          ) : (
            <p className="eligibility not-eligible" data-testid="eligibility">
              <span aria-hidden="true">✗ </span>
              <strong>Not eligible: {summary.firstBlocker}</strong>
              {summary.blockerCount > 1 && <span> (and {summary.blockerCount - 1} more)</span>}
            </p>
          )}
          <p className="score" data-testid="score">
            {report.score === null ? (
              'No score: nothing in this posting could be checked against your profile'
            ) : (
              <>
                Match <strong>{report.score}</strong>/100
                {minimumLine(summary.minimum) && <span className="meta"> · {minimumLine(summary.minimum)}</span>}
              </>
            )}
          </p>
          {report.blockers.length > 0 && (
            <div className="blockers" data-testid="blockers">
              <h4>
                <span aria-hidden="true">✗ </span>
                {report.blockers.length === 1 ? 'What rules it out' : `${report.blockers.length} things rule it out`}
              </h4>
              <ul>
                {report.blockers.map((b, i) => (
                  <li key={i}>{blockerReason(b)}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      ) : null}

      <dl className="facts">
        {job.startDates.length > 0 && <Fact term="Start dates">{job.startDates.map(calendarDate).join(', ')}</Fact>}
        {job.internshipPeriods.length > 0 && <Fact term="Internship">{job.internshipPeriods.map(internshipText).join('; or ')}</Fact>}
        {job.commitment && <Fact term="Commitment">{commitmentText(job.commitment)}</Fact>}
        {job.onsiteDaysPerWeek !== null && (
          <Fact term="On site">
            {job.onsiteDaysPerWeek} {job.onsiteDaysPerWeek === 1 ? 'day' : 'days'} a week
          </Fact>
        )}
        {job.applicationLimit && <Fact term="Limit">{limitText(job.applicationLimit)}</Fact>}
        {job.contactEmail && (
          <Fact term="Contact">
            <a href={`mailto:${job.contactEmail}`}>{job.contactEmail}</a>
          </Fact>
        )}
      </dl>

      <Qualifications report={report} minimum={job.minimumQualifications} preferred={job.preferredQualifications} />

      {job.responsibilities.length > 0 && (
        <details className="responsibilities" data-testid="responsibilities">
          <summary>Responsibilities ({job.responsibilities.length})</summary>
          <ul>
            {job.responsibilities.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}

      <JobActions key={job.jobId} job={job} limit={limit} />
    </article>
  );
}
