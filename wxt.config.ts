import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { JOB_HOST_MATCHES } from './lib/sites/hosts';

// Content scripts load on every careers page and have a 30 KB budget. There `wxt/browser` is the
// browser's own promise-based API (Chrome MV3 and Firefox both answer runtime.sendMessage with a
// promise, the only API the content script uses); the background and the extension pages keep
// webextension-polyfill through its WXT module, which saves ~10 KB per page load.
const NATIVE_BROWSER = fileURLToPath(import.meta.resolve('@wxt-dev/browser'));
// WXT's content-script context announces itself to the page with the extension id and stops when
// the page answers; ours has no page-visible handshake (lib/capture/context.ts).
const OWN_CONTEXT = fileURLToPath(new URL('./lib/capture/context.ts', import.meta.url));
// V8's explicit compile hint (v8.dev/blog/explicit-compile-hints): a script that starts with this
// comment has all its functions compiled with the script, instead of each one parsed a second time
// and compiled when first called. The scripts run in careers pages (job.js, marks.js, banner.js,
// flows.js) call most of their functions as they load, and a job view spent about half of its
// scripts' time compiling them one by one (74 lazy compiles per view); with the hint their
// main-thread CPU time per job view fell by 1–3 ms (README, Benchmarks). Firefox reads a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
// The privacy notice ships inside the extension (the options page links it; the extension makes no
// network requests, so it cannot link a web page), as plain text the browser shows as it is.
const PRIVACY = fileURLToPath(new URL('./PRIVACY.md', import.meta.url));
const PRIVACY_FILE = 'PRIVACY.txt';

/**
 * What the extension pages (popup, options) may load: their own files and nothing else. No remote
 * script, no eval, no plugins, no connections (Job Lens makes no network requests), no <base>
 * and no form posts. `npm run dev` keeps WXT's development server reachable.
 */
function extensionPagesCsp(command: 'build' | 'serve'): string {
  const base = ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"];
  return [...(command === 'serve' ? [] : ["default-src 'self'", "connect-src 'none'"]), ...base].join('; ');
}

// Permissions are deliberately few, each listed with its reason in the README: host access to the
// careers sites over https (to read job pages), `storage` (the backup copy of the user's data),
// `unlimitedStorage` (without it Chrome drops the whole database when the disk fills) and
// `scripting` (the account pages' script). IndexedDB in the extension's origin needs no permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // `npm run zip`: the Chrome package, the Firefox package and, for Firefox's reviewers, the
  // sources it is built from (README, "Rebuilding the Firefox package"). The tests, their fixtures
  // and the demo's screenshots are not needed to build it.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'demo/**', 'test-results/**', 'stats.html'],
  },
  manifest: ({ browser, command }) => ({
    name: 'Job Lens',
    description:
      'Reads TikTok and ByteDance job postings into clear facts, matches them to your profile and counts your applications. All data stays on your machine.',
    // `unlimitedStorage`: without it Chrome drops the whole database when the disk fills.
    // `scripting`: the form, confirmation and history pages' script is injected only into those tabs.
    permissions: ['storage', 'unlimitedStorage', 'scripting'],
    host_permissions: [...JOB_HOST_MATCHES],
    // One background for normal and private windows, so the sender's `tab.incognito` is known and
    // the background can refuse to record private tabs unless the user allowed it (options page).
    // The browsers add their own gate: the user must allow the extension in private windows at all.
    incognito: 'spanning',
    // MV3's object form; WXT writes it as MV2's string for Firefox.
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
    // The bundles are built for Vite's default target (Chrome 111).
    ...(browser === 'chrome' ? { minimum_chrome_version: '111' } : {}),
    browser_specific_settings: {
      // Firefox asks add-ons to declare what they collect: nothing leaves the machine. WXT's
      // manifest type predates the key, hence the widening.
      // Desktop Firefox reads that key from 140 (the current ESR, which Debian ships), Android from 142.
      gecko: {
        id: 'job-lens@job-lens.local',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      } as { id: string; strict_min_version: string },
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: PRIVACY, relativeDest: PRIVACY_FILE });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) {
        config.plugins = [
          ...(config.plugins ?? []),
          {
            name: 'job-lens:compile-hint',
            // After minification, which would drop the comment; the hint must open the file.
            enforce: 'post',
            generateBundle(_options, bundle) {
              for (const file of Object.values(bundle)) if (file.type === 'chunk' && file.isEntry) file.code = COMPILE_HINT + file.code;
            },
          },
        ];
      }
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: NATIVE_BROWSER },
          { find: /^wxt\/utils\/content-script-context$/, replacement: OWN_CONTEXT },
          ...entries.filter((e) => e.find !== 'wxt/browser'),
        ],
      };
    },
  },
});
