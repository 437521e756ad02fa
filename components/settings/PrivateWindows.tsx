// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import { failureMessage } from '../../lib/messages/client';
import { useEffect, useId, useState } from 'react';

export interface PrivateWindowsApi {
  /** The stored choice (off when never set). */
  load(): Promise<boolean>;
  /** Stores the choice through the background and answers what is now stored. */
  save(record: boolean): Promise<boolean>;
}

type Status = { kind: 'loading' } | { kind: 'ready' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * Whether job pages viewed in private windows are recorded. Off unless the user turns it on: a
 * private window is where people expect nothing to be kept. The browser has its own switch too
 * (the extension must be allowed in private windows at all).
 */
export function PrivateWindows({ api }: { api: PrivateWindowsApi }) {
  const id = useId();
  const [record, setRecord] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    api
      .load()
      .then((value) => {
        if (!live) return;
        setRecord(value);
        setStatus({ kind: 'ready' });
      })
      .catch((error: unknown) => live && setStatus({ kind: 'error', message: `Could not read the setting: ${failureMessage(error)}` }));
    return () => {
      live = false;
    };
  }, [api]);

  const change = async (next: boolean) => {
    setStatus({ kind: 'saving' });
    try {
      setRecord(await api.save(next));
      setStatus({ kind: 'ready' });
    } catch (error) {
      setStatus({ kind: 'error', message: `Not saved: ${failureMessage(error)}` });
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Private windows</h2>
      <label className="field field-checkbox">
        <input
          type="checkbox"
          checked={record}
          disabled={status.kind === 'loading' || status.kind === 'saving'}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        Record job pages I view in private windows
      </label>
      <p className="hint">
        Off by default: jobs you view in a private window are not saved, and opening an application form there is not recorded. The browser
        must also allow Job Lens in private windows.
      </p>
      {status.kind === 'error' ? (
        <p className="field-error" role="alert">
          {status.message}
        </p>
      ) : null}
    </section>
  );
}
