import type { JobRecord } from '../lib/store/schema';

/** Text from pages is rendered as React text nodes only: markup in a posting shows literally. */
export function SavedJobs({ jobs }: { jobs: JobRecord[] | undefined }) {
  if (jobs === undefined) return <p aria-busy="true">Loading…</p>;
  if (jobs.length === 0) {
    return (
      <p className="empty">
        No jobs yet. Open a job on lifeattiktok.com or joinbytedance.com and Job Lens keeps it here.
      </p>
    );
  }
  return (
    <ul className="job-list" aria-label="Saved jobs">
      {jobs.map((job) => (
        <li key={job.jobId} data-job-id={job.jobId}>
          <a href={job.url} target="_blank" rel="noreferrer">
            {job.title}
          </a>
          <span className="meta">
            {[job.site === 'tiktok' ? 'TikTok' : 'ByteDance', job.locations.join(', '), job.status].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
