// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import { useState } from 'react';
import type { LimitState } from '../../lib/limit/limit';
import { countForJob } from '../../lib/store/limit';
import type { ApplicationRow, JobRecord } from '../../lib/store/schema';
import { localDay, SITE_NAMES } from '../shared/format';
import { localNoon } from '../../lib/date';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';
import './PendingConfirmations.css';

/**
 * Opening an application form is not applying: each opened form whose confirmation page Job Lens
 * did not see waits here until the user says whether they submitted. Only "Yes" counts against the
 * limit; "Not yet" asks again a day later. Jobs the site said were applied to before (date unknown)
 * ask for the date.
 */
export function PendingConfirmations({
  jobs,
  undated,
  limit,
}: {
  jobs: JobRecord[] | undefined;
  undated?: ApplicationRow[] | undefined;
  limit: LimitState | undefined;
}) {
  if ((!jobs || jobs.length === 0) && (!undated || undated.length === 0)) return null;
  return (
    <section className="pending" aria-labelledby="pending-title">
      <h2 id="pending-title" className="visually-hidden">
        Applications to confirm
      </h2>
      <ul>
        {(jobs ?? []).map((job) => (
          <PendingItem key={job.jobId} job={job} limit={limit} />
        ))}
        {(undated ?? []).map((job) => (
          <DateItem key={job.jobId} job={job} />
        ))}
      </ul>
    </section>
  );
}

function PendingItem({ job, limit }: { job: JobRecord; limit: LimitState | undefined }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (name: 'apply:confirm' | 'apply:dismiss' | 'apply:later') => {
    setBusy(true);
    setError(null);
    try {
      await api.send(name, { jobId: job.jobId });
    } catch (e) {
      setError(failureMessage(e));
      setBusy(false);
    }
  };
  const questionId = `pending-${job.jobId}`;
  const count = limit ? countForJob(limit, job) : null;
  const wouldExceed = count !== null && count.used >= count.limit;
  const where = `${SITE_NAMES[job.site]}, form opened ${job.applyStartedAt ? localDay(job.applyStartedAt) : ''}`;
  // One line with its buttons, so the visible words are short: the title gets the width, and
  // each button's name starts with its visible word and says the rest (label in name). The whole
  // question (title, site, date) is the tooltip and is read in full.
  const question = `Did you submit your application to ${job.title}?`;
  return (
    <li className="pending-item" data-testid="pending-item" data-job-id={job.jobId}>
      <div className="pending-line">
        <p id={questionId} className="pending-question" title={`${question} (${where})`}>
          <span aria-hidden="true">
            Did you apply to <strong>{job.title}</strong>?
          </span>
          <span className="visually-hidden">
            {question} ({where})
          </span>
        </p>
        <div className="button-row" role="group" aria-labelledby={questionId}>
          <button
            type="button"
            className="primary"
            aria-label="Yes, I submitted it"
            disabled={busy}
            onClick={() => void act('apply:confirm')}
          >
            Yes
          </button>
          <button type="button" aria-label="Not yet: ask me again tomorrow" disabled={busy} onClick={() => void act('apply:later')}>
            Not yet
          </button>
          <button type="button" aria-label="No, I did not apply" disabled={busy} onClick={() => void act('apply:dismiss')}>
            No
          </button>
        </div>
      </div>
      {wouldExceed && (
        <p className="warning">
          This would be application {count.used + 1} of {count.limit} in {count.program.label}: it may not be considered.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

/** "When did you apply?" for a job the site said was applied to before. */
function DateItem({ job }: { job: ApplicationRow }) {
  const api = useApi();
  const seen = job.appliedAt ? localDay(job.appliedAt) : '';
  const [day, setDay] = useState(seen);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (appliedAt: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.send('apply:confirm', { jobId: job.jobId, appliedAt });
    } catch (e) {
      setError(failureMessage(e));
      setBusy(false);
    }
  };
  const inputId = `undated-${job.jobId}`;
  return (
    <li className="pending-item" data-testid="undated-item" data-job-id={job.jobId}>
      <p>
        The site says you already applied to <strong>{job.title}</strong>. When did you apply?{' '}
        <span className="meta">(counted from {seen} until you say)</span>
      </p>
      <div className="field-row">
        <label htmlFor={inputId}>Applied on</label>
        <input id={inputId} type="date" value={day} max={localDay(api.now())} onChange={(e) => setDay(e.target.value)} />
        <button type="button" className="primary" disabled={busy || day === ''} onClick={() => void save(localNoon(day))}>
          Save date
        </button>
        <button type="button" disabled={busy || !job.appliedAt} onClick={() => void save(job.appliedAt!)}>
          I don't know
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
