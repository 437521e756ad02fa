import { useState } from 'react';
import type { LimitState } from '../../lib/limit/limit';
import type { JobRecord } from '../../lib/store/schema';
import { localDay, SITE_NAMES } from '../format';
import { errorText, useApi } from './api';

/**
 * Opening an application form is not applying: each opened form waits here until the user says
 * whether they submitted. Only "Yes" counts against the limit.
 */
export function PendingConfirmations({ jobs, limit }: { jobs: JobRecord[] | undefined; limit: LimitState | undefined }) {
  if (!jobs || jobs.length === 0) return null;
  return (
    <section className="pending" aria-labelledby="pending-title">
      <h2 id="pending-title" className="visually-hidden">
        Applications to confirm
      </h2>
      <ul>
        {jobs.map((job) => (
          <PendingItem key={job.jobId} job={job} limit={limit} />
        ))}
      </ul>
    </section>
  );
}

function PendingItem({ job, limit }: { job: JobRecord; limit: LimitState | undefined }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (name: 'apply:confirm' | 'apply:dismiss') => {
    setBusy(true);
    setError(null);
    try {
      await api.send(name, { jobId: job.jobId });
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const questionId = `pending-${job.jobId}`;
  const wouldExceed = limit && limit.limit !== null && limit.used >= limit.limit;
  const where = `${SITE_NAMES[job.site]}, form opened ${job.applyStartedAt ? localDay(job.applyStartedAt) : ''}`;
  // One line with both buttons; the whole question (title, site, date) is its tooltip and is read in full.
  return (
    <li className="pending-item" data-testid="pending-item" data-job-id={job.jobId}>
      <div className="pending-line">
        <p id={questionId} className="pending-question" title={`Did you submit your application to ${job.title}? (${where})`}>
          Did you submit your application to <strong>{job.title}</strong>? <span className="visually-hidden">({where})</span>
        </p>
        <div className="button-row" role="group" aria-labelledby={questionId}>
          <button type="button" className="primary" disabled={busy} onClick={() => void act('apply:confirm')}>
            Yes, I submitted it
          </button>
          <button type="button" disabled={busy} onClick={() => void act('apply:dismiss')}>
            Not yet
          </button>
        </div>
      </div>
      {wouldExceed && (
        <p className="warning">
          This would be application {limit.used + 1} of {limit.limit}: it may not be considered.
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
