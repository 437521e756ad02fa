import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../lib/sites/urls';

const ID = '7512345678901234567';

// Every recognised shape, with what it must be classified as. Each URL is also checked against
// every other expectation below: a pattern that matched another shape's URLs would fail here.
const CASES = [
  { name: 'TikTok job', url: `https://lifeattiktok.com/search/${ID}`, kind: 'job', site: 'tiktok', canonical: `https://lifeattiktok.com/search/${ID}` },
  { name: 'TikTok job with tracking query', url: `https://lifeattiktok.com/search/${ID}?spread=5MWH5CQ`, kind: 'job', site: 'tiktok', canonical: `https://lifeattiktok.com/search/${ID}` },
  { name: 'TikTok job, www and utm', url: `https://www.lifeattiktok.com/search/${ID}/?utm_source=linkedin#top`, kind: 'job', site: 'tiktok', canonical: `https://lifeattiktok.com/search/${ID}` },
  { name: 'old TikTok job link', url: `https://careers.tiktok.com/position/${ID}/detail?spread=X`, kind: 'job', site: 'tiktok', canonical: `https://lifeattiktok.com/search/${ID}` },
  { name: 'ByteDance job', url: `https://joinbytedance.com/search/${ID}`, kind: 'job', site: 'bytedance', canonical: `https://joinbytedance.com/search/${ID}` },
  { name: 'old ByteDance job link', url: `https://jobs.bytedance.com/en/position/${ID}/detail`, kind: 'job', site: 'bytedance', canonical: `https://joinbytedance.com/search/${ID}` },
  { name: 'old ByteDance job, zh-CN', url: `https://jobs.bytedance.com/zh-CN/position/${ID}/detail`, kind: 'job', site: 'bytedance', canonical: `https://joinbytedance.com/search/${ID}` },
  { name: 'TikTok application form', url: `https://lifeattiktok.com/resume/${ID}/apply`, kind: 'apply', site: 'tiktok', canonical: `https://lifeattiktok.com/resume/${ID}/apply` },
  { name: 'TikTok application form, old host', url: `https://careers.tiktok.com/resume/${ID}/apply?spread=1`, kind: 'apply', site: 'tiktok', canonical: `https://lifeattiktok.com/resume/${ID}/apply` },
  { name: 'ByteDance application form', url: `https://joinbytedance.com/resume/${ID}/apply`, kind: 'apply', site: 'bytedance', canonical: `https://joinbytedance.com/resume/${ID}/apply` },
] as const;

const NOT_JOBS = [
  'https://lifeattiktok.com/search?keyword=engineer&limit=12&offset=0',
  'https://lifeattiktok.com/search',
  'https://lifeattiktok.com/',
  'https://lifeattiktok.com/position/application',
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
];

describe('classifyUrl', () => {
  for (const c of CASES) {
    it(`recognises ${c.name}`, () => {
      expect(classifyUrl(new URL(c.url))).toEqual({ kind: c.kind, site: c.site, jobId: ID, canonicalUrl: c.canonical });
    });
  }

  it('gives each shape only its own classification', () => {
    const kinds = new Set(CASES.map((c) => `${c.kind}/${c.site}`));
    for (const c of CASES) {
      const got = classifyUrl(new URL(c.url));
      for (const other of kinds) {
        if (other === `${c.kind}/${c.site}`) continue;
        expect(`${got.kind}/${'site' in got ? got.site : ''}`).not.toBe(other);
      }
    }
  });

  for (const url of NOT_JOBS) {
    it(`leaves ${url} alone`, () => {
      expect(classifyUrl(new URL(url))).toEqual({ kind: 'other' });
    });
  }
});
