import type { Site } from '../posting/schema';

/**
 * The careers hosts Job Lens reads, each with its site and whether it is the older address
 * (careers.tiktok.com, jobs.bytedance.com, whose paths differ). This table is the single source
 * for the manifest's host permissions, the content script's matches, the sender check and the URL
 * classifier, so none of them can disagree.
 * https only: the live sites redirect http to https (and are HSTS-preloaded), and the end-to-end
 * tests serve their saved pages over https under the real host names too.
 */
const CAREERS_HOSTS = {
  'lifeattiktok.com': { site: 'tiktok', older: false },
  'www.lifeattiktok.com': { site: 'tiktok', older: false },
  'careers.tiktok.com': { site: 'tiktok', older: true },
  'joinbytedance.com': { site: 'bytedance', older: false },
  'www.joinbytedance.com': { site: 'bytedance', older: false },
  'jobs.bytedance.com': { site: 'bytedance', older: true },
} as const satisfies Record<string, { site: Site; older: boolean }>;

export type CareersHost = keyof typeof CAREERS_HOSTS;

/** Each site's current address: the one link kept for a job, whichever host the user came by. */
export const CANONICAL_HOST = { tiktok: 'lifeattiktok.com', bytedance: 'joinbytedance.com' } as const satisfies Record<Site, CareersHost>;

export const JOB_HOSTS = Object.keys(CAREERS_HOSTS) as readonly CareersHost[];

export const JOB_HOST_MATCHES: readonly string[] = JOB_HOSTS.map((host) => `https://${host}/*`);

/** The table's row for a host name (any case); null for any other host. */
export function careersHost(hostname: string): { site: Site; older: boolean } | null {
  const host = hostname.toLowerCase();
  return Object.hasOwn(CAREERS_HOSTS, host) ? CAREERS_HOSTS[host as CareersHost] : null;
}
