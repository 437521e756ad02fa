import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { BANNER_TAG, removeLimitBanner, renderLimitBanner } from '../../../lib/banner/banner';
import { computeLimitState, type LimitJob } from '../../../lib/limit/limit';
import { local } from '../local-time';

// A cut-down copy of a lifeattiktok.com application page's outer shell (the form itself is not needed).
const PAGE = `<!doctype html><html><head><title>Apply - TikTok Careers</title></head>
<body><div id="__next"><main><h1>Data Scientist Intern (Global LIVE Operation Intelligence) - 2026 Start (BS/MS)</h1></main></div></body></html>`;

const limit = { max: 2, scope: 'affiliates-global', inOrder: true } as const;
const now = new Date('2025-11-15T10:00:00');
const applied = (id: string, title: string, site: LimitJob['site'], appliedAt: string): LimitJob => ({
  jobId: id,
  title,
  site,
  appliedAt,
  applicationLimit: limit,
});

function page() {
  return parseHTML(PAGE).document as unknown as Document;
}

const first = applied('7001', 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)', 'tiktok', local('2025-10-02T12:00:00'));
const second = applied('7002', 'Backend Engineer Intern - 2026 Start (BS/MS)', 'bytedance', local('2025-10-20T12:00:00'));
const lastOne = computeLimitState({ jobs: [first], settings: { cycleStart: null }, now });
const reached = computeLimitState({ jobs: [second, first], settings: { cycleStart: null }, now });

describe('renderLimitBanner', () => {
  it('at the last slot says one application is left and names the application made', () => {
    const doc = page();
    const handle = renderLimitBanner(doc, lastOne, () => {});
    expect(handle).not.toBeNull();
    const box = handle!.root.querySelector('[role]')!;
    expect(box.getAttribute('role')).toBe('status');
    expect(box.textContent).toContain('1 application left');
    const items = Array.from(handle!.root.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual(['Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD) (TikTok, 2025-10-02)']);
    expect(doc.querySelectorAll(BANNER_TAG)).toHaveLength(1);
  });

  it('at the limit raises an alert listing the applications in the order made', () => {
    const handle = renderLimitBanner(page(), reached, () => {})!;
    const box = handle.root.querySelector('[role]')!;
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('Application limit reached (2 of 2)');
    const items = Array.from(handle.root.querySelectorAll('ol li')).map((li) => li.textContent);
    expect(items[0]).toMatch(/^Algorithm Engineer Intern/);
    expect(items[1]).toBe('Backend Engineer Intern - 2026 Start (BS/MS) (ByteDance, 2025-10-20)');
  });

  it('says so when over the limit', () => {
    const third = applied('7003', 'Product Manager Intern', 'tiktok', local('2025-11-01T12:00:00'));
    const over = computeLimitState({ jobs: [first, second, third], settings: { cycleStart: null }, now });
    const handle = renderLimitBanner(page(), over, () => {})!;
    expect(handle.root.querySelector('[role]')!.textContent).toContain('Over the application limit (3 of 2)');
  });

  it('shows nothing while more than one slot is left', () => {
    const doc = page();
    const ok = computeLimitState({ jobs: [], settings: { cycleStart: null }, now });
    expect(renderLimitBanner(doc, { ...ok, limit: 2, remaining: 2 }, () => {})).toBeNull();
    expect(doc.querySelector(BANNER_TAG)).toBeNull();
  });

  it('renders a title containing markup as text, never as elements', () => {
    const hostile = applied('7004', '<img src=x onerror="alert(1)"><b>Intern</b>', 'tiktok', local('2025-10-02T12:00:00'));
    const state = computeLimitState({ jobs: [hostile], settings: { cycleStart: null }, now });
    const handle = renderLimitBanner(page(), state, () => {})!;
    expect(handle.root.querySelector('img')).toBeNull();
    expect(handle.root.querySelector('b')).toBeNull();
    expect(handle.root.querySelector('li')!.textContent).toContain('<img src=x onerror="alert(1)"><b>Intern</b>');
  });

  it('keeps its contents in a closed shadow root the page cannot read', () => {
    const doc = page();
    renderLimitBanner(doc, reached, () => {});
    const host = doc.querySelector(BANNER_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
  });

  it('has a labelled close button that removes the banner and reports the dismissal', () => {
    const doc = page();
    const onDismiss = vi.fn();
    const handle = renderLimitBanner(doc, reached, onDismiss)!;
    const button = handle.root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Dismiss the application limit notice');
    expect(button.getAttribute('type')).toBe('button');
    button.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('click'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(doc.querySelector(BANNER_TAG)).toBeNull();
  });

  it('replaces an earlier banner instead of stacking, and removeLimitBanner clears it', () => {
    const doc = page();
    renderLimitBanner(doc, lastOne, () => {});
    renderLimitBanner(doc, reached, () => {});
    expect(doc.querySelectorAll(BANNER_TAG)).toHaveLength(1);
    removeLimitBanner(doc);
    expect(doc.querySelector(BANNER_TAG)).toBeNull();
  });
});
