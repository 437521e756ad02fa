import type { Site } from '../posting/schema';

/**
 * What a URL on the careers hosts is. Query strings and fragments never matter: links carry
 * tracking (`?spread=…`, `?utm_source=…`) that must not create a second record of the same job.
 */
export type PageKind =
  | { kind: 'job'; site: Site; jobId: string; canonicalUrl: string }
  | { kind: 'apply'; site: Site; jobId: string; canonicalUrl: string }
  | { kind: 'other' };

interface Route {
  hosts: readonly string[];
  site: Site;
  kind: 'job' | 'apply';
  path: RegExp;
}

const TIKTOK_HOSTS = ['lifeattiktok.com', 'www.lifeattiktok.com'] as const;
const OLD_TIKTOK_HOSTS = ['careers.tiktok.com'] as const;
const BYTEDANCE_HOSTS = ['joinbytedance.com', 'www.joinbytedance.com'] as const;
const OLD_BYTEDANCE_HOSTS = ['jobs.bytedance.com'] as const;

// Each path captures the job id as group 1. An optional trailing slash is tolerated; anything
// more (e.g. `/position/<id>` without `/detail`, which the site shows as "page missing") is not a job.
const ROUTES: readonly Route[] = [
  { hosts: TIKTOK_HOSTS, site: 'tiktok', kind: 'job', path: /^\/search\/(\d{6,25})\/?$/ },
  { hosts: TIKTOK_HOSTS, site: 'tiktok', kind: 'apply', path: /^\/resume\/(\d{6,25})\/apply\/?$/ },
  { hosts: OLD_TIKTOK_HOSTS, site: 'tiktok', kind: 'job', path: /^\/position\/(\d{6,25})\/detail\/?$/ },
  { hosts: OLD_TIKTOK_HOSTS, site: 'tiktok', kind: 'apply', path: /^\/resume\/(\d{6,25})\/apply\/?$/ },
  { hosts: BYTEDANCE_HOSTS, site: 'bytedance', kind: 'job', path: /^\/search\/(\d{6,25})\/?$/ },
  { hosts: BYTEDANCE_HOSTS, site: 'bytedance', kind: 'apply', path: /^\/resume\/(\d{6,25})\/apply\/?$/ },
  {
    hosts: OLD_BYTEDANCE_HOSTS,
    site: 'bytedance',
    kind: 'job',
    path: /^\/[a-z]{2}(?:-[a-z]{2})?\/position\/(\d{6,25})\/detail\/?$/i,
  },
  {
    hosts: OLD_BYTEDANCE_HOSTS,
    site: 'bytedance',
    kind: 'apply',
    path: /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/resume\/(\d{6,25})\/apply\/?$/i,
  },
];

/** The one address we keep for a job, whichever of its old or new links the user followed. */
export function canonicalJobUrl(site: Site, jobId: string): string {
  return site === 'tiktok'
    ? `https://lifeattiktok.com/search/${jobId}`
    : `https://joinbytedance.com/search/${jobId}`;
}

export function canonicalApplyUrl(site: Site, jobId: string): string {
  return site === 'tiktok'
    ? `https://lifeattiktok.com/resume/${jobId}/apply`
    : `https://joinbytedance.com/resume/${jobId}/apply`;
}

export function classifyUrl(url: URL): PageKind {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'other' };
  const host = url.hostname.toLowerCase();
  for (const route of ROUTES) {
    if (!route.hosts.includes(host)) continue;
    const match = route.path.exec(url.pathname);
    if (!match) continue;
    const jobId = match[1]!;
    const canonicalUrl =
      route.kind === 'job' ? canonicalJobUrl(route.site, jobId) : canonicalApplyUrl(route.site, jobId);
    return { kind: route.kind, site: route.site, jobId, canonicalUrl };
  }
  return { kind: 'other' };
}

/** Parses user input (CLI flag, import file) into a URL, or null when it is not an absolute http(s) URL. */
export function parseHttpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
