import type { Site } from '../posting/schema';
import { CANONICAL_HOST, careersHost } from './hosts';

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

/** The job a page is about (its job page or its application form), or null for any other page. */
export function jobIdOf(page: PageKind): string | null {
  return 'jobId' in page ? page.jobId : null;
}

/** Referral pages: `/referral/tiktok/…` on every TikTok host, `/referral/pc/…` on jobs.bytedance.com. */
const REFERRAL_PREFIX: Readonly<Record<Site, string>> = { tiktok: '/referral/tiktok', bytedance: '/referral/pc' };
// jobs.bytedance.com prefixes most pages with a locale (`/en/`, `/zh-CN/`).
const LOCALE = /^\/[a-z]{2}(?:-[a-z]{2})?(?=\/)/i;
const SEARCH_JOB = /^\/search\/(\d{6,25})$/;
const POSITION_JOB = /^\/position\/(\d{6,25})\/detail$/i;
const FORM = /^\/resume\/(\d{6,25})\/apply$/i;
const ACCOUNT = /^\/(?:resume\/(applied)|position\/(application)|(login))$/i;

/** The site a careers host belongs to, whatever the page; null for any other host. */
export function siteOfHost(hostname: string): Site | null {
  return careersHost(hostname)?.site ?? null;
}

/** The one address we keep for a job, whichever of its old or new links the user followed. */
export function canonicalJobUrl(site: Site, jobId: string): string {
  return `https://${CANONICAL_HOST[site]}/search/${jobId}`;
}

export function canonicalApplyUrl(site: Site, jobId: string): string {
  return `https://${CANONICAL_HOST[site]}/resume/${jobId}/apply`;
}

/**
 * A path is read after its referral prefix or locale: the job page (`/search/<id>` on the current
 * hosts; `/position/<id>/detail` on the older ones, with a locale on jobs.bytedance.com, and under
 * a referral prefix), the form, the confirmation, the history and the sign-in page. One trailing
 * slash is tolerated; anything more (e.g. `/position/<id>` without `/detail`, which the site shows
 * as "page missing") is not a page of ours.
 */
export function classifyUrl(url: URL): PageKind {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'other' };
  const known = careersHost(url.hostname);
  if (!known) return { kind: 'other' };
  const { site, older: old } = known;
  let path = url.pathname.replace(/\/$/, '');
  let viaReferral = false;
  let locale = false;
  const prefix = REFERRAL_PREFIX[site];
  if ((site === 'tiktok' || old) && (path === prefix || path.startsWith(`${prefix}/`))) {
    viaReferral = true;
    path = path.slice(prefix.length);
    if (path === '') return { kind: 'referral', site };
  } else if (old && site === 'bytedance') {
    const match = LOCALE.exec(path);
    if (match) {
      path = path.slice(match[0].length);
      locale = true;
    }
  }
  const job = SEARCH_JOB.exec(path) ?? POSITION_JOB.exec(path);
  if (job) {
    const allowed = job[0].startsWith('/search/') ? !old && !viaReferral : viaReferral || (old && locale === (site === 'bytedance'));
    if (!allowed) return { kind: 'other' };
    return { kind: 'job', site, jobId: job[1]!, canonicalUrl: canonicalJobUrl(site, job[1]!), viaReferral };
  }
  const form = FORM.exec(path);
  if (form) return { kind: 'apply', site, jobId: form[1]!, canonicalUrl: canonicalApplyUrl(site, form[1]!), viaReferral };
  const account = ACCOUNT.exec(path);
  if (!account) return { kind: 'other' };
  if (account[3]) return { kind: 'login', site, viaReferral, formJobId: loginTarget(url) };
  return { kind: account[1] ? 'applied' : 'history', site, viaReferral };
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
