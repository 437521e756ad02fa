// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { LimitState } from '../../lib/limit/limit';
import { countForJob } from '../../lib/store/limit';
import { APPLIED_STATUSES, JOB_STATUSES, type JobRecord, type JobStatus } from '../../lib/store/schema';
import { localNoon } from '../../lib/date';
import { localDay, localDateTime, STATUS_LABELS } from '../shared/format';
import { SiteStatusLine } from './SiteStatus';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';
import './JobActions.css';

const isSubmitted = (status: JobStatus) => APPLIED_STATUSES.includes(status);

/** How long typing must pause before the notes are saved. */
const NOTES_DEBOUNCE_MS = 600;

/** Where typed notes wait, synchronously, until the background has them: a popup can close mid-word. */
export const notesDraftKey = (jobId: string) => `job-lens:notes-draft:${jobId}`;

function readDraft(jobId: string): string | null {
  try {
    return localStorage.getItem(notesDraftKey(jobId));
  } catch {
    return null;
  }
}
function writeDraft(jobId: string, notes: string | null): void {
  try {
    if (notes === null) localStorage.removeItem(notesDraftKey(jobId));
    else localStorage.setItem(notesDraftKey(jobId), notes);
  } catch {
    // Storage refused (quota, privacy mode): the debounced and closing saves still run.
  }
}

interface Undo {
  label: string;
  status: JobStatus;
  appliedAt: string | null;
}

/**
 * Save, mark applied (with its date), status and notes. Nothing is recorded by browsing: the status
 * menu only picks, and "Set status" records; every recorded change offers Undo. Focus stays where
 * the user acted (a control that goes away hands it to Undo).
 */
