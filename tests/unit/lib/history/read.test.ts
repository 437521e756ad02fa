import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../lib/extract/node';
import { historyDate, readHistory } from '../../../../lib/history/read';

const fixture = (name: string) => parseDocument(readFileSync(join(import.meta.dirname, '../../../fixtures', name), 'utf8'));
const TIKTOK = new URL('https://lifeattiktok.com/position/application');

describe('readHistory', () => {
  it('reads a list of applications: title and job from the link, status, date; the hidden CMS sample row is not read', () => {
    expect(readHistory(fixture('tiktok-history.html'), TIKTOK)).toEqual({
      site: 'tiktok',
      rows: [
        {
          title: 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)',
          jobId: '7525331248713058591',
          viaReferral: false,
          status: 'Resume screening',
          appliedAt: '2026-06-02T06:05',
        },
        {
          title: 'Big Data Engineer Intern (TikTok Live Recommendation Architecture) - 2026 Start (BS/MS)',
          jobId: '7511946310275172616',
          viaReferral: false,
          status: 'Interviewing',
          appliedAt: '2026-05-28T21:40',
        },
        {
          title: 'Frontend Engineer Intern (TikTok Shop) - 2026 Start (BS/MS)',
          jobId: null,
          viaReferral: false,
          status: 'Not selected',
          appliedAt: '2026-04-11T09:12',
        },
      ],
    });
  });

  it('reads div cards with labelled values and the referral badge, a status it does not know included because it is labelled', () => {
    const page = readHistory(
      fixture('tiktok-history-referral.html'),
      new URL('https://lifeattiktok.com/referral/tiktok/position/application'),
    );
    expect(page).toEqual({
      site: 'tiktok',
      rows: [
        {
          title: 'Data Scientist Intern (Global LIVE Operation Intelligence) - 2026 Start (BS/MS)',
          jobId: null,
          viaReferral: true,
          status: 'Resume screening',
          appliedAt: '2026-06-03T10:30',
        },
        {
          title: 'Product Manager Intern (TikTok LIVE) - 2026 Start (BS/MS)',
          jobId: null,
          viaReferral: false,
          status: 'Pending HR review',
          appliedAt: '2026-05-20T18:02',
        },
      ],
    });
  });

  it('reads a table by its cells, the header row being no application; rows belong to the ByteDance account', () => {
    const page = readHistory(fixture('bytedance-history.html'), new URL('https://jobs.bytedance.com/en/position/application'));
    expect(page).toEqual({
      site: 'bytedance',
      rows: [
        {
          title: 'Backend Software Engineer Intern (Data Platform) - 2025 Start',
          jobId: '7392551860473219334',
          viaReferral: true,
          status: 'Offer',
          appliedAt: '2025-09-14T08:00',
        },
        {
          title: 'Research Scientist Intern (Seed - Multimodal Interaction & World Model) - 2026 Start (PhD)',
          jobId: '7531178042569361682',
          viaReferral: false,
          status: 'Resume screening',
          appliedAt: '2026-06-01T23:59',
        },
      ],
    });
  });

  it('finds the one row of a single application without list markup, leaving out the page heading', () => {
    const doc = parseDocument(
      '<html><body><main><div class="p-6"><h1>My Applications</h1><div class="mt-8"><div class="card"><div class="flex"><div>Security Engineer Intern (Product Security - Web &amp; Mobile) - 2026 Start (BS/MS)</div></div><div class="flex gap-4"><span>Written test</span><span>2026-06-04 12:00</span></div></div></div></div></main></body></html>',
    );
    expect(readHistory(doc, TIKTOK)?.rows).toEqual([
      {
        title: 'Security Engineer Intern (Product Security - Web & Mobile) - 2026 Start (BS/MS)',
        jobId: null,
        viaReferral: false,
        status: 'Written test',
        appliedAt: '2026-06-04T12:00',
      },
    ]);
  });

  it('reads a row whose status is unknown and unlabelled with the status empty, not guessed', () => {
    const doc = parseDocument(
      '<html><body><main><ul><li><a href="/search/7528016934027561223">Data Scientist Intern</a><span>Mulling it over</span><span>2026-06-01</span></li><li><a href="/search/7511946310275172616">Big Data Engineer Intern</a><span>2026-06-02 07:00</span></li></ul></main></body></html>',
    );
    expect(readHistory(doc, TIKTOK)?.rows).toEqual([
      { title: 'Data Scientist Intern', jobId: '7528016934027561223', viaReferral: false, status: null, appliedAt: '2026-06-01' },
      { title: 'Big Data Engineer Intern', jobId: '7511946310275172616', viaReferral: false, status: null, appliedAt: '2026-06-02T07:00' },
    ]);
  });

  it('reads nothing from a page still showing its loading shell, and nothing off the history URL', () => {
    const shell = parseDocument(
      '<html><body><main><div aria-label="Loading"></div><div hidden><p>Resume screening</p><p>2026-01-01 00:00</p></div></main></body></html>',
    );
    expect(readHistory(shell, TIKTOK)).toEqual({ site: 'tiktok', rows: [] });
    expect(readHistory(fixture('tiktok-history.html'), new URL('https://lifeattiktok.com/search/7525331248713058591'))).toBeNull();
  });

  it('takes dates as shown, rejecting impossible ones', () => {
    expect(historyDate('2026-06-02 06:05')).toBe('2026-06-02T06:05');
    expect(historyDate('Applied on 2026/6/2 6:05:33')).toBe('2026-06-02T06:05');
    expect(historyDate('2026-13-02 06:05')).toBeNull();
    expect(historyDate('Resume screening')).toBeNull();
  });
});
