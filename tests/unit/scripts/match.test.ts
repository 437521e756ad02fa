import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatchReportSchema } from '../../../lib/match/report';
import { ReportSummarySchema } from '../../../lib/match/summary';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/match.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'match-cli-'));
const file = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('npm run match', { timeout: 60_000 }, () => {
  it('matches a saved posting and prints the report as JSON', () => {
    const r = run(
      '--posting',
      'tests/fixtures/postings/seed-000-algorithm-phd.json',
      '--profile',
      'tests/fixtures/profiles/masters-student.json',
      '--now',
      '2025-10-01',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = MatchReportSchema.parse(JSON.parse(r.stdout));
    expect(report.minimum).toHaveLength(5);
    expect(report.minimum[0]).toMatchObject({ kind: 'degree-field', verdict: 'unmet' });
    expect(report.blockers[0]).toMatch(/PhD/);
  });

  it('prints the summary a saved job keeps with --summary', () => {
    const r = run(
      '--posting',
      'tests/fixtures/postings/seed-003-big-data-bsms.json',
      '--profile',
      'tests/fixtures/profiles/bachelors-student.json',
      '--now',
      '2025-10-01',
      '--summary',
    );
    expect(r.code, r.stderr).toBe(0);
    const { requirements, ...summary } = JSON.parse(r.stdout);
    expect(ReportSummarySchema.parse(summary)).toMatchObject({
      score: 70,
      eligible: false,
      blockerCount: 1,
      required: { met: 3, partial: 1, unmet: 1, unknown: 1 },
    });
    expect(requirements).toBe('3 of 5 requirements met (1 partly) · 1 cannot be checked');
  });

  it('extracts a saved page first with --page and --url', () => {
    const r = run(
      '--page',
      'tests/fixtures/tiktok-seed-003.html',
      '--url',
      'https://lifeattiktok.com/search/7524000000000000003',
      '--profile',
      'tests/fixtures/profiles/bachelors-student.json',
      '--now',
      '2025-10-01',
    );
    expect(r.code, r.stderr).toBe(0);
    const report = MatchReportSchema.parse(JSON.parse(r.stdout));
    expect(report.minimum.map((l) => l.verdict)).toEqual(['met', 'met', 'met', 'unknown']);
    expect(report.blockers.some((b) => b.includes('Singapore'))).toBe(true);
  });

  it.each([
    [
      'an unreadable profile',
      ['--posting', 'tests/fixtures/postings/seed-000-algorithm-phd.json', '--profile', '/no/such/profile.json'],
      /^match: profile: no such file: \/no\/such\/profile\.json\n$/,
    ],
    [
      'a profile that is not JSON',
      ['--posting', 'tests/fixtures/postings/seed-000-algorithm-phd.json', '--profile', 'tests/fixtures/postings/README.md'],
      /^match: profile: .*README\.md is not JSON/,
    ],
    [
      'an invalid profile field',
      [
        '--posting',
        'tests/fixtures/postings/seed-000-algorithm-phd.json',
        '--profile',
        file('p.json', '{"education":[{"level":"PhD","field":"CS","status":"pursuing","graduation":"June 2027"}]}'),
      ],
      /^match: profile\.education\.0\.graduation: expected a year and month \(YYYY-MM\)\n$/,
    ],
    [
      'a misspelt profile key',
      ['--posting', 'tests/fixtures/postings/seed-000-algorithm-phd.json', '--profile', file('q.json', '{"skils":["Go"]}')],
      /^match: profile: Unrecognized key.*skils/,
    ],
    [
      'an invalid posting field',
      ['--posting', file('post.json', '{"jobId":"abc"}'), '--profile', 'tests/fixtures/profiles/empty.json'],
      /^match: posting\.jobId: /,
    ],
    [
      'a page without --url',
      ['--page', 'tests/fixtures/tiktok-seed-000.html', '--profile', 'tests/fixtures/profiles/empty.json'],
      /^match: --page needs --url/,
    ],
    [
      'a page that is not a job',
      [
        '--page',
        'tests/fixtures/tiktok-dead-job.html',
        '--url',
        'https://lifeattiktok.com/search/7525331248713058591',
        '--profile',
        'tests/fixtures/profiles/empty.json',
      ],
      /^match: page: not a job page: /,
    ],
    ['an unknown option', ['--postings', 'x'], /^match: unknown argument --postings/],
  ])('refuses %s with one line and exit 1', (_label, args, message) => {
    const r = run(...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
