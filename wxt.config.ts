import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { JOB_HOST_MATCHES } from './lib/sites/hosts';

// Content scripts load on every careers page and have a 30 KB budget. There `wxt/browser` is the
// browser's own promise-based API (Chrome MV3 and Firefox both answer runtime.sendMessage with a
// promise, the only API the content script uses); the background and the extension pages keep
// webextension-polyfill through its WXT module, which saves ~10 KB per page load.
const NATIVE_BROWSER = fileURLToPath(import.meta.resolve('@wxt-dev/browser'));

// Permissions are deliberately minimal: host access to the careers sites (to read job pages)
// `storage` and `scripting` (to run the page-marks script only in tabs that need it).
// IndexedDB in the extension's own origin needs no permission of its own.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Job Lens',
    description:
      'Reads TikTok and ByteDance job postings into clear facts, matches them to your profile and counts your applications. All data stays on your machine.',
    permissions: ['storage', 'scripting'],
    host_permissions: [...JOB_HOST_MATCHES],
    browser_specific_settings: {
      // Firefox asks add-ons to declare what they collect: nothing leaves the machine. WXT's
      // manifest type predates the key, hence the widening.
      gecko: {
        id: 'job-lens@job-lens.local',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      } as { id: string; strict_min_version: string },
    },
  },
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...entries.filter((e) => e.find !== 'wxt/browser')],
      };
    },
  },
});
