import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { BANNER_TAG, removeLimitBanner, renderLimitBanner } from '../../../../lib/banner/banner';
import { bannerConsequence, bannerContent } from '../../../../lib/banner/content';
import { computeLimitState, countFor, type LimitApplicationInput } from '../../../../lib/limit/limit';
import { programFor } from '../../../../lib/program/program';
import { local } from '../../support/local-time';

// A cut-down copy of a lifeattiktok.com application page: the job title, then the form.
const FORM_PAGE = `<!doctype html><html><head><title>Apply - TikTok Careers</title></head>
<body><div id="__next"><main><div>You are applying for</div><h1>Data Scientist Intern (Global LIVE Operation Intelligence) - 2026 Start (BS/MS)</h1>
<form><input name="name"><button type="submit">Submit</button></form></main></div></body></html>`;
const JOB_PAGE = `<!doctype html><html><head><title>Job - TikTok Careers</title></head><body><main><h1>Job</h1></main></body></html>`;

const now = new Date('2025-11-15T10:00:00');
const BSMS = programFor('intern-bsms', '2026 Start');
const applied = (id: string, title: string, site: LimitApplicationInput['site'], appliedAt: string): LimitApplicationInput => ({
  jobId: id,
  title,
  site,
  appliedAt,
  program: BSMS,
  status: 'applied',
  limit: 2,
  source: 'user',
});
const settings = { cycleStart: null, strictLimit: false };
const countOf = (apps: LimitApplicationInput[]) => countFor(computeLimitState({ applications: apps, settings, now }), BSMS, 2)!;

const doc = (html = JOB_PAGE) => parseHTML(html).document as unknown as Document;

const first = applied(
  '7001',
  'Big Data Engineer Intern (Live Recommendation) - 2026 Start (BS/MS)',
  'tiktok',
  local('2025-10-02T12:00:00'),
);
const second = applied('7002', 'Backend Engineer Intern - 2026 Start (BS/MS)', 'bytedance', local('2025-10-20T12:00:00'));
const lastOne = countOf([first]);
const reached = countOf([second, first]);

