import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ApplicationRow, JobRecord } from './schema';

/**
 * Keeps the `applications` table (migrations/v4.ts) equal to the applied jobs' rows in `jobs`,
 * whatever writes them: the background's saves, an import, a restore from the backup copy, the
 * memory mirror's snapshots, an erase. Every read-write transaction on `jobs` also takes
 * `applications`, and each write of jobs is followed, in the same transaction, by the matching
 * write here, so the two commit or fail together. Upgrades are left alone: version 4's upgrade
 * fills the table itself, and the tables of older versions (which tests open) have none.
 */

const JOBS = 'jobs';
const APPLICATIONS = 'applications';

/** The job's row in `applications`, or null for a job not applied to. */
export function applicationRowOf(job: JobRecord): ApplicationRow | null {
  if (job.appliedAt === null) return null;
  return {
    jobId: job.jobId,
    site: job.site,
    title: job.title,
    cohort: job.cohort,
    employmentType: job.employmentType,
    degreeLevels: job.degreeLevels,
    applicationLimit: job.applicationLimit,
    programOverride: job.programOverride,
    status: job.status,
    appliedDateUnknown: job.appliedDateUnknown,
    appliedAt: job.appliedAt,
  };
}

function inUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as unknown as { mode?: string }).mode === 'versionchange';
}

/** The writes to `applications` that follow a write of jobs that succeeded. */
function follow(applications: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Promise<unknown> | undefined {
  const { trans } = req;
  switch (req.type) {
    case 'add':
    case 'put': {
      const put: ApplicationRow[] = [];
      const removed: string[] = [];
      req.values.forEach((value: JobRecord, i) => {
        if (res.failures[i]) return;
        const row = applicationRowOf(value);
        if (row) put.push(row);
        else removed.push(value.jobId);
      });
      return Promise.all([
        put.length > 0 ? applications.mutate({ type: 'put', trans, values: put }) : undefined,
        removed.length > 0 ? applications.mutate({ type: 'delete', trans, keys: removed }) : undefined,
      ]);
    }
    case 'delete':
      return applications.mutate({ type: 'delete', trans, keys: req.keys });
    case 'deleteRange':
      // Both tables are keyed by job id, so a range of jobs is the same range here.
      return applications.mutate({ type: 'deleteRange', trans, range: req.range });
  }
}

export const applicationsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ApplicationsTable',
  create(down) {
    if (!down.schema.tables.some((table) => table.name === APPLICATIONS)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const withApplications = mode === 'readwrite' && stores.includes(JOBS) && !stores.includes(APPLICATIONS);
        return down.transaction(withApplications ? [...stores, APPLICATIONS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== JOBS) return table;
        const applications = down.table(APPLICATIONS);
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            if (!inUpgrade(req.trans)) await follow(applications, req, res);
            return res;
          },
        };
      },
    };
  },
};
