import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '../../../../lib/date';
import { CSV_HEADERS, csvCell, exportCsv, jobsToCsv } from '../../../../lib/transfer/csv';
import { newJobRecord, recordPostingSeen, setNotes, setStatus } from '../../../../lib/store/jobs';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { programOfJob } from '../../../../lib/store/limit';
import type { JobRecord } from '../../../../lib/store/schema';
import { makePosting } from '../../support/factory';

/** A strict RFC 4180 reader, so the test checks what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (c === '"' || c === '\n' || c === '\r') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      cell += c;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('last line not terminated by CRLF');
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('San Jose, CA')).toBe('"San Jose, CA"');
    expect(csvCell('the "strong" fit')).toBe('"the ""strong"" fit"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(2)).toBe('2');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('Pay = good')).toBe('Pay = good');
  });
});

describe('jobsToCsv', () => {
  it('writes a header and one CRLF-terminated row per job that reads back cell for cell', () => {
    const posting = makePosting({
      title: 'Software Engineer Intern (Data Platform, "Core") - 2026 Start (BS/MS)',
      locations: ['San Jose', 'Seattle'],
    });
    const job = {
      ...newJobRecord(posting, '2025-10-01T09:00:00.000Z'),
      notes: '=cmd|"/c calc"!A1\nsecond line',
    };
    const text = jobsToCsv([job]);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(CSV_HEADERS);
    expect(rows).toHaveLength(2);
    const cells = Object.fromEntries(CSV_HEADERS.map((h, i) => [h, rows[1]![i]]));
    expect(cells).toMatchObject({
      jobId: posting.jobId,
      site: 'tiktok',
      title: posting.title,
      status: 'seen',
      appliedOn: '',
      eligible: '',
      program: 'Undergrad/Master Intern · 2026 Start',
      locations: 'San Jose; Seattle',
      applicationLimit: '2',
      url: posting.url,
      notes: `'=cmd|"/c calc"!A1\nsecond line`,
    });
  });
});

describe('the program column', () => {
  const cellOf = (job: JobRecord, header: string) => parseCsv(jobsToCsv([job]))[1]![CSV_HEADERS.indexOf(header)];

  it('is the program the limit counts the job against, by its label', () => {
    const phd = newJobRecord(
      makePosting({ title: 'Research Scientist Intern - 2026 Start (PhD)', cohort: '2026 Start' }),
      '2025-10-01T09:00:00.000Z',
    );
    expect(cellOf(phd, 'program')).toBe('PhD Intern · 2026 Start');
    expect(cellOf(phd, 'program')).toBe(programOfJob(phd)!.label);
  });

  it("follows the user's correction of the program, as the limit does", () => {
    const job = newJobRecord(makePosting({ title: 'Software Engineer Intern - 2026 Start (BS/MS)' }), '2025-10-01T09:00:00.000Z');
    const moved = { ...job, programOverride: { key: 'graduate:2026-start', label: 'Graduate · 2026 Start' } };
    expect(cellOf(moved, 'program')).toBe('Graduate · 2026 Start');
    expect(cellOf({ ...job, programOverride: 'none' as const }, 'program')).toBe('');
  });

  it('is empty for a posting that states no application limit (an experienced hire)', () => {
    const job = newJobRecord(
      makePosting({ title: 'Senior Data Engineer', employmentType: 'Regular', cohort: null, applicationLimit: null }),
      '2025-10-01T09:00:00.000Z',
    );
    expect(cellOf(job, 'program')).toBe('');
  });
});

describe('exportCsv', () => {
  let db: JobLensDb;
  afterEach(async () => {
    await db?.delete();
  });

  it('exports every job, most recently seen first, with status and application date', async () => {
    db = openDb('csv-export-test');
    const a = makePosting({ extractedAt: '2025-09-01T00:00:00.000Z' });
    const b = makePosting({ site: 'bytedance', extractedAt: '2025-09-01T00:00:00.000Z' });
    await recordPostingSeen(db, a, new Date('2025-09-01T00:00:00Z'));
    await recordPostingSeen(db, b, new Date('2025-09-02T00:00:00Z'));
    await setStatus(db, a.jobId, 'applied', new Date('2025-09-03T00:00:00Z'), { appliedAt: '2025-09-03' });
    await setNotes(db, a.jobId, 'Applied via referral', new Date('2025-09-03T00:00:00Z'));
    const rows = parseCsv(await exportCsv(db));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      [b.jobId, 'bytedance', 'seen', ''],
      // A day on the user's calendar, not the stored instant.
      [a.jobId, 'tiktok', 'applied', localDay('2025-09-03T12:00:00.000Z')],
    ]);
    expect(rows[2]!.at(-1)).toBe('Applied via referral');
  });
});
