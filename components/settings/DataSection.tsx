// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import { useCallback, useEffect, useState } from 'react';
import type { DataStatus } from '../../lib/backup/status';
import type { DataApi } from '../shared/api';

export interface DataSectionApi extends DataApi {
  /** Jobs in the database the page reads. */
  countJobs(): Promise<number>;
  /** `navigator.storage`, when the browser has it. */
  storage?: Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;
  now(): Date;
}

interface Facts {
  status: DataStatus | null;
  jobs: number | null;
  usage: number | null;
  persisted: boolean | null;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The settings' data section: how much is stored, whether the browser keeps it when the disk
 * fills, when the backup copy was last written, and what went wrong last.
 */
export function DataSection({ api }: { api: DataSectionApi }) {
  const [facts, setFacts] = useState<Facts>({ status: null, jobs: null, usage: null, persisted: null });
  const [asking, setAsking] = useState(false);

  const load = useCallback(async () => {
    const [status, jobs, estimate, persisted] = await Promise.all([
      api.status().catch(() => null),
      api.countJobs().catch(() => null),
      api.storage?.estimate().catch(() => null) ?? null,
      api.storage?.persisted().catch(() => null) ?? null,
    ]);
    setFacts({ status, jobs, usage: estimate?.usage ?? null, persisted });
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const { status } = facts;
  return (
    <section className="card data-section" aria-labelledby="data-title" data-testid="data-section">
      <h2 id="data-title">Data</h2>
      <dl className="data-facts">
        <dt>Stored</dt>
        <dd data-testid="data-size">
          {facts.jobs === null ? 'Jobs: unknown' : `${facts.jobs.toLocaleString('en')} ${facts.jobs === 1 ? 'job' : 'jobs'}`}
          {facts.usage !== null && `, ${megabytes(facts.usage)} in this browser`}
        </dd>
        <dt>Marked persistent by the browser</dt>
        <dd data-testid="data-persisted">
          {facts.persisted === null
            ? 'Unknown (this browser does not say)'
            : facts.persisted
              ? 'Yes: the browser will not clear Job Lens to free space'
              : 'No: the browser decides whether to clear it when space runs out'}
          {facts.persisted === false && api.storage && (
            <>
              {' '}
              <button
                type="button"
                className="link"
                disabled={asking}
                onClick={() => {
                  setAsking(true);
                  void api.storage!.persist().finally(() => {
                    setAsking(false);
                    void load();
                  });
                }}
              >
                Ask the browser to keep it
              </button>
            </>
          )}
        </dd>
        <dt>Backup copy</dt>
        <dd data-testid="data-backup">
          {status === null
            ? 'Unknown'
            : status.backupWrittenAt === null
              ? 'Not written yet'
              : `Last written ${when(status.backupWrittenAt)}, ${status.backupJobs.toLocaleString('en')} ${status.backupJobs === 1 ? 'job' : 'jobs'} with your applications, statuses or notes, your settings and profile`}
        </dd>
        {status?.mode === 'memory' && (
          <>
            <dt>Where</dt>
            <dd data-testid="data-mode">
              This browser keeps no database for Job Lens (private browsing): applications, statuses, notes and your profile are kept in the
              extension&apos;s storage, postings only until the browser closes.
            </dd>
          </>
        )}
        {status?.lastWriteFailure && (
          <>
            <dt>Last write</dt>
            <dd data-testid="data-write-failure" className="field-error">
              Failed {when(status.lastWriteFailure.at)}: {status.lastWriteFailure.message}
            </dd>
          </>
        )}
      </dl>
      <p className="hint">
        Job Lens keeps a second, small copy of your applications, statuses, notes, settings and profile, and restores them from it if the
        database is lost.
      </p>
    </section>
  );
}
