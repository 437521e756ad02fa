import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../../lib/capture/watcher';
import { extractPosting, headTitle } from '../../../../lib/extract/extract';
import { parseDocument } from '../../../../lib/extract/node';
import type { JobPosting } from '../../../../lib/posting/schema';

const A = '7512345678901234567';
const B = '7512345678901239999';

const shell = `<header><a>Jobs</a></header><main><div>Loading…</div></main><div hidden>404 Page not found</div>`;
const job = (title: string, code: string, duty: string) => `<header><a>Jobs</a></header><main>
  <div>Technology</div><h1>${title}</h1>
  <div><span>Location</span><span>:</span><span>Singapore</span></div>
  <div><span>Job Code</span><span>:</span><span>${code}</span></div>
  <h2>Responsibilities</h2><ul><li>${duty}</li></ul>
  <h2>Qualifications</h2><ul><li>Bachelor's degree in Computer Science.</li></ul></main>`;

describe('PageWatcher', () => {
  let doc: Document;
  let url: URL;
  let onChange: (() => void) | null;
  let sent: JobPosting[];
  let watcher: PageWatcher;

  const render = (html: string, title = 'TikTok Careers') => {
    doc.body.innerHTML = html;
    doc.querySelector('title')!.textContent = title;
    onChange?.();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    doc = parseDocument('<html><head><title>TikTok Careers</title></head><body></body></html>');
    url = new URL(`https://lifeattiktok.com/search/${A}`);
    onChange = null;
    sent = [];
    watcher = new PageWatcher(
      {
        extract: () => extractPosting(doc, url, new Date('2026-11-01T00:00:00Z')),
        headTitle: () => headTitle(doc),
        send: (p) => sent.push(p),
        observe: (cb) => {
          onChange = cb;
          return () => {
            onChange = null;
          };
        },
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
      { settleMs: 300, maxWaitMs: 5_000 },
    );
  });
  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  it('sends a fully loaded job once, after the page settles', () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    watcher.watch(A);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(sent.map((p) => p.title)).toEqual(['Data Engineer Intern']);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(1);
  });

  it('waits through the loading shell and sends the content that renders later', () => {
    render(shell);
    watcher.watch(A);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    vi.advanceTimersByTime(299);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent.map((p) => p.jobCode)).toEqual(['A1']);
  });

  it('does not read while the DOM keeps changing, then reads the settled page', () => {
    render(shell);
    watcher.watch(A);
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(200);
      onChange?.();
    }
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(1);
  });

  it("never sends the previous job's content under the new URL after a client-side navigation", () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    watcher.watch(A);
    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(1);

    url = new URL(`https://lifeattiktok.com/search/${B}`);
    watcher.watch(B);
    onChange?.(); // unrelated mutation; the old job is still on screen
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(1);

    render(job('Backend Engineer Intern', 'B7', 'Write services.'));
    vi.advanceTimersByTime(300);
    expect(sent.map((p) => [p.jobId, p.title])).toEqual([
      [A, 'Data Engineer Intern'],
      [B, 'Backend Engineer Intern'],
    ]);
  });

  it('waits while the head already names another job than the body shows', () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'), 'Backend Engineer Intern - TikTok Careers');
    watcher.watch(A);
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
    render(job('Backend Engineer Intern', 'B7', 'Write services.'), 'Backend Engineer Intern - TikTok Careers');
    vi.advanceTimersByTime(300);
    expect(sent.map((p) => p.title)).toEqual(['Backend Engineer Intern']);
  });

  it('gives up after the bounded wait and stops observing', () => {
    render(shell);
    watcher.watch(A);
    vi.advanceTimersByTime(5_000);
    expect(onChange).toBeNull();
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(0);
  });
});
