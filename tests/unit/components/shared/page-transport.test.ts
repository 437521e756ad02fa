import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../../../components/shared/page-transport';
import { answerWithin, SEND_TIMEOUT_MS } from '../../../../lib/messages/timeout';

// The real deadline wrapper, counted: the page builds it once, not once per message.
vi.mock('../../../../lib/messages/timeout', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../lib/messages/timeout')>();
  return { ...actual, answerWithin: vi.fn(actual.answerWithin) };
});

const JOB = '7600000000000000123';

describe("the extension pages' send", () => {
  const built = vi.mocked(answerWithin).mock.calls.length;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.useRealTimers());

  it("sends through runtime.sendMessage and gives the background's answer", async () => {
    const heard: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      heard.push(message);
      return Promise.resolve({ ok: true, value: { limit: 'state' } });
    });
    await expect(send('apply:confirm', { jobId: JOB })).resolves.toEqual({ limit: 'state' });
    await expect(send('apply:confirm', { jobId: JOB })).resolves.toEqual({ limit: 'state' });
    expect(heard).toEqual([
      { name: 'apply:confirm', data: { jobId: JOB } },
      { name: 'apply:confirm', data: { jobId: JOB } },
    ]);
    // Built when the module loaded, and not again for either message.
    expect(built).toBe(1);
    expect(answerWithin).toHaveBeenCalledTimes(1);
  });

  it('fails a send the background never answers once the deadline passes, sending it once', async () => {
    vi.useFakeTimers();
    const listener = vi.fn(() => new Promise(() => {}));
    fakeBrowser.runtime.onMessage.addListener(listener);
    const failed = expect(send('apply:confirm', { jobId: JOB })).rejects.toMatchObject({ name: 'RefusedError', code: 'no-answer' });
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
    expect(listener).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    await vi.advanceTimersByTimeAsync(10 * SEND_TIMEOUT_MS);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(answerWithin).toHaveBeenCalledTimes(1);
  });
});
