import { useEffect, useId, useState } from 'react';
import type { LimitState } from '../../lib/limit/limit';
import { countForJob } from '../../lib/store/limit';
import { APPLIED_STATUSES, JOB_STATUSES, type JobRecord, type JobStatus } from '../../lib/store/schema';
import { localNoon } from '../../lib/date';
import { localDay, STATUS_LABELS } from '../format';
import { SiteStatusLine } from './SiteStatus';
import { errorText, useApi } from '../popup/api';

const isSubmitted = (status: JobStatus) => APPLIED_STATUSES.includes(status);

/** Save, mark applied (with its date), status and notes. */
export function JobActions({ job, limit }: { job: JobRecord; limit: LimitState | undefined }) {
  const api = useApi();
  const ids = useId();
  const today = localDay(api.now());
  const [appliedOn, setAppliedOn] = useState(today);
  const [notes, setNotes] = useState(job.notes);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Another view (or an import) may change the notes while this one is open; an unsaved edit wins.
  const [savedNotes, setSavedNotes] = useState(job.notes);
  useEffect(() => {
    if (job.notes !== savedNotes) {
      setSavedNotes(job.notes);
      setNotes((current) => (current === savedNotes ? job.notes : current));
    }
  }, [job.notes, savedNotes]);

  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'done', text: what });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  // Applications count in the order made: two marked "today" must not tie at the same noon, so
  // today's date is sent as this very moment; an earlier day as its local noon, so it reads back
  // as the day picked here (a bare date would be stored at UTC noon: the next day in Auckland).
  const appliedAtFor = (day: string) => (day === today ? api.now().toISOString() : localNoon(day));

  const setStatus = (status: JobStatus) =>
    run(`Status: ${STATUS_LABELS[status]}`, () =>
      api.send('job:setStatus', {
        jobId: job.jobId,
        status,
        // A submitted status needs a date: the one already recorded, else the one in the date field.
        ...(isSubmitted(status) && job.appliedAt === null ? { appliedAt: appliedAtFor(appliedOn) } : {}),
      }),
    );

  const count = limit ? countForJob(limit, job) : null;
  const full = count !== null && count.used >= count.limit && job.appliedAt === null;

  return (
    <section className="actions" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Your application</h3>
      <div className="field-row">
        <label htmlFor={`${ids}-status`}>Status</label>
        <select
          id={`${ids}-status`}
          value={job.status}
          disabled={busy}
          onChange={(e) => void setStatus(e.target.value as JobStatus)}
        >
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {job.status === 'seen' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('saved')}>
            Save job
          </button>
        )}
      </div>

      {job.appliedAt === null ? (
        <div className="field-row">
          <label htmlFor={`${ids}-date`}>Applied on</label>
          <input
            id={`${ids}-date`}
            type="date"
            value={appliedOn}
            max={today}
            required
            onChange={(e) => setAppliedOn(e.target.value)}
          />
          <button type="button" className="primary" disabled={busy || appliedOn === ''} onClick={() => void setStatus('applied')}>
            Mark applied
          </button>
        </div>
      ) : (
        <p data-testid="applied-on">Applied on {localDay(job.appliedAt)}</p>
      )}
      <SiteStatusLine job={job} />
      {full && (
        <p className="warning">
          You have used {count.used} of {count.limit} applications in {count.program.label}: another one may not be considered.
        </p>
      )}

      <div className="notes">
        <label htmlFor={`${ids}-notes`}>Notes</label>
        <textarea id={`${ids}-notes`} rows={3} maxLength={20_000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <button
          type="button"
          disabled={busy || notes === job.notes}
          onClick={() => void run('Notes saved', () => api.send('job:setNotes', { jobId: job.jobId, notes }))}
        >
          Save notes
        </button>
      </div>

      <p role="status" className={message?.kind === 'error' ? 'error' : 'meta'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
