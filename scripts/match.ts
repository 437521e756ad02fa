/**
 * `npm run -s match -- --posting <posting.json> --profile <profile.json>`
 * `npm run -s match -- --page <page.html> --url <page-url> --profile <profile.json>`
 * Prints the match report (score, minimum, preferred, eligibility, blockers) as JSON.
 * `--now <ISO date>` fixes the date the match is made on (default: today), for reproducible output.
 * `--summary` prints what a saved job keeps instead (`summarizeReport`: score, eligible, blockers, counts).
 * Bad input: one line on stderr naming the file and field, exit 1.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { extractFromHtml } from '../lib/extract/node';
import { matchPosting } from '../lib/match/match';
import { requirementsLine, summarizeReport } from '../lib/match/summary';
import { JobPostingSchema, type JobPosting } from '../lib/posting/schema';
import { ProfileSchema, type Profile } from '../lib/profile/schema';
import { parseHttpUrl } from '../lib/sites/urls';

const USAGE =
  'usage: npm run -s match -- (--posting <posting.json> | --page <page.html> --url <page-url>) --profile <profile.json> [--now <YYYY-MM-DD>] [--summary]';

class InputError extends Error {}

function fail(message: string): never {
  throw new InputError(message);
}

function readText(what: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(`${what}: ${code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'error'})`}`);
  }
}

function readJson(what: string, file: string): unknown {
  const text = readText(what, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${what}: ${file} is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

function firstIssue(what: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = [what, ...issue.path.map(String)].join('.');
  return `${path}: ${issue.message}`;
}

interface Args {
  posting?: string;
  page?: string;
  url?: string;
  profile?: string;
  now?: string;
  summary?: boolean;
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = {};
  const names = new Set(['posting', 'page', 'url', 'profile', 'now']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--summary') {
      args.summary = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m || !names.has(m[1]!)) fail(`unknown argument ${arg}; ${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) fail(`--${m[1]} needs a value; ${USAGE}`);
    args[m[1] as Exclude<keyof Args, 'summary'>] = value;
  }
  return args;
}

function loadPosting(args: Args, now: Date): JobPosting {
  if (args.posting && args.page) fail(`give --posting or --page, not both; ${USAGE}`);
  if (args.posting) {
    const parsed = JobPostingSchema.safeParse(readJson('posting', args.posting));
    if (!parsed.success) fail(firstIssue('posting', parsed.error));
    return parsed.data;
  }
  if (args.page) {
    if (!args.url) fail(`--page needs --url; ${USAGE}`);
    const url = parseHttpUrl(args.url);
    if (!url) fail(`url: not an http(s) URL: ${args.url}`);
    const result = extractFromHtml(readText('page', args.page), url, now);
    if (!result.ok) fail(`page: not a job page: ${result.reason}`);
    return result.posting;
  }
  fail(`missing --posting or --page; ${USAGE}`);
}

function loadProfile(file: string | undefined): Profile {
  if (!file) fail(`missing --profile; ${USAGE}`);
  const parsed = ProfileSchema.safeParse(readJson('profile', file));
  if (!parsed.success) fail(firstIssue('profile', parsed.error));
  return parsed.data;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/.test(text) ? new Date(text.length === 10 ? `${text}T00:00:00Z` : text) : null;
  if (!date || Number.isNaN(date.getTime())) fail(`now: not an ISO date: ${text}`);
  return date;
}

function main(argv: string[]): void {
  const args = parseArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const now = parseNow(args.now);
  const profile = loadProfile(args.profile);
  const posting = loadPosting(args, now);
  const report = matchPosting(posting, profile, now);
  if (args.summary) {
    const summary = summarizeReport(report);
    process.stdout.write(`${JSON.stringify({ ...summary, requirements: requirementsLine(summary) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // Bad input is the user's to fix: say what, never print a stack.
  const message = error instanceof InputError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  process.stderr.write(`match: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
