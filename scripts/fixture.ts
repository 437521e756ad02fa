/**
 * `npm run -s fixture -- <snapshot.html> [--name <name>] [--url <page-url>] [--force]`: turns a
 * snapshot saved from the popup ("This posting was read wrong") into a test fixture in one step:
 * tests/fixtures/<name>.html (the snapshot, its origin comment on top) and a DRAFT
 * <name>.expected.json holding what the extractor reads today. The draft is to be corrected by hand
 * to what the page says (that is the report), then tests/unit/lib/extract/fixtures.test.ts and the
 * end-to-end suite check it field by field.
 * Exit codes: 0 written; 1 bad input or a fixture of that name exists (without --force).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { snapshotPageUrl } from '../lib/capture/snapshot';
import { extractFromHtml } from '../lib/extract/node';
import { classifyUrl, parseHttpUrl } from '../lib/sites/urls';

const USAGE = 'usage: npm run -s fixture -- <snapshot.html> [--name <name>] [--url <page-url>] [--force]';
// JOB_LENS_FIXTURES_DIR: somewhere else (the tests write to a scratch directory).
const FIXTURES = process.env.JOB_LENS_FIXTURES_DIR ?? resolve(import.meta.dirname, '../tests/fixtures');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The first sentences of a text, as the phrases a fixture's free-text fields are checked by. */
function phrases(text: string, count: number): string[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 20)
    .slice(0, count)
    .map((line) => (line.length > 120 ? line.slice(0, 120).replace(/\s+\S*$/, '') : line));
}

function main(argv: string[]): void {
  let file: string | undefined;
  let name: string | undefined;
  let urlText: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--name') name = argv[++i];
    else if (arg === '--url') urlText = argv[++i];
    else if (arg === '--force') force = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}; ${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument ${arg}; ${USAGE}`);
  }
  if (!file) fail(`missing the snapshot file; ${USAGE}`);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  urlText ??= snapshotPageUrl(html) ?? undefined;
  if (!urlText) fail(`${file} names no page address (not a Job Lens snapshot?); give --url`);
  const url = parseHttpUrl(urlText);
  if (!url) fail(`not an http(s) URL: ${urlText}`);
  const page = classifyUrl(url);
  name ??= `report-${'jobId' in page ? `${page.site}-${page.jobId}` : 'page'}`;
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(name)) fail(`a fixture name is lower-case letters, digits and dashes: ${name}`);
  const htmlPath = join(FIXTURES, `${name}.html`);
  const expectedPath = join(FIXTURES, `${name}.expected.json`);
  if (!force && (existsSync(htmlPath) || existsSync(expectedPath)))
    fail(`${htmlPath.replace(/\.html$/, '')} exists; choose --name or add --force`);

  const result = extractFromHtml(html, url, new Date());
  const origin = /^\s*<!--([\s\S]*?)-->/.exec(html)?.[1]?.trim();
  const expected: Record<string, unknown> = {
    origin: origin ? origin.replace(/\s+/g, ' ').slice(0, 300) : `Saved page of ${url.origin}${url.pathname}`,
    url: url.href,
    expect: page.kind === 'apply' ? 'apply' : result.ok ? 'job' : 'not-job',
  };
  if (result.ok) {
    const { description, jobInformation, extractedAt: _extractedAt, ...fields } = result.posting;
    expected.posting = fields;
    expected.descriptionIncludes = phrases(description, 2);
    expected.jobInformationIncludes = phrases(jobInformation, 1);
  }
  writeFileSync(htmlPath, origin ? html : `<!-- Saved page of ${url.origin}${url.pathname}; origin unknown. -->\n${html}`);
  writeFileSync(expectedPath, `${JSON.stringify(expected, null, 2)}\n`);
  process.stdout.write(
    `wrote ${htmlPath} and ${expectedPath} (${result.ok ? 'a job' : `not a job: ${result.reason}`}).\n` +
      'The expectations are a DRAFT of what Job Lens reads today: correct every field to what the page says, list the fixture in tests/fixtures/README.md, then run npx vitest run tests/unit/lib/extract/fixtures.test.ts\n',
  );
}

main(process.argv.slice(2));