export function JobActions({ job, limit }: { job: JobRecord; limit: LimitState | undefined }) {
  const api = useApi();
  const ids = useId();
  const today = localDay(api.now());
  const [appliedOn, setAppliedOn] = useState(today);
  const [pick, setPick] = useState<JobStatus>(job.status);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const busy = useRef(false);
  const [, setBusyView] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLSelectElement>(null);
  const [focusUndo, setFocusUndo] = useState(false);

  // The menu follows the stored status when it changes elsewhere (or through this view).
  useEffect(() => setPick(job.status), [job.status]);
  useEffect(() => {
    if (focusUndo && undoRef.current) {
      undoRef.current.focus();
      setFocusUndo(false);
    }
  }, [focusUndo, undo]);

  // Buttons are never disabled while a save runs: a focused button that becomes disabled drops
  // focus to the page. A click during a save is ignored instead.
  const run = async (what: string, action: () => Promise<unknown>, after?: { undo?: Undo; moveFocus?: boolean }) => {
    if (busy.current) return;
    busy.current = true;
    setBusyView(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'done', text: what });
      setUndo(after?.undo ?? null);
      if (after?.undo && after.moveFocus) setFocusUndo(true);
    } catch (error) {
      setMessage({ kind: 'error', text: failureMessage(error) });
    } finally {
      busy.current = false;
      setBusyView(false);
    }
  };

  // Applications count in the order made: two marked "today" must not tie at the same noon, so
  // today's date is sent as this very moment; an earlier day as its local noon, so it reads back
  // as the day picked here (a bare date would be stored at UTC noon: the next day in Auckland).
  const appliedAtFor = (day: string) => (day === today ? api.now().toISOString() : localNoon(day));

  const setStatus = (status: JobStatus, moveFocus: boolean) => {
    const appliedAt = isSubmitted(status) && job.appliedAt === null ? appliedAtFor(appliedOn) : undefined;
    const what =
      isSubmitted(status) && job.appliedAt === null
        ? `Recorded: ${STATUS_LABELS[status]} on ${localDay(appliedAt!)}. It counts against the limit.`
        : `Status: ${STATUS_LABELS[status]}`;
    return run(what, () => api.send('job:setStatus', { jobId: job.jobId, status, ...(appliedAt ? { appliedAt } : {}) }), {
      undo: { label: STATUS_LABELS[job.status], status: job.status, appliedAt: job.appliedAt },
      moveFocus,
    });
  };

  // Undo goes away once used: the focus moves to the status menu, which is always there.
  const undoLast = (u: Undo) =>
    run(`Back to ${u.label}`, async () => {
      await api.send('job:setStatus', {
        jobId: job.jobId,
        status: u.status,
        ...(u.appliedAt && isSubmitted(u.status) ? { appliedAt: u.appliedAt } : {}),
      });
      statusRef.current?.focus();
    });

  const count = limit ? countForJob(limit, job) : null;
  const full = count !== null && count.used >= count.limit && job.appliedAt === null;
  const pickNeedsDate = isSubmitted(pick) && job.appliedAt === null;

  return (
    <section className="actions" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Your application</h3>
      {job.status === 'seen' && (
        <p className="button-row">
          <span className="meta">Viewed, not saved.</span>
          <button type="button" onClick={() => void setStatus('saved', true)}>
            Save job
          </button>
        </p>
      )}

      {job.appliedAt === null ? (
        <div className="field-row">
          <label htmlFor={`${ids}-date`}>Applied on</label>
          <input id={`${ids}-date`} type="date" value={appliedOn} max={today} required onChange={(e) => setAppliedOn(e.target.value)} />
          <button
            type="button"
            className="primary"
            aria-disabled={appliedOn === ''}
            onClick={() => appliedOn !== '' && void setStatus('applied', true)}
          >
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

      <div className="field-row">
        <label htmlFor={`${ids}-status`}>Status</label>
        {/* Picking in the menu records nothing (arrow keys change a select's value in Chrome and Firefox); the button does. */}
        <select id={`${ids}-status`} ref={statusRef} value={pick} onChange={(e) => setPick(e.target.value as JobStatus)}>
          {JOB_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <button type="button" aria-disabled={pick === job.status} onClick={() => pick !== job.status && void setStatus(pick, false)}>
          Set status
        </button>
      </div>
      {pick !== job.status && (
        <p className="meta" data-testid="status-pending">
          {pickNeedsDate
            ? `“Set status” records an application on ${appliedOn || 'the date above'}: it counts against the limit.`
            : `Not recorded yet: choose “Set status”.`}
        </p>
      )}
      <p className="meta" data-testid="counting-statuses">
        Applied, Interviewing, Offer, Rejected and Withdrawn all count against the limit: a rejected or withdrawn application still used its
        slot.
      </p>

      <p role="status" className={message?.kind === 'error' ? 'error' : 'meta'} data-testid="action-message">
        {message?.text ?? ''}
        {message?.kind === 'done' && undo && (
          <>
            {' '}
            <button type="button" className="link" ref={undoRef} onClick={() => void undoLast(undo)}>
              Undo
            </button>
          </>
        )}
      </p>

      <Notes job={job} />
      <StatusHistory job={job} />
    </section>
  );
}

/**
 * Notes save themselves: after a pause in typing, when the popup is hidden or closed, and when
 * this view goes away. Until the background confirms, the text also waits in localStorage, so a
 * popup closed mid-word gives it back the next time the job is opened.
 */
function Notes({ job }: { job: JobRecord }) {
  const api = useApi();
  const id = useId();
  const [notes, setNotes] = useState(() => readDraft(job.jobId) ?? job.notes);
  const [state, setState] = useState<'saved' | 'pending' | 'error'>('saved');
  const latest = useRef(notes);
  const stored = useRef(job.notes);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = latest.current;
    if (text === stored.current) {
      writeDraft(job.jobId, null);
      return;
    }
    api.send('job:setNotes', { jobId: job.jobId, notes: text }).then(
      () => {
        stored.current = text;
        if (latest.current === text) {
          writeDraft(job.jobId, null);
          setState('saved');
        }
      },
      () => setState('error'),
    );
  }, [api, job.jobId]);

  // Another view (or an import) may change the notes while this one is open; an unsaved edit wins.
  useEffect(() => {
    if (job.notes === stored.current) return;
    const unsaved = latest.current !== stored.current;
    stored.current = job.notes;
    if (!unsaved) {
      latest.current = job.notes;
      setNotes(job.notes);
    }
  }, [job.notes]);

  // A draft left by a popup that closed before its save arrived is saved now.
  useEffect(() => {
    if (latest.current !== stored.current) save();
  }, [save]);

  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', flush);
      save();
    };
  }, [save]);

  const onChange = (text: string) => {
    setNotes(text);
    latest.current = text;
    writeDraft(job.jobId, text);
    setState('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, NOTES_DEBOUNCE_MS);
  };

  return (
    <div className="notes">
      <label htmlFor={`${id}-notes`}>Notes</label>
      <textarea
        id={`${id}-notes`}
        rows={3}
        maxLength={20_000}
        value={notes}
        aria-describedby={`${id}-notes-state`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={save}
      />
      <p id={`${id}-notes-state`} className={state === 'error' ? 'error' : 'meta'} data-testid="notes-state">
        {state === 'pending'
          ? 'Saving as you type…'
          : state === 'error'
            ? 'Not saved yet: it will be tried again as you type or close.'
            : 'Notes are saved as you type.'}
      </p>
    </div>
  );
}

function StatusHistory({ job }: { job: JobRecord }) {
  if (job.statusHistory.length === 0) return null;
  const changes = [...job.statusHistory].reverse();
  return (
    <details className="history" data-testid="status-history">
      <summary>Status history ({changes.length})</summary>
      <ol>
        {changes.map((change, i) => (
          <li key={`${change.at}-${i}`}>
            {STATUS_LABELS[change.status]} <span className="meta">· {localDateTime(change.at)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
