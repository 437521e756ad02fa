import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showsNotFound } from '../../../../lib/capture/not-found';
import { PageWatcher } from '../../../../lib/capture/watcher';
import { readsLikeTheBackground } from '../../support/page-reader';
import { parseDocument } from '../../../../lib/extract/node';

/**
 * A dead job: the job's URL shows the site's not-found view. Every route carries a hidden copy of
 * that view (the CMS text), so only a copy that is not hidden counts.
 */

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

describe('showsNotFound on every page fixture', () => {
  it('is true for the dead job alone: the loading shell and live jobs carry only the hidden copy', () => {
    const found = pages.filter((name) => showsNotFound(parseDocument(readFileSync(join(FIXTURES, name), 'utf8'))));
    expect(found).toEqual(['tiktok-dead-job.html']);
    // The fixtures do carry the hidden copy, so the check is not passing for want of the text.
    const withText = pages.filter((name) => readFileSync(join(FIXTURES, name), 'utf8').includes('404 Page not found'));
    expect(withText.length).toBeGreaterThan(2);
  });

  it('ignores copies hidden by the attribute, aria-hidden or the hidden class', () => {
    for (const wrap of ['<div hidden>X</div>', '<div aria-hidden="true">X</div>', '<div class="hidden">X</div>']) {
      expect(showsNotFound(parseDocument(wrap.replace('X', '<h2>404 Page not found</h2>')))).toBe(false);
    }
    expect(showsNotFound(parseDocument('<main><h1>404  Page not found</h1></main>'))).toBe(true);
    expect(showsNotFound(parseDocument('<main><h2>Page Not Found</h2></main>'))).toBe(true);
    // A posting that mentions the words is not the view.
    expect(showsNotFound(parseDocument('<main><h1>QA Intern: 404 page not found handling</h1></main>'))).toBe(false);
  });
});

describe('the watcher on a dead job', () => {
  const JOB = '7301956248730118403';
  let doc: Document;
  let onChange: (() => void) | null;
  let gone: string[];
  let gaveUp: string[];
  let sent: number;
  let watcher: PageWatcher;

  beforeEach(() => {
    vi.useFakeTimers();
    doc = parseDocument('<html><head><title>TikTok Careers</title></head><body><main>Loading…</main></body></html>');
    onChange = null;
    gone = [];
    gaveUp = [];
    sent = 0;
    const url = new URL(`https://lifeattiktok.com/search/${JOB}`);
    watcher = new PageWatcher(
      {
        read: readsLikeTheBackground(
          () => doc,
          () => url,
          new Date('2026-11-01T00:00:00Z'),
          () => void (sent += 1),
        ),
        observe: (cb) => {
          onChange = cb;
          return () => {
            onChange = null;
          };
        },
        setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
        clearTimeout: (id) => clearTimeout(id),
        gone: () => showsNotFound(doc),
        onGone: (id) => gone.push(id),
        onGiveUp: (id) => gaveUp.push(id),
      },
      { settleMs: 300, maxWaitMs: 5_000 },
    );
  });
  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  it('reports the job gone once the not-found view has rendered and settled, and stops', async () => {
    watcher.watch(JOB);
    await vi.advanceTimersByTimeAsync(400);
    expect(gone).toEqual([]);
    const dead = readFileSync(join(FIXTURES, 'tiktok-dead-job.html'), 'utf8');
    doc.body.innerHTML = parseDocument(dead).body.innerHTML;
    onChange?.();
    await vi.advanceTimersByTimeAsync(400);
    expect(gone).toEqual([JOB]);
    expect(onChange).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect([gone, gaveUp, sent]).toEqual([[JOB], [], 0]);
  });

  it('says it gave up on a page that never became readable', async () => {
    watcher.watch(JOB);
    await vi.advanceTimersByTimeAsync(6_000);
    expect([gone, gaveUp]).toEqual([[], [JOB]]);
  });
});
