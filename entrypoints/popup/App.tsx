import { useLiveQuery } from 'dexie-react-hooks';
import type { JobLensDb } from '../../lib/store/db';
import { SavedJobs } from '../../components/SavedJobs';

export function App({ db }: { db: JobLensDb }) {
  const jobs = useLiveQuery(() => db.jobs.orderBy('lastSeenAt').reverse().limit(50).toArray(), [db]);
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Job Lens</h1>
      </header>
      <SavedJobs jobs={jobs} />
    </main>
  );
}
