// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import '../shared/buttons.css';
import '../shared/popup-controls.css';
import { useId, useState, type ChangeEvent } from 'react';
import { exportCsv } from '../../lib/transfer/csv';
import { exportFileName, exportJson } from '../../lib/transfer/export';
import { importBlob, type ImportSummary } from '../../lib/transfer/import';
import { plural } from '../shared/format';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';
import './TransferPanel.css';

function importSummaryText(summary: ImportSummary): string {
  const parts = [`${plural(summary.jobsAdded, 'job')} added`, `${summary.jobsUpdated} updated`, `${summary.jobsUnchanged} unchanged`];
  if (summary.versionsAdded > 0) parts.push(`${plural(summary.versionsAdded, 'earlier version')} kept`);
  if (summary.profileUpdated) parts.push('profile updated');
  return `Imported: ${parts.join(', ')}.`;
}

/**
 * Export and import both run here, in the extension page, which shares the database's origin: a
 * file of any size up to the limit is read and written without passing through a message. The
 * import validates the whole file and refuses it whole, with the reason, if anything in it is
 * wrong; afterwards the background recomputes the limit, so the toolbar badge stays true.
 */
export function TransferPanel() {
  const api = useApi();
  const id = useId();
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAs = async (kind: 'json' | 'csv') => {
    setMessage(null);
    try {
      const now = api.now();
      const text = kind === 'json' ? await exportJson(api.db, now) : await exportCsv(api.db);
      api.download(exportFileName(now, kind), text, kind === 'json' ? 'application/json' : 'text/csv');
      setMessage({ kind: 'done', text: `Exported ${kind.toUpperCase()}.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${failureMessage(error)}` });
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await importBlob(api.db, file, api.now());
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.message });
        return;
      }
      // The data is in; a badge that could not be refreshed now is recomputed at the next change.
      await api.send('data:imported', {}).catch(() => undefined);
      setMessage({ kind: 'done', text: importSummaryText(result.summary) });
    } catch (error) {
      setMessage({ kind: 'error', text: failureMessage(error) });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section className="transfer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Export and import
      </h2>
      <div className="button-row">
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        {api.openImportTab ? (
          <button type="button" onClick={() => void api.openImportTab?.()}>
            Import…
          </button>
        ) : (
          <label className="button file-button">
            Import…
            <input
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => void importFile(e)}
              data-testid="import-input"
            />
          </label>
        )}
      </div>
      <p role="status" className={message?.kind === 'error' ? 'error' : 'meta'} data-testid="transfer-message">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
