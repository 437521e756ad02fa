import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher, type ReadAnswer, type WatcherDeps } from '../../../../lib/capture/watcher';
import { parseDocument } from '../../../../lib/extract/node';
import type { JobPosting } from '../../../../lib/posting/schema';
import { readsLikeTheBackground } from '../../support/page-reader';

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
        read: readsLikeTheBackground(
          () => doc,
          () => url,
          new Date('2026-11-01T00:00:00Z'),
          (p) => sent.push(p),
        ),
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

  it('sends a fully loaded job once, after the page settles', async () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    watcher.watch(A);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map((p) => p.title)).toEqual(['Data Engineer Intern']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);
  });

  it('waits through the loading shell and sends the content that renders later', async () => {
    render(shell);
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(0);
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    await vi.advanceTimersByTimeAsync(299);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((p) => p.jobCode)).toEqual(['A1']);
  });

  it('does not read while the DOM keeps changing, then reads the settled page', async () => {
    render(shell);
    watcher.watch(A);
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(200);
      onChange?.();
    }
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(1);
  });

  it("never sends the previous job's content under the new URL after a client-side navigation", async () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(1);

    url = new URL(`https://lifeattiktok.com/search/${B}`);
    watcher.watch(B);
    onChange?.(); // unrelated mutation; the old job is still on screen
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);

    render(job('Backend Engineer Intern', 'B7', 'Write services.'));
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map((p) => [p.jobId, p.title])).toEqual([
      [A, 'Data Engineer Intern'],
      [B, 'Backend Engineer Intern'],
    ]);
  });

  it('waits while the head already names another job than the body shows', async () => {
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'), 'Backend Engineer Intern - TikTok Careers');
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(0);
    render(job('Backend Engineer Intern', 'B7', 'Write services.'), 'Backend Engineer Intern - TikTok Careers');
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map((p) => p.title)).toEqual(['Backend Engineer Intern']);
  });

  it('gives up after the bounded wait and stops observing', async () => {
    render(shell);
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onChange).toBeNull();
    render(job('Data Engineer Intern', 'A1', 'Build pipelines.'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(0);
  });
});

describe('PageWatcher while a reading is with the background', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A background that answers each reading only when the test says so. */
  function slowBackground() {
    const asked: string[] = [];
    const answers: ((answer: ReadAnswer) => void)[] = [];
    const read = (jobId: string) => {
      asked.push(jobId);
      return new Promise<ReadAnswer>((resolve) => answers.push(resolve));
    };
    return { asked, answers, read };
  }

  function watcherOn(read: WatcherDeps['read']) {
    let onChange: (() => void) | null = null;
    const watcher = new PageWatcher(
      {
        read,
        observe: (cb) => {
          onChange = cb;
          return () => void (onChange = null);
        },
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
      },
      { settleMs: 300, maxWaitMs: 5_000 },
    );
    return { watcher, change: () => onChange?.(), observing: () => onChange !== null };
  }

  it('reads once more after the answer when the page changed meanwhile, and never two at once', async () => {
    const bg = slowBackground();
    const { watcher, change, observing } = watcherOn(bg.read);
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(300);
    change();
    await vi.advanceTimersByTimeAsync(300);
    expect(bg.asked).toEqual([A]);
    bg.answers[0]!({ ready: false, reason: 'no sections yet' });
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.asked).toEqual([A, A]);
    bg.answers[1]!({ ready: true, fingerprint: 'f' });
    await vi.advanceTimersByTimeAsync(0);
    expect(observing()).toBe(false);
    watcher.stop();
  });

  it("ignores the previous job's answer after a navigation, and keeps watching the new job", async () => {
    const bg = slowBackground();
    const { watcher, change, observing } = watcherOn(bg.read);
    watcher.watch(A);
    await vi.advanceTimersByTimeAsync(300);
    watcher.watch(B);
    bg.answers[0]!({ ready: true, fingerprint: 'a' });
    await vi.advanceTimersByTimeAsync(0);
    expect(observing()).toBe(true);
    change();
    await vi.advanceTimersByTimeAsync(300);
    expect(bg.asked).toEqual([A, B]);
    watcher.stop();
  });

  it('sends the last recorded reading with the next, and keeps it when a reading could not be sent', async () => {
    const lasts: unknown[] = [];
    const replies: ReadAnswer[] = [
      { ready: true, fingerprint: 'first' },
      { ready: true, fingerprint: null },
      { ready: true, fingerprint: 'third' },
    ];
    const { watcher } = watcherOn(async (_jobId, last) => {
      lasts.push(last);
      return replies.shift()!;
    });
    for (const id of [A, B, B]) {
      watcher.watch(id);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(lasts).toEqual([null, { jobId: A, fingerprint: 'first' }, { jobId: A, fingerprint: 'first' }]);
    watcher.stop();
  });
});
