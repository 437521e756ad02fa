import { describe, expect, it } from 'vitest';
import { classifyUrl, jobIdOf, type PageKind } from '../../../../lib/sites/urls';

const ID = '7512345678901234567';
const TOKEN = 'token=Zr8QkT2m9LwX'; // the shape of a referrer's token; never kept
const TT_JOB = `https://lifeattiktok.com/search/${ID}`;
const TT_FORM = `https://lifeattiktok.com/resume/${ID}/apply`;
const BD_JOB = `https://joinbytedance.com/search/${ID}`;
const BD_FORM = `https://joinbytedance.com/resume/${ID}/apply`;

const job = (site: 'tiktok' | 'bytedance', canonicalUrl: string, viaReferral = false): PageKind => ({
  kind: 'job',
  site,
  jobId: ID,
  canonicalUrl,
  viaReferral,
});
const form = (site: 'tiktok' | 'bytedance', canonicalUrl: string, viaReferral = false): PageKind => ({
  kind: 'apply',
  site,
  jobId: ID,
  canonicalUrl,
  viaReferral,
});
const page = (kind: 'applied' | 'history', site: 'tiktok' | 'bytedance', viaReferral = false): PageKind => ({ kind, site, viaReferral });
const login = (site: 'tiktok' | 'bytedance', formJobId: string | null, viaReferral = false): PageKind => ({
  kind: 'login',
  site,
  viaReferral,
  formJobId,
});

// Every recognised shape, with what it must be classified as. Each URL is also checked against
// every other expectation below: a pattern that matched another shape's URLs would fail here.
const CASES: readonly { name: string; url: string; want: PageKind }[] = [
  { name: 'TikTok job', url: TT_JOB, want: job('tiktok', TT_JOB) },
  { name: 'TikTok job with tracking query', url: `${TT_JOB}?spread=5MWH5CQ`, want: job('tiktok', TT_JOB) },
  {
    name: 'TikTok job, www and utm',
    url: `https://www.lifeattiktok.com/search/${ID}/?utm_source=linkedin#top`,
    want: job('tiktok', TT_JOB),
  },
  { name: 'old TikTok job link', url: `https://careers.tiktok.com/position/${ID}/detail?spread=X`, want: job('tiktok', TT_JOB) },
  { name: 'ByteDance job', url: BD_JOB, want: job('bytedance', BD_JOB) },
  { name: 'old ByteDance job link', url: `https://jobs.bytedance.com/en/position/${ID}/detail`, want: job('bytedance', BD_JOB) },
  { name: 'old ByteDance job, zh-CN', url: `https://jobs.bytedance.com/zh-CN/position/${ID}/detail`, want: job('bytedance', BD_JOB) },
  { name: 'TikTok application form', url: TT_FORM, want: form('tiktok', TT_FORM) },
  {
    name: 'TikTok application form, old host',
    url: `https://careers.tiktok.com/resume/${ID}/apply?spread=1`,
    want: form('tiktok', TT_FORM),
  },
  { name: 'ByteDance application form', url: BD_FORM, want: form('bytedance', BD_FORM) },
  {
    name: 'ByteDance application form on jobs.bytedance.com',
    url: `https://jobs.bytedance.com/en/resume/${ID}/apply`,
    want: form('bytedance', BD_FORM),
  },
  // Referral links: the same job and canonical address, flagged, whatever the token.
  {
    name: 'TikTok referral form',
    url: `https://lifeattiktok.com/referral/tiktok/resume/${ID}/apply?${TOKEN}`,
    want: form('tiktok', TT_FORM, true),
  },
  {
    name: 'TikTok referral form, old host',
    url: `https://careers.tiktok.com/referral/tiktok/resume/${ID}/apply?${TOKEN}`,
    want: form('tiktok', TT_FORM, true),
  },
  {
    name: 'TikTok referral job page',
    url: `https://lifeattiktok.com/referral/tiktok/position/${ID}/detail?${TOKEN}`,
    want: job('tiktok', TT_JOB, true),
  },
  {
    name: 'ByteDance referral job page',
    url: `https://jobs.bytedance.com/referral/pc/position/${ID}/detail?${TOKEN}`,
    want: job('bytedance', BD_JOB, true),
  },
  {
    name: 'ByteDance referral form',
    url: `https://jobs.bytedance.com/referral/pc/resume/${ID}/apply?${TOKEN}`,
    want: form('bytedance', BD_FORM, true),
  },
  // Confirmation, history and sign-in, in every form.
  { name: 'TikTok confirmation', url: 'https://lifeattiktok.com/resume/applied', want: page('applied', 'tiktok') },
  { name: 'TikTok confirmation, old host', url: 'https://careers.tiktok.com/resume/applied/', want: page('applied', 'tiktok') },
  {
    name: 'TikTok referral confirmation',
    url: 'https://lifeattiktok.com/referral/tiktok/resume/applied',
    want: page('applied', 'tiktok', true),
  },
  { name: 'ByteDance confirmation', url: 'https://joinbytedance.com/resume/applied', want: page('applied', 'bytedance') },
  {
    name: 'ByteDance referral confirmation',
    url: 'https://jobs.bytedance.com/referral/pc/resume/applied',
    want: page('applied', 'bytedance', true),
  },
  { name: 'TikTok history', url: 'https://lifeattiktok.com/position/application', want: page('history', 'tiktok') },
  {
    name: 'TikTok referral history',
    url: 'https://lifeattiktok.com/referral/tiktok/position/application',
    want: page('history', 'tiktok', true),
  },
  { name: 'ByteDance history', url: 'https://jobs.bytedance.com/en/position/application', want: page('history', 'bytedance') },
  {
    name: 'ByteDance referral history',
    url: 'https://jobs.bytedance.com/referral/pc/position/application',
    want: page('history', 'bytedance', true),
  },
  {
    name: 'TikTok sign-in before a form',
    url: 'https://lifeattiktok.com/login?redirect_path=%2Fresume%2F' + ID + '%2Fapply',
    want: login('tiktok', ID),
  },
  { name: 'TikTok sign-in, nothing to return to', url: 'https://lifeattiktok.com/login', want: login('tiktok', null) },
  {
    name: 'TikTok referral sign-in before a referral form',
    url: `https://lifeattiktok.com/referral/tiktok/login?${TOKEN}&redirect_path=${encodeURIComponent(`/referral/tiktok/resume/${ID}/apply`)}`,
    want: login('tiktok', ID, true),
  },
  {
    name: 'TikTok sign-in returning to the history',
    url: 'https://lifeattiktok.com/login?redirect_path=%2Fposition%2Fapplication',
    want: login('tiktok', null),
  },
  {
    name: 'ByteDance sign-in before a form',
    url: `https://jobs.bytedance.com/en/login?redirect_path=%2Fen%2Fresume%2F${ID}%2Fapply`,
    want: login('bytedance', ID),
  },
  { name: 'TikTok referral landing', url: `https://lifeattiktok.com/referral/tiktok?${TOKEN}`, want: { kind: 'referral', site: 'tiktok' } },
];

