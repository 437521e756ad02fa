#!/usr/bin/env node
// `web-ext lint` on the Firefox build, held to: no errors, and no warnings except React DOM's own
// `innerHTML` assignment (the `dangerouslySetInnerHTML` prop handler) inside extension-page
// bundles. That exception is only safe while our own code never passes `dangerouslySetInnerHTML`,
// so the sources are checked for it too. Content scripts and the background get no exception.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = resolve(process.argv[2] ?? join(ROOT, '.output/firefox-mv2'));
const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];

if (!existsSync(join(BUILD, 'manifest.json'))) {
  console.error(`lint:firefox: no build in ${relative(ROOT, BUILD) || BUILD}; run \`npm run build:firefox\` first`);
  process.exit(1);
}

const webExt = join(ROOT, 'node_modules/.bin/web-ext');
const run = spawnSync(webExt, ['lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error) {
  console.error(`lint:firefox: could not run web-ext: ${run.error.message}`);
  process.exit(1);
}
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error('lint:firefox: web-ext did not print a JSON report:');
  console.error(run.stdout.slice(0, 2000), run.stderr.slice(0, 2000));
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8'));
/** Files that run on web pages or in the background: no innerHTML there at all. */
const privileged = new Set([
  ...(manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []),
  ...(manifest.background?.scripts ?? []),
  ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
]);
const isPageBundle = (file) =>
  file.endsWith('.js') && !privileged.has(file) && !file.startsWith('content-scripts/') && file !== 'background.js';

/** Is the innerHTML assignment at (line, column) React DOM's `dangerouslySetInnerHTML` handler? */
function isReactDomInnerHtml(file, line, column) {
  let lines;
  try {
    lines = readFileSync(join(BUILD, file), 'utf8').split('\n');
  } catch {
    return false;
  }
  const text = lines[(line ?? 1) - 1] ?? '';
  const col = (column ?? 1) - 1;
  const at = text.indexOf('innerHTML', Math.max(0, col - 40));
  if (at === -1 || at > col + 40) return false;
  const before = text.slice(Math.max(0, at - 400), at);
  return before.includes('"dangerouslySetInnerHTML"') && before.includes('__html');
}

const allowed = [];
const problems = [];
for (const error of report.errors ?? []) problems.push({ kind: 'error', ...error });
for (const warning of report.warnings ?? []) {
  const innerHtml = warning.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(warning.message ?? '') && isPageBundle(warning.file ?? '');
  if (innerHtml && isReactDomInnerHtml(warning.file, warning.line, warning.column)) allowed.push(warning);
  else problems.push({ kind: 'warning', ...warning });
}

// Our own code must never feed those React paths.
function* sourceFiles(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(tsx?|jsx?|mjs|html)$/.test(name)) yield path;
  }
}
for (const dir of SOURCE_DIRS) {
  for (const path of sourceFiles(join(ROOT, dir))) {
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(text)) {
          problems.push({
            kind: 'source',
            code: 'HTML_FROM_CODE',
            file: relative(ROOT, path),
            line: i + 1,
            message: 'HTML built from a string: page text must only ever be rendered as text',
          });
        }
      });
  }
}

for (const notice of report.notices ?? []) console.log(`notice  ${notice.code} ${notice.file ?? ''}: ${notice.message}`);
for (const w of allowed) console.log(`allowed ${w.code} ${w.file}:${w.line}:${w.column} (React DOM's dangerouslySetInnerHTML handler)`);
for (const p of problems) {
  const where = p.file ? ` ${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}` : '';
  console.error(`${p.kind.padEnd(7)} ${p.code}${where}: ${p.message}`);
}
const summary = report.summary ?? {};
console.log(
  `lint:firefox: ${summary.errors ?? 0} errors, ${summary.warnings ?? 0} warnings (${allowed.length} allowed), ` +
    `${summary.notices ?? 0} notices; ${problems.length} problem(s)`,
);
process.exit(problems.length === 0 ? 0 : 1);
