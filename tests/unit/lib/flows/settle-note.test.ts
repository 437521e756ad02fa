import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTE_TAG, removeNote, renderSubmittedNote } from '../../../../lib/banner/note';
import { watchUntil } from '../../../../lib/capture/settle';
import { extractFromHtml, parseDocument } from '../../../../lib/extract/node';
import { showsSubmission } from '../../../../lib/flows/page';

const html = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures', name), 'utf8');

describe('watchUntil (the confirmation page rendered late by the single-page app)', () => {
  let onChange: (() => void) | null;
  const deps = {
    observe: (cb: () => void) => {
      onChange = cb;
      return () => {
        onChange = null;
      };
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  };
  beforeEach(() => {
    vi.useFakeTimers();
    onChange = null;
  });
  afterEach(() => vi.useRealTimers());

  it('checks once the DOM is quiet, again after each burst of changes, and stops at the first yes', () => {
    const doc = parseDocument('<html><body><main><div aria-label="Loading"></div></main></body></html>');
    let found = 0;
    watchUntil(deps, () => {
      if (!showsSubmission(doc)) return false;
      found += 1;
      return true;
    });
    vi.advanceTimersByTime(300);
    expect(found).toBe(0);
    doc.querySelector('main')!.innerHTML = '<div>We have received your resume.</div>';
    onChange!();
    vi.advanceTimersByTime(200);
    onChange!(); // still rendering: the quiet period starts again
    vi.advanceTimersByTime(200);
    expect(found).toBe(0);
    vi.advanceTimersByTime(100);
    expect(found).toBe(1);
    expect(onChange).toBeNull();
  });

  it('gives up after the wait, and an infinite wait keeps watching', () => {
    const check = vi.fn(() => false);
    watchUntil(deps, check, { maxWaitMs: 1000 });
    vi.advanceTimersByTime(1000);
    expect(onChange).toBeNull();
    const forever = vi.fn(() => false);
    const stop = watchUntil(deps, forever, { maxWaitMs: Number.POSITIVE_INFINITY });
    vi.advanceTimersByTime(60 * 60 * 1000);
    onChange!();
    vi.advanceTimersByTime(300);
    expect(forever).toHaveBeenCalledTimes(2);
    stop();
    expect(onChange).toBeNull();
  });
});

describe('the page note', () => {
  it('says the application was recorded, in a closed shadow root, the title as text, and undoes on click', async () => {
    const doc = parseDocument(html('tiktok-applied.html'));
    const hostile = '<img src=x onerror=alert(1)> Intern';
    const undo = vi.fn(async () => 'Undone: Job Lens no longer counts this application.');
    const handle = renderSubmittedNote(doc, hostile, undo);
    expect(doc.querySelectorAll(NOTE_TAG)).toHaveLength(1);
    const box = handle.root.querySelector('[role="status"]')!;
    expect(box.querySelector('p')!.textContent).toBe(
      `Job Lens recorded your application to ${hostile} today. It counts towards your limit.`,
    );
    expect(handle.root.querySelector('img')).toBeNull();
    const button = handle.root.querySelector<HTMLButtonElement>('button.undo')!;
    button.click();
    await vi.waitFor(() => expect(box.querySelector('p')!.textContent).toMatch(/^Undone/));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(handle.root.querySelector('button.undo')).toBeNull();
    removeNote(doc);
    expect(doc.querySelectorAll(NOTE_TAG)).toHaveLength(0);
  });
});

describe('referral links in the content script', () => {
  it('reads a job page opened through a referral link into a posting whose URL keeps no token or query', () => {
    const id = '7525331248713058591';
    const result = extractFromHtml(
      html('tiktok-seed-000.html'),
      new URL(`https://lifeattiktok.com/referral/tiktok/position/${id}/detail?token=Zr8QkT2m9LwX&spread=5MWH5CQ`),
      new Date('2026-06-01T10:00:00Z'),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect([result.posting.jobId, result.posting.url]).toEqual([id, `https://lifeattiktok.com/search/${id}`]);
  });
});