describe('renderLimitBanner', () => {
  it('at the last place names the count, the program and the application made (in the closed disclosure)', () => {
    const page = doc();
    const handle = renderLimitBanner(page, bannerContent(lastOne, false), () => {})!;
    const box = handle.root.querySelector('[role]')!;
    expect(box.getAttribute('role')).toBe('status');
    expect(handle.root.querySelector('.title')!.textContent).toBe('Job Lens: 1 place left: 1 of 2 used');
    expect(handle.root.querySelector('.program')!.textContent).toBe('Undergrad/Master Intern · 2026 Start');
    const details = handle.root.querySelector('details')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(Array.from(details.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'Big Data Engineer Intern (Live Recommendation) - 2026 Start (BS/MS) (TikTok, 2025-10-02)',
    ]);
    expect(page.querySelectorAll(BANNER_TAG)).toHaveLength(1);
  });

  it('at the limit raises an alert saying "limit reached" and the count, with the applications in the order made', () => {
    const handle = renderLimitBanner(doc(), bannerContent(reached, false), () => {})!;
    expect(handle.root.querySelector('[role]')!.getAttribute('role')).toBe('alert');
    expect(handle.root.querySelector('.title')!.textContent).toBe('Job Lens: Limit reached: 2 of 2');
    const items = Array.from(handle.root.querySelectorAll('ol li')).map((li) => li.textContent);
    expect(items[0]).toMatch(/^Big Data Engineer Intern/);
    expect(items[1]).toBe('Backend Engineer Intern - 2026 Start (BS/MS) (ByteDance, 2025-10-20)');
  });

  it('on the form of a full program says this application would not be considered', () => {
    const handle = renderLimitBanner(doc(FORM_PAGE), bannerContent(reached, true), () => {})!;
    expect(handle.root.querySelector('.consequence')!.textContent).toBe('This application would not be considered.');
    expect(bannerConsequence(reached, false)).toBe('Another application in this program would not be considered.');
    expect(bannerConsequence(lastOne, true)).toBe('This would be your last place in this program.');
  });

  it('says so when over the limit', () => {
    const third = applied('7003', 'Product Manager Intern', 'tiktok', local('2025-11-01T12:00:00'));
    const handle = renderLimitBanner(doc(), bannerContent(countOf([first, second, third]), false), () => {})!;
    expect(handle.root.querySelector('.title')!.textContent).toBe('Job Lens: Over the limit: 3 of 2');
  });

  it('shows nothing while more than one place is left, or for a job in no program', () => {
    const page = doc();
    expect(renderLimitBanner(page, bannerContent(countOf([]), false), () => {})).toBeNull();
    expect(bannerContent(null, false)).toBeNull();
    expect(renderLimitBanner(page, null, () => {})).toBeNull();
    expect(page.querySelector(BANNER_TAG)).toBeNull();
  });

  it('keeps the list of applications in a closed disclosure', () => {
    const handle = renderLimitBanner(doc(), bannerContent(reached, false), () => {})!;
    const details = handle.root.querySelector('details')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Applications so far');
    expect(details.querySelectorAll('li')).toHaveLength(2);
  });

  it('sits in a corner on a job page, and in the page flow before the form on the application form', () => {
    const job = doc();
    const onJob = renderLimitBanner(job, bannerContent(reached, false), () => {})!;
    expect(onJob.host.className).toBe('');
    expect(onJob.host.parentNode).toBe(job.body);

    const form = doc(FORM_PAGE);
    const onForm = renderLimitBanner(form, bannerContent(reached, true), () => {})!;
    expect(onForm.host.className).toBe('in-flow');
    expect(onForm.host.nextElementSibling?.localName).toBe('form');
  });

  it('renders a title containing markup as text, never as elements', () => {
    const hostile = applied('7004', '<img src=x onerror="alert(1)"><b>Intern</b>', 'tiktok', local('2025-10-02T12:00:00'));
    const handle = renderLimitBanner(doc(), bannerContent(countOf([hostile]), false), () => {})!;
    expect(handle.root.querySelector('img')).toBeNull();
    expect(handle.root.querySelector('b')).toBeNull();
    expect(handle.root.querySelector('li')!.textContent).toContain('<img src=x onerror="alert(1)"><b>Intern</b>');
  });

  it('is worded with the count’s dismissal key, so the background can remember its closing', () => {
    expect(bannerContent(reached, true)).toMatchObject({ dismissKey: 'intern-bsms:2026-start@2/2', alert: true, onForm: true });
    expect(bannerContent(lastOne, false)).toMatchObject({ dismissKey: 'intern-bsms:2026-start@1/2', alert: false });
  });

  it('keeps its contents in a closed shadow root the page cannot read', () => {
    const page = doc();
    renderLimitBanner(page, bannerContent(reached, false), () => {});
    const host = page.querySelector(BANNER_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
  });

  it('has a labelled close button that removes the banner and reports the dismissal', () => {
    const page = doc();
    const onDismiss = vi.fn();
    const handle = renderLimitBanner(page, bannerContent(reached, false), onDismiss)!;
    const button = handle.root.querySelector('.close')!;
    expect(button.getAttribute('aria-label')).toBe('Dismiss the application limit notice');
    expect(button.getAttribute('type')).toBe('button');
    button.dispatchEvent(new (page.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(page.querySelector(BANNER_TAG)).toBeNull();
  });

  it('replaces an earlier banner instead of stacking, and removeLimitBanner clears it', () => {
    const page = doc();
    renderLimitBanner(page, bannerContent(lastOne, false), () => {});
    renderLimitBanner(page, bannerContent(reached, false), () => {});
    expect(page.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    removeLimitBanner(page);
    expect(page.querySelector(BANNER_TAG)).toBeNull();
  });
});
