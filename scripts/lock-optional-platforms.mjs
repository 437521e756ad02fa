#!/usr/bin/env node
// `npm ci` refuses a lock that lacks an entry for any optional dependency. Rollup (inside Vite)
// lists one native package per platform, and the registry mirror this project is built against
// does not carry the ones for other platforms, so `npm install` leaves them out of the lock.
// This adds the missing entries with their version and platform fields only: npm never installs
// them here (os/cpu/libc do not match), and on a machine that does match it resolves them then.
// Run after `npm install` changes dependencies: `node scripts/lock-optional-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));

const ARCH = {
  arm: 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  // @rollup/rollup-<os>-<arch>[-<abi>]
  const [os, arch, abi] = name.slice('@rollup/rollup-'.length).split('-');
  const entry = { cpu: [ARCH[arch] ?? arch], os: [os] };
  if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
  if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!path.endsWith('node_modules/rollup')) continue;
  const base = path.slice(0, -'rollup'.length);
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (!name.startsWith('@rollup/rollup-')) continue;
    // npm looks for the package next to rollup first, then at the top level.
    if (lock.packages[`${base}${name}`] || lock.packages[`node_modules/${name}`]) continue;
    lock.packages[`node_modules/${name}`] = { version, license: 'MIT', optional: true, ...platformOf(name) };
    added++;
  }
}

const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b))]);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-optional-platforms: added ${added} entr${added === 1 ? 'y' : 'ies'}`);
