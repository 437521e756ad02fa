import { defineConfig } from 'wxt';
import { JOB_HOST_MATCHES } from './lib/sites/hosts';

// Permissions are deliberately minimal: host access to the careers sites (to read job pages)
// and `storage`. IndexedDB in the extension's own origin needs no permission of its own.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Job Lens',
    description:
      'Reads TikTok and ByteDance job postings into clear facts, matches them to your profile and counts your applications. All data stays on your machine.',
    permissions: ['storage'],
    host_permissions: [...JOB_HOST_MATCHES],
    browser_specific_settings: {
      gecko: { id: 'job-lens@job-lens.local', strict_min_version: '115.0' },
    },
  },
});
