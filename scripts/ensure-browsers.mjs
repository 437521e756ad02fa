#!/usr/bin/env node
// Makes sure the browsers the end-to-end tests drive are installed: Debian's chromium and
// firefox-esr. Nothing is downloaded by npm; when the packages are missing they come from apt,
// which needs root. Without root (or without apt) it stops with the command to run: the tests
// never skip a browser silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = [
  { name: 'Chromium', path: process.env.JOB_LENS_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.JOB_LENS_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

const missing = () => BROWSERS.filter((b) => !existsSync(b.path));

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

let absent = missing();
if (absent.length === 0) {
  console.log(`browsers present: ${BROWSERS.map((b) => b.path).join(', ')}`);
  process.exit(0);
}

const packages = absent.map((b) => b.pkg).join(' ');
const list = absent.map((b) => `${b.name} (${b.path})`).join(', ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (!isRoot || !hasAptGet()) {
  const why = isRoot ? 'apt-get is not available here' : 'installing needs root';
  console.error(`Missing for the end-to-end tests: ${list}; ${why}. Run:`);
  console.error(`  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages}`);
  console.error('(or point JOB_LENS_CHROMIUM / JOB_LENS_FIREFOX at installed binaries)');
  process.exit(1);
}

console.log(`Installing ${packages} with apt-get (missing: ${list})`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [['update'], ['install', '-y', ...absent.map((b) => b.pkg)]]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}

absent = missing();
if (absent.length > 0) {
  console.error(`still missing after apt-get: ${absent.map((b) => b.path).join(', ')}`);
  process.exit(1);
}
console.log('browsers installed');
