/**
 * The careers hosts Job Lens reads. This list is the single source for the manifest's host
 * permissions and the content script's matches, so the two can never disagree.
 * https only: the live sites redirect http to https (and are HSTS-preloaded), and the end-to-end
 * tests serve their saved pages over https under the real host names too.
 */
export const JOB_HOSTS = [
  'lifeattiktok.com',
  'www.lifeattiktok.com',
  'careers.tiktok.com',
  'joinbytedance.com',
  'www.joinbytedance.com',
  'jobs.bytedance.com',
] as const;

export const JOB_HOST_MATCHES: readonly string[] = JOB_HOSTS.map((host) => `https://${host}/*`);
