// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import '../shared/options-controls.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { deriveProgram } from '../../lib/program/program';
import { FAQ_LIMIT_SENTENCE } from '../../lib/sites/programs';
import { listProgramOverrides } from '../../lib/store/limit';
import { getSettings } from '../../lib/store/settings';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';

/**
 * How the limit is counted: per program (the FAQ's reading, the default) or strictly, every
 * early-career application together within the recruiting cycle; and the jobs whose program the
 * user corrected, each with an undo.
 */
export function LimitSettings() {
  const api = useApi();
  const ids = useId();
  const settings = useLiveQuery(() => getSettings(api.db), [api.db]);
  const corrected = useLiveQuery(() => listProgramOverrides(api.db), [api.db]);
  const [cycleStart, setCycleStart] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Follows the stored value (another page may change it), but never over an edit not yet saved.
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (!settings) return;
    const stored = settings.cycleStart ?? '';
    if (stored === shown) return;
    setCycleStart((current) => (shown === null || current === shown ? stored : current));
    setShown(stored);
  }, [settings, shown]);

  const run = async (done: string, action: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'done', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: failureMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="limit-settings">
      <h2 id={`${ids}-title`}>Application limit</h2>
      <p className="hint">TikTok's Early Careers FAQ:</p>
      <blockquote className="hint">{FAQ_LIMIT_SENTENCE}</blockquote>
      <p className="hint">
        Job Lens counts each application against its own program (track and intake, such as “Undergrad/Master Intern · 2026 Start”), TikTok
        and ByteDance jobs together, in the order you applied. Jobs whose posting states no limit (experienced hires) count against nothing.
      </p>
      <div className="field-checkbox">
        <input
          id={`${ids}-strict`}
          type="checkbox"
          checked={settings?.strictLimit ?? false}
          disabled={!settings || busy}
          onChange={(e) => {
            const strict = e.target.checked;
            void run(strict ? 'Counting every early-career application together' : 'Counting per program', () =>
              api.send('settings:setStrictLimit', { strict }),
            );
          }}
        />
        <label htmlFor={`${ids}-strict`}>
          Strict reading: count all my early-career applications against one limit, whatever the program
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-cycle`}>Recruiting cycle starts on</label>
        <p className="hint" id={`${ids}-cycle-hint`}>
          Used by the strict reading, and for programs whose postings name no intake. Empty: the last 12 months.
        </p>
        <div className="actions">
          <input
            id={`${ids}-cycle`}
            type="date"
            aria-describedby={`${ids}-cycle-hint`}
            value={cycleStart}
            onChange={(e) => setCycleStart(e.target.value)}
          />
          <button
            type="button"
            disabled={!settings || busy || cycleStart === (settings.cycleStart ?? '')}
            onClick={() =>
              void run(cycleStart ? `Cycle starts on ${cycleStart}` : 'Cycle: the last 12 months', () =>
                api.send('settings:setCycleStart', { cycleStart: cycleStart || null }),
              )
            }
          >
            Save cycle start
          </button>
        </div>
      </div>

      <h3>Programs you corrected</h3>
      {corrected === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : corrected.length === 0 ? (
        <p className="empty">None. Correct a job's program from the popup, on the job.</p>
      ) : (
        <ul className="corrections" data-testid="corrections">
          {corrected.map((job) => {
            const posted = deriveProgram(job);
            const override = job.programOverride;
            return (
              <li key={job.jobId} data-job-id={job.jobId}>
                <strong>{job.title}</strong>: counts against {override === 'none' ? 'nothing (no limit)' : override?.label}
                <span className="hint"> (the posting says {posted ? posted.label : 'no limit'})</span>{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() =>
                    void run(`Undone: ${job.title} counts as the posting says`, () =>
                      api.send('job:setProgram', { jobId: job.jobId, program: null }),
                    )
                  }
                >
                  Undo
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className={message?.kind === 'error' ? 'field-error' : 'hint'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
