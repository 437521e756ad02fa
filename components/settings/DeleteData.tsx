// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import '../shared/options-controls.css';
import '../shared/buttons.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { DELETE_ALL_PHRASE } from '../../lib/store/erase';
import { findJobs } from '../../lib/store/queries';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';

const MAX_RESULTS = 20;

/**
 * Deleting data, never by accident: one job needs a second click on its own button, everything
 * needs the phrase typed. Nothing is deleted until the background confirms it.
 */
export function DeleteData() {
  const api = useApi();
  const ids = useId();
  const [query, setQuery] = useState('');
  const found = useLiveQuery(() => findJobs(api.db, query, MAX_RESULTS), [api.db, query]);
  const [armed, setArmed] = useState<string | null>(null);
  const [phrase, setPhrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);

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
      setArmed(null);
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="delete-data">
      <h2 id={`${ids}-title`}>Delete data</h2>
      <div className="field">
        <label htmlFor={`${ids}-find`}>Find a job to delete</label>
        <input
          id={`${ids}-find`}
          type="text"
          placeholder="Title, site or job code"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setArmed(null);
          }}
        />
      </div>
      {found && found.length > 0 && (
        <ul className="delete-results" aria-label="Jobs found">
          {found.map((job) => (
            <li key={job.jobId} data-job-id={job.jobId}>
              {job.title} <span className="hint">({job.status})</span>{' '}
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={armed === job.jobId ? `Click again to delete ${job.title}` : `Delete ${job.title}`}
                onClick={() =>
                  armed === job.jobId
                    ? void run(`Deleted ${job.title}`, () => api.send('job:delete', { jobId: job.jobId }))
                    : setArmed(job.jobId)
                }
              >
                {armed === job.jobId ? 'Click again to delete' : 'Delete'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {found && found.length === 0 && query.trim() !== '' && <p className="empty">No job matches.</p>}

      <h3>Delete everything</h3>
      <p className="hint">
        Every job, application, note, earlier copy, setting and your profile. This cannot be undone; export first if you may want them back.
      </p>
      <div className="field">
        <label htmlFor={`${ids}-phrase`}>Type “{DELETE_ALL_PHRASE}” to confirm</label>
        <div className="actions">
          <input id={`${ids}-phrase`} type="text" autoComplete="off" value={phrase} onChange={(e) => setPhrase(e.target.value)} />
          <button
            type="button"
            className="primary"
            disabled={busy || phrase.trim().toLowerCase() !== DELETE_ALL_PHRASE}
            onClick={() =>
              void run('Everything was deleted', async () => {
                await api.send('data:deleteAll', { confirm: DELETE_ALL_PHRASE });
                setPhrase('');
              })
            }
          >
            Delete everything
          </button>
        </div>
      </div>
      <p role="status" className={message?.kind === 'error' ? 'field-error' : 'hint'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
