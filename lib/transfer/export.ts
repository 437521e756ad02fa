import { localDay } from '../date';
import { canonicalJobUrl } from '../sites/urls';
import type { JobLensDb } from '../store/db';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './format';

/**
 * Everything the user has, as one object. Read in one transaction so the jobs, their earlier
 * copies and the settings are from the same moment. The profile is exported as stored.
 */
export async function exportAll(db: JobLensDb, now: Date): Promise<ExportFile> {
  return db.transaction('r', [db.jobs, db.versions, db.settings, db.profile, db.siteApplications], async () => {
    const [jobs, versions, settings, profile, siteApplications] = await Promise.all([
      db.jobs.toArray(),
      db.versions.orderBy('id').toArray(),
      db.settings.toArray(),
      db.profile.get('me'),
      db.siteApplications.toArray(),
    ]);
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: now.toISOString(),
      // A job's link is its site's address for its id, whatever an older row holds.
      jobs: jobs.map((job) => ({ ...job, url: canonicalJobUrl(job.site, job.jobId) })),
      // Local ids mean nothing in another database; the import gives new ones.
      versions: versions.map(({ jobId, savedAt, posting }) => ({
        jobId,
        savedAt,
        posting: { ...posting, url: canonicalJobUrl(posting.site, posting.jobId) },
      })),
      settings,
      profile: profile ? ({ ...profile } as ExportFile['profile']) : null,
      siteApplications,
    };
  });
}

export async function exportJson(db: JobLensDb, now: Date): Promise<string> {
  return JSON.stringify(await exportAll(db, now), null, 1);
}

/** A file name that sorts by date: job-lens-2025-11-15.json. */
export function exportFileName(now: Date, extension: 'json' | 'csv'): string {
  return `job-lens-${localDay(now)}.${extension}`;
}
