// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import '../shared/popup-callout.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { JobPosting } from '../../lib/posting/schema';
import { getVersions } from '../../lib/store/jobs';
import type { JobRecord } from '../../lib/store/schema';
import { useApi } from '../shared/api';
import { failureMessage } from '../../lib/messages/client';
import './ChangeNotice.css';

const FIELD_LABELS: Partial<Record<keyof JobPosting, string>> = {
  title: 'Title',
  jobCode: 'Job code',
  category: 'Category',
  team: 'Team',
  locations: 'Locations',
  employmentType: 'Employment type',
  degreeLevels: 'Degree levels',
  cohort: 'Cohort',
  description: 'Description',
  responsibilities: 'Responsibilities',
  minimumQualifications: 'Minimum qualifications',
  preferredQualifications: 'Preferred qualifications',
  startDates: 'Start dates',
  internshipPeriods: 'Internship periods',
  commitment: 'Commitment',
  applicationLimit: 'Application limit',
  onsiteDaysPerWeek: 'On-site days',
  contactEmail: 'Contact',
  jobInformation: 'Job information',
};

function lines(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

const shorten = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface FieldChange {
  field: string;
  label: string;
  added: string[];
  removed: string[];
}

/** Per changed field, the lines (list items, or the whole value) that appeared and disappeared. */
function describeChanges(before: JobPosting, after: JobRecord, fields: readonly string[]): FieldChange[] {
  return fields.map((field) => {
    const was = lines(before[field as keyof JobPosting]);
    const now = lines(after[field as keyof JobRecord]);
    return {
      field,
      label: FIELD_LABELS[field as keyof JobPosting] ?? field,
      added: now.filter((line) => !was.includes(line)),
      removed: was.filter((line) => !now.includes(line)),
    };
  });
}

/**
 * A posting edited since the user kept it: what changed, against the copy kept before the change,
 * until the user says they have seen it.
 */
export function ChangeNotice({ job }: { job: JobRecord }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const versions = useLiveQuery(
    async () => (job.changedAt === null ? [] : getVersions(api.db, job.jobId)),
    [api.db, job.jobId, job.changedAt],
  );
  if (job.changedAt === null) return null;
  const before = versions?.at(-1)?.posting;
  const changes = before ? describeChanges(before, job, job.changedFields) : [];
  return (
    <div className="callout" role="note" data-testid="change-notice">
      <p>
        This posting changed since you first kept it (
        {job.changedFields.map((field) => FIELD_LABELS[field as keyof JobPosting] ?? field).join(', ')}).
      </p>
      {changes.length > 0 && (
        <details>
          <summary>What changed</summary>
          {changes.map((change) => (
            <div key={change.field} className="change">
              <h4>{change.label}</h4>
              <ul>
                {change.removed.map((line, i) => (
                  <li key={`r${i}`} className="removed">
                    <span className="visually-hidden">Removed: </span>
                    <span aria-hidden="true">− </span>
                    {shorten(line)}
                  </li>
                ))}
                {change.added.map((line, i) => (
                  <li key={`a${i}`} className="added">
                    <span className="visually-hidden">Added: </span>
                    <span aria-hidden="true">+ </span>
                    {shorten(line)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      <button
        type="button"
        onClick={() => api.send('job:acknowledgeChange', { jobId: job.jobId }).catch((e) => setError(failureMessage(e)))}
      >
        Got it
      </button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}
