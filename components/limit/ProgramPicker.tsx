// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import { useId, useState } from 'react';
import { deriveProgram, type Program } from '../../lib/program/program';
import { programChoices, programOfJob } from '../../lib/store/limit';
import type { JobRecord } from '../../lib/store/schema';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';
import './ProgramPicker.css';

const AS_POSTED = '';
const NONE = 'none';

/**
 * The job's early-career program, and the user's way to correct it: any program seen so far,
 * "no limit", or back to what the posting says. The choices are read only when asked for, since
 * finding every program means reading every posting that states a limit.
 */
export function ProgramPicker({ job }: { job: JobRecord }) {
  const api = useApi();
  const ids = useId();
  const [choices, setChoices] = useState<Program[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const override = job.programOverride ?? null;
  const current = override === null ? AS_POSTED : override === 'none' ? NONE : override.key;
  // Chosen in the list, sent only with "Save": browsing the list with the keyboard changes nothing.
  const [picked, setPicked] = useState(current);
  const program = programOfJob(job);
  const posted = deriveProgram(job);

  const open = async () => {
    setEditing(true);
    setPicked(current);
    setMessage(null);
    try {
      setChoices(await programChoices(api.db, job));
    } catch (error) {
      setMessage({ kind: 'error', text: failureMessage(error) });
    }
  };

  const choose = async (value: string) => {
    const next = value === AS_POSTED ? null : value === NONE ? 'none' : (choices?.find((c) => c.key === value) ?? null);
    try {
      await api.send('job:setProgram', { jobId: job.jobId, program: next });
      setEditing(false);
      setMessage({ kind: 'done', text: next === null ? 'Program: as the posting says' : 'Program corrected' });
    } catch (error) {
      setMessage({ kind: 'error', text: failureMessage(error) });
    }
  };

  return (
    <div className="program-picker" data-testid="program">
      <p>
        <span className="meta">Program: </span>
        <strong data-testid="program-label">{program ? program.label : 'No application limit'}</strong>
        <span className="meta">{override === null ? ' (from the posting)' : ' (your correction)'}</span>{' '}
        {!editing && (
          <button type="button" className="link" onClick={() => void open()}>
            Change
          </button>
        )}
      </p>
      {editing && (
        <div className="field-row">
          <label htmlFor={`${ids}-program`}>Counts against</label>
          <select id={`${ids}-program`} value={picked} disabled={choices === null} onChange={(e) => setPicked(e.target.value)}>
            <option value={AS_POSTED}>As the posting says ({posted ? posted.label : 'no limit'})</option>
            <option value={NONE}>No limit (counts against nothing)</option>
            {(choices ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
          <button type="button" className="primary" disabled={choices === null || picked === current} onClick={() => void choose(picked)}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p role="status" className={message.kind === 'error' ? 'error' : 'meta'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
