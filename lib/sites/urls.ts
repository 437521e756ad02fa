import type { Site } from '../posting/schema';

/**
 * What a URL on the careers hosts is. Query strings and fragments never matter: links carry
 * tracking (`?spread=…`, `?utm_source=…`) that must not create a second record of the same job,
 * and referral links carry the referrer's token (`?token=…`), a credential that must never be kept.
 * A referral page gives the same job id and canonical address as the ordinary page, plus
 * `viaReferral`, so the job keeps one record.
 */
export type PageKind =
  | { kind: 'job'; site: Site; jobId: string; canonicalUrl: string; viaReferral: boolean }
  | { kind: 'apply'; site: Site; jobId: string; canonicalUrl: string; viaReferral: boolean }
  /** The "We have received your resume." page a submitted form ends on. */
  | { kind: 'applied'; site: Site; viaReferral: boolean }
  /** The signed-in list of the user's applications on that site. */
  | { kind: 'history'; site: Site; viaReferral: boolean }
  /** Sign-in; `formJobId` is the application form it sends the user back to, if any. */
  | { kind: 'login'; site: Site; viaReferral: boolean; formJobId: string | null }
  /** A referrer's landing page (`/referral/tiktok?token=…`): nothing to read, nothing to keep. */
  | { kind: 'referral'; site: Site }
  | { kind: 'other' };

type RouteKind = 'job' | 'apply' | 'applied' | 'history' | 'login' | 'referral';

interface Route {
  hosts: readonly string[];
  site: Site;
  kind: RouteKind;
  viaReferral: boolean;
  path: RegExp;
}

const TIKTOK_HOSTS = ['lifeattiktok.com', 'www.lifeattiktok.com'] as const;
const OLD_TIKTOK_HOSTS = ['careers.tiktok.com'] as const;
const ALL_TIKTOK_HOSTS = [...TIKTOK_HOSTS, ...OLD_TIKTOK_HOSTS] as const;
const BYTEDANCE_HOSTS = ['joinbytedance.com', 'www.joinbytedance.com'] as const;
const OLD_BYTEDANCE_HOSTS = ['jobs.bytedance.com'] as const;

const ID = '(\\d{6,25})';
// jobs.bytedance.com prefixes most pages with a locale (`/en/`, `/zh-CN/`).
const LOCALE = '(?:/[a-z]{2}(?:-[a-z]{2})?)?';
const path = (body: string, prefix = '') => new RegExp(`^${prefix}${body}/?$`, 'i');

/** The pages every form of the site has: form, confirmation, history and sign-in. */
function accountRoutes(hosts: readonly string[], site: Site, viaReferral: boolean, prefix: string): Route[] {
  return [
    { hosts, site, kind: 'apply', viaReferral, path: path(`/resume/${ID}/apply`, prefix) },
    { hosts, site, kind: 'applied', viaReferral, path: path('/resume/applied', prefix) },
    { hosts, site, kind: 'history', viaReferral, path: path('/position/application', prefix) },
    { hosts, site, kind: 'login', viaReferral, path: path('/login', prefix) },
  ];
}

// Each job and form path captures the job id as group 1. An optional trailing slash is tolerated;
// anything more (e.g. `/position/<id>` without `/detail`, which the site shows as "page missing") is not a job.
const ROUTES: readonly Route[] = [
  { hosts: TIKTOK_HOSTS, site: 'tiktok', kind: 'job', viaReferral: false, path: /^\/search\/(\d{6,25})\/?$/ },
  { hosts: OLD_TIKTOK_HOSTS, site: 'tiktok', kind: 'job', viaReferral: false, path: /^\/position\/(\d{6,25})\/detail\/?$/ },
  ...accountRoutes(ALL_TIKTOK_HOSTS, 'tiktok', false, ''),
  { hosts: ALL_TIKTOK_HOSTS, site: 'tiktok', kind: 'referral', viaReferral: true, path: path('/referral/tiktok') },
  // Not seen in a public copy: the job page under the referral prefix, by analogy with ByteDance's.
  { hosts: ALL_TIKTOK_HOSTS, site: 'tiktok', kind: 'job', viaReferral: true, path: path(`/referral/tiktok/position/${ID}/detail`) },
  ...accountRoutes(ALL_TIKTOK_HOSTS, 'tiktok', true, '/referral/tiktok'),
  { hosts: BYTEDANCE_HOSTS, site: 'bytedance', kind: 'job', viaReferral: false, path: /^\/search\/(\d{6,25})\/?$/ },
  ...accountRoutes(BYTEDANCE_HOSTS, 'bytedance', false, ''),
  {
    hosts: OLD_BYTEDANCE_HOSTS,
    site: 'bytedance',
    kind: 'job',
    viaReferral: false,
    path: /^\/[a-z]{2}(?:-[a-z]{2})?\/position\/(\d{6,25})\/detail\/?$/i,
  },
  ...accountRoutes(OLD_BYTEDANCE_HOSTS, 'bytedance', false, LOCALE),
  { hosts: OLD_BYTEDANCE_HOSTS, site: 'bytedance', kind: 'referral', viaReferral: true, path: path('/referral/pc') },
  { hosts: OLD_BYTEDANCE_HOSTS, site: 'bytedance', kind: 'job', viaReferral: true, path: path(`/referral/pc/position/${ID}/detail`) },
  // `/referral/pc/resume/applied` and `/referral/pc/login` are inferred from the TikTok referral pages.
  ...accountRoutes(OLD_BYTEDANCE_HOSTS, 'bytedance', true, '/referral/pc'),
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
    const { site, viaReferral } = route;
    switch (route.kind) {
      case 'job':
      case 'apply': {
        const jobId = match[1]!;
        const canonicalUrl = route.kind === 'job' ? canonicalJobUrl(site, jobId) : canonicalApplyUrl(site, jobId);
        return { kind: route.kind, site, jobId, canonicalUrl, viaReferral };
      }
      case 'login':
        return { kind: 'login', site, viaReferral, formJobId: loginTarget(url) };
      case 'referral':
        return { kind: 'referral', site };
      default:
        return { kind: route.kind, site, viaReferral };
    }
  }
  return { kind: 'other' };
}

/**
 * The form a sign-in page returns to (`redirect_path=%2Fresume%2F<id>%2Fapply`). Only a path on
 * the same host counts: `//other.example/…` or a full URL elsewhere names no form of ours.
 */
function loginTarget(url: URL): string | null {
  const redirect = url.searchParams.get('redirect_path');
  if (!redirect || !redirect.startsWith('/') || redirect.startsWith('//') || redirect.startsWith('/\\')) return null;
  let target: URL;
  try {
    target = new URL(redirect, url.origin);
  } catch {
    return null;
  }
  if (target.origin !== url.origin) return null;
  const page = classifyUrl(target);
  return page.kind === 'apply' ? page.jobId : null;
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
