import type { Transport } from './client';
import type { Envelope, Failure } from './protocol';

/** Longer than any answer the background gives on a full database (a snapshot of 100,000 jobs). */
export const SEND_TIMEOUT_MS = 20_000;

/**
 * A transport whose send fails once `ms` pass with no answer, for the popup and the options
 * page, where a background stuck behind a blocked database upgrade would otherwise leave a
 * spinner with no word for ever. The failure is an answer, not a lost message, so `sendMessage`
 * does not send it again: the background may have received it and still be doing it, and a
 * recording made twice is worse than saying nothing came back. Content scripts keep the plain
 * transport; nothing they send waits on the user, and their size budget has no room.
 */
export function answerWithin(transport: Transport, ms = SEND_TIMEOUT_MS): Transport {
  return (message: Envelope) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Failure>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            code: 'no-answer',
            message: `Job Lens got no answer in ${Math.round(ms / 1000)} s. It may still be working: close it and open it again to see what was saved.`,
          }),
        ms,
      );
    });
    return Promise.race([transport(message), late]).finally(() => clearTimeout(timer));
  };
}
