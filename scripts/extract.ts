/**
 * `npm run -s extract -- <page.html> --url <page-url>`: prints the JobPosting read from a saved
 * page as JSON, with the same extraction code the content script runs. A snapshot saved from the
 * popup names its own address, so `--url` may be left out for one.
 * Exit codes: 0 a posting; 2 not a job page (reason on stderr); 1 bad input (missing file, bad URL).
 */
import { readFileSync } from 'node:fs';
import { snapshotPageUrl } from '../lib/capture/snapshot';
import { extractFromHtml } from '../lib/extract/node';
import { parseHttpUrl } from '../lib/sites/urls';

const USAGE = 'usage: npm run -s extract -- <page.html> --url <page-url> (--url optional for a Job Lens snapshot)';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let file: string | undefined;
  let urlText: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') urlText = argv[++i];
    else if (arg.startsWith('--url=')) urlText = arg.slice('--url='.length);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}; ${USAGE}`, 1);
    else if (file === undefined) file = arg;
    else fail(`unexpected argument ${arg}; ${USAGE}`, 1);
  }
  if (!file) fail(`missing the page file; ${USAGE}`, 1);
  if (urlText !== undefined && !parseHttpUrl(urlText)) fail(`not an http(s) URL: ${urlText}`, 1);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`, 1);
  }
  urlText ??= snapshotPageUrl(html) ?? undefined;
  if (!urlText) fail(`missing --url; ${USAGE}`, 1);
  const url = parseHttpUrl(urlText);
  if (!url) fail(`not an http(s) URL: ${urlText}`, 1);
  const result = extractFromHtml(html, url, new Date());
  if (!result.ok) fail(`not a job page: ${result.reason}`, 2);
  process.stdout.write(`${JSON.stringify(result.posting, null, 2)}\n`);
}

main(process.argv.slice(2));
