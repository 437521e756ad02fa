import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ROOT } from './harness';

/**
 * An export file over Chrome's 64 MiB message limit, written at test time into a temp dir: the
 * frozen format-1 export's jobs, cloned into many jobs with long descriptions (within the posting's
 * 50,000-character bound). Two of them, in one program, are applied a few days ago, so the badge must read 2/2.
 */
export const BIG_JOBS = 1_500;
const DESCRIPTION_CHARS = 45_000;
export const MIB_64 = 64 * 1024 * 1024;

const bigJobId = (i: number) => `76${String(i).padStart(17, '0')}`;
const PARAGRAPH =
  'Our team builds the systems behind live recommendation for creators and viewers in many markets. ' +
  'You will work with engineers and data scientists on ranking, storage and streaming pipelines, and ' +
  'see your work reach real users within weeks. ';

export interface BigFile {
  path: string;
  bytes: number;
  appliedIds: string[];
  remove(): void;
}

export async function writeBigExport(now = new Date()): Promise<BigFile> {
  const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/exports/v1.json'), 'utf8')) as {
    jobs: Record<string, unknown>[];
  };
  const dir = mkdtempSync(join(tmpdir(), 'job-lens-import-'));
  const path = join(dir, 'job-lens-big.json');
  const out = createWriteStream(path);
  const description = PARAGRAPH.repeat(Math.ceil(DESCRIPTION_CHARS / PARAGRAPH.length)).slice(0, DESCRIPTION_CHARS);
  const applied = new Date(now.getTime() - 3 * 86_400_000).toISOString();
  const seen = new Date(now.getTime() - 5 * 86_400_000).toISOString();
  const appliedIds = [bigJobId(0), bigJobId(1)];
  out.write(`{"format":"job-lens-export","version":1,"exportedAt":"${seen}","jobs":[`);
  for (let i = 0; i < BIG_JOBS; i += 1) {
    const isApplied = i < 2;
    // The two applications are to jobs of one program (the first fixture job's), so its count is 2 of 2.
    const template = fixture.jobs[isApplied ? 0 : i % fixture.jobs.length]!;
    const jobId = bigJobId(i);
    const job = {
      ...template,
      jobId,
      url: `https://lifeattiktok.com/search/${jobId}`,
      site: 'tiktok',
      title: `${String(template.title).slice(0, 400)} #${i}`,
      description: `${i} ${description}`.slice(0, DESCRIPTION_CHARS),
      applicationLimit: { max: 2, scope: 'affiliates-global', inOrder: true },
      status: isApplied ? 'applied' : 'saved',
      statusHistory: [{ status: isApplied ? 'applied' : 'saved', at: seen }],
      appliedAt: isApplied ? applied : null,
      applyStartedAt: null,
      userUpdatedAt: seen,
      notes: `Note for job ${i}`,
      notesUpdatedAt: seen,
      firstSeenAt: seen,
      lastSeenAt: seen,
      extractedAt: seen,
      changedAt: null,
      changedFields: [],
    };
    out.write((i === 0 ? '' : ',') + JSON.stringify(job));
  }
  out.end('],"versions":[],"settings":[],"profile":null}');
  await finished(out);
  return { path, bytes: statSync(path).size, appliedIds, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs in an extension page (self-contained): a digest of every job row, small enough to send back
 * (the rows themselves are ~70 MB).
 */
export function digestJobs(): Promise<{ count: number; rows: [string, string, string, number, string, string | null][] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('job-lens');
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      const db = request.result;
      const rows: [string, string, string, number, string, string | null][] = [];
      const cursor = db.transaction('jobs', 'readonly').objectStore('jobs').openCursor();
      cursor.onerror = () => reject(new Error(String(cursor.error)));
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) {
          db.close();
          resolve({ count: rows.length, rows });
          return;
        }
        const r = c.value as Record<string, unknown>;
        rows.push([
          String(r.jobId),
          String(r.title),
          String(r.url),
          String(r.description).length,
          String(r.notes),
          (r.appliedAt as string | null) ?? null,
        ]);
        c.continue();
      };
    };
  });
}

/** What every row must read after the import, from the same numbering as the file. */
export function expectedDigest(row: [string, string, string, number, string, string | null]) {
  const i = Number(row[0].slice(2));
  return {
    jobId: bigJobId(i),
    titleEnd: ` #${i}`,
    url: `https://lifeattiktok.com/search/${bigJobId(i)}`,
    descriptionLength: DESCRIPTION_CHARS,
    notes: `Note for job ${i}`,
    applied: i < 2,
  };
}