const NOT_JOBS = [
  'https://lifeattiktok.com/search?keyword=engineer&limit=12&offset=0',
  'https://lifeattiktok.com/search',
  'https://lifeattiktok.com/',
  `https://lifeattiktok.com/search/${ID}/extra`,
  'https://lifeattiktok.com/search/not-a-number',
  `https://careers.tiktok.com/position/${ID}`, // the site's "page missing" view
  `https://careers.tiktok.com/search/${ID}`,
  `https://joinbytedance.com/position/${ID}/detail`,
  `https://jobs.bytedance.com/position/${ID}/detail`,
  `https://jobs.bytedance.com/en/search/${ID}`,
  `https://careers.tiktokusds.com/usds/position/${ID}/detail`,
  `https://example.com/search/${ID}`,
  `https://lifeattiktok.com.evil.example/search/${ID}`,
  `ftp://lifeattiktok.com/search/${ID}`,
  `https://lifeattiktok.com/resume/${ID}`,
  // Each site's referral prefix belongs to that site only.
  `https://lifeattiktok.com/referral/pc/resume/${ID}/apply`,
  `https://jobs.bytedance.com/referral/tiktok/resume/${ID}/apply`,
  'https://joinbytedance.com/referral/pc/position/application',
  `https://lifeattiktok.com/referral/tiktok/resume/${ID}`,
  'https://lifeattiktok.com/referral/tiktok/extra',
  'https://lifeattiktok.com/resume/applied/extra',
  'https://lifeattiktok.com/position/applications',
  'https://lifeattiktok.com/login/extra',
  'https://example.com/resume/applied',
  'https://example.com/position/application',
];

const label = (kind: PageKind) =>
  kind.kind === 'other' ? 'other' : `${kind.kind}/${kind.site}/${'viaReferral' in kind ? kind.viaReferral : ''}`;

describe('classifyUrl', () => {
  for (const c of CASES) {
    it(`recognises ${c.name}`, () => {
      expect(classifyUrl(new URL(c.url))).toEqual(c.want);
    });
  }

  it('gives each shape only its own classification', () => {
    const labels = new Set(CASES.map((c) => label(c.want)));
    for (const c of CASES) {
      const got = label(classifyUrl(new URL(c.url)));
      for (const other of labels) {
        if (other === label(c.want)) continue;
        expect(got).not.toBe(other);
      }
    }
  });

  it('never keeps the query string of a referral link in the canonical address', () => {
    for (const c of CASES) {
      const got = classifyUrl(new URL(c.url));
      if (got.kind === 'job' || got.kind === 'apply') {
        expect(new URL(got.canonicalUrl).search).toBe('');
        expect(got.canonicalUrl).not.toContain('referral');
      }
    }
  });

  it('names no form for a sign-in page that returns to another host or a bad path', () => {
    for (const redirect of [
      `//evil.example/resume/${ID}/apply`,
      `https://evil.example/resume/${ID}/apply`,
      `/\\evil.example/resume/${ID}/apply`,
      `resume/${ID}/apply`,
    ]) {
      expect(classifyUrl(new URL(`https://lifeattiktok.com/login?redirect_path=${encodeURIComponent(redirect)}`))).toEqual(
        login('tiktok', null),
      );
    }
  });

  for (const url of NOT_JOBS) {
    it(`leaves ${url} alone`, () => {
      expect(classifyUrl(new URL(url))).toEqual({ kind: 'other' });
    });
  }
});

describe('jobIdOf', () => {
  it('names the job of a job page and of its form, and no job for any other page', () => {
    const seen = CASES.map((c) => [c.want.kind, jobIdOf(classifyUrl(new URL(c.url)))] as const);
    for (const [kind, jobId] of seen) expect(jobId).toBe(kind === 'job' || kind === 'apply' ? ID : null);
    expect(seen.some(([kind]) => kind === 'job')).toBe(true);
    expect(seen.some(([kind]) => kind === 'apply')).toBe(true);
    expect(seen.some(([, jobId]) => jobId === null)).toBe(true);
    for (const url of NOT_JOBS) expect(jobIdOf(classifyUrl(new URL(url)))).toBeNull();
  });
});
