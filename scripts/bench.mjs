#!/usr/bin/env node
// `npm run bench`: every `bench:<name>` script of package.json, in name order, so a new
// benchmark joins by adding one script. Benchmarks print; this fails only if one could not run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const { scripts = {} } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const benches = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .sort();

if (benches.length === 0) {
  console.error('bench: no bench:* scripts in package.json');
  process.exit(1);
}

const npm = process.env.npm_execpath;
const failed = [];
for (const name of benches) {
  console.log(`\n## ${name}\n`);
  // Through npm itself, so each script runs exactly as `npm run <name>` would.
  const run = npm
    ? spawnSync(process.execPath, [npm, 'run', '-s', name], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', '-s', name], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nbench: could not run ${failed.join(', ')}`);
  process.exit(1);
}
