import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../lib/capture/snapshot';
import { parseDocument } from '../../../lib/extract/node';
import { JobPostingSchema } from '../../../lib/posting/schema';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures');

function run(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts Node (and some npm): seconds on a machine shared with other work.
describe('extract CLI', { timeout: 60_000 }, () => {
  it('prints the posting of a job page as JSON', () => {
    const { code, stdout, stderr } = run([
      join(FIXTURES, 'tiktok-seed-000.html'),
      '--url',
      'https://lifeattiktok.com/search/7485320117452392711?spread=5MWH5CQ',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const posting = JobPostingSchema.parse(JSON.parse(stdout));
    expect(posting.jobCode).toBe('A257111A');
    expect(posting.url).toBe('https://lifeattiktok.com/search/7485320117452392711');
  });

  it('works through the npm script named in the README', () => {
    const result = spawnSync(
      'npm',
      ['run', '-s', 'extract', '--', join(FIXTURES, 'bytedance-dl.html'), '--url', 'https://joinbytedance.com/search/7446129018345213187'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).site).toBe('bytedance');
  });

  it('prints nothing on stdout and one line on stderr for a page that is not a job, exit 2', () => {
    const { code, stdout, stderr } = run([
      join(FIXTURES, 'tiktok-search-list.html'),
      '--url',
      'https://lifeattiktok.com/search?keyword=engineer',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^not a job page: /);
  });

  it('treats a dead job under a job URL as not a job', () => {
    const { code, stdout, stderr } = run([
      join(FIXTURES, 'tiktok-dead-job.html'),
      '--url',
      'https://lifeattiktok.com/search/7400000000000000001',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['/no/such/page.html', '--url', 'https://lifeattiktok.com/search/7400000000000000001'], /^no such file: \/no\/such\/page\.html$/],
    [[join(FIXTURES, 'tiktok-seed-000.html'), '--url', 'not a url'], /^not an http\(s\) URL: not a url$/],
    [[join(FIXTURES, 'tiktok-seed-000.html'), '--url', 'javascript:alert(1)'], /^not an http\(s\) URL/],
    [[join(FIXTURES, 'tiktok-seed-000.html')], /^missing --url/],
    [['--url', 'https://lifeattiktok.com/search/7400000000000000001'], /^missing the page file/],
    [[join(FIXTURES, 'tiktok-seed-000.html'), '--url', 'https://lifeattiktok.com/search/1', '--bogus'], /^unknown option --bogus/],
  ])('refuses bad input %j with one line and exit 1', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('reads a directory as a one-line error too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const { code, stderr } = run([dir, '--url', 'https://lifeattiktok.com/search/7400000000000000001']);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^cannot read .*: EISDIR$/);
  });

  it('reads a binary or empty file as not a job', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const file = join(dir, 'garbage.html');
    writeFileSync(file, Buffer.from([0, 159, 146, 150, 255, 0, 60, 62]));
    const { code, stdout } = run([file, '--url', 'https://lifeattiktok.com/search/7400000000000000001']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
  });
});

describe('snapshots from the popup', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'job-lens-snapshot-'));
  const page = readFileSync(join(FIXTURES, 'tiktok-seed-003.html'), 'utf8');
  const snapshotFile = join(dir, 'snapshot.html');
  writeFileSync(
    snapshotFile,
    takeSnapshot(parseDocument(page), new URL('https://lifeattiktok.com/search/7511946310275172616?spread=XY7QH2K'), '0.1.0', new Date()),
  );

  it('are read by the extract CLI without --url: the snapshot names its page', () => {
    const { code, stdout } = run([snapshotFile]);
    expect(code).toBe(0);
    const posting = JSON.parse(stdout);
    expect([posting.jobId, posting.jobCode, posting.responsibilities.length]).toEqual(['7511946310275172616', 'A40935', 7]);
  });

  it('become a fixture in one step: the page and a draft expectation the fixture test accepts', () => {
    const fixtures = mkdtempSync(join(tmpdir(), 'job-lens-fixtures-'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fixture.ts', snapshotFile, '--name', 'report-seed-003'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, JOB_LENS_FIXTURES_DIR: fixtures },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/DRAFT/);
    const html = readFileSync(join(fixtures, 'report-seed-003.html'), 'utf8');
    expect(html).toMatch(/^<!-- Job Lens snapshot of https:\/\/lifeattiktok\.com\/search\/7511946310275172616, extension 0\.1\.0/);
    const expected = JSON.parse(readFileSync(join(fixtures, 'report-seed-003.expected.json'), 'utf8'));
    expect(expected.expect).toBe('job');
    expect(expected.url).toBe('https://lifeattiktok.com/search/7511946310275172616');
    const seedExpected = JSON.parse(readFileSync(join(FIXTURES, 'tiktok-seed-003.expected.json'), 'utf8'));
    expect(expected.posting).toEqual(seedExpected.posting);
    // A second run does not overwrite the report.
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fixture.ts', snapshotFile, '--name', 'report-seed-003'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, JOB_LENS_FIXTURES_DIR: fixtures },
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists/);
  });
});
