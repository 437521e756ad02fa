import type { Envelope, Failure, FailureCode, MessageName, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Sends a message to the background and waits for its answer. MV3 may have stopped the service
 * worker, and the first message after that can go unanswered, so a send that gets no answer is
 * retried a few times before giving up.
 */
export interface SendOptions {
  attempts?: number;
  /** Pause before the n-th retry: `backoffMs * n`. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type Transport = (message: Envelope) => Promise<unknown>;

export async function sendMessage<K extends MessageName>(
  transport: Transport,
  name: K,
  data: RequestOf<K>,
  { attempts = 4, backoffMs = 250, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: SendOptions = {},
): Promise<ResponseOf<K>> {
  let lastError = 'no answer from the background';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const reply = (await transport({ name, data } as Envelope)) as Reply<ResponseOf<K>> | undefined;
      if (reply && typeof reply === 'object' && 'ok' in reply) {
        // The background understood and refused: retrying would not change its answer.
        if (!reply.ok) throw new RefusedError(name, reply);
        return reply.value;
      }
    } catch (error) {
      if (error instanceof RefusedError) throw error;
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (attempt < attempts) await sleep(backoffMs * attempt);
  }
  throw new Error(`${name}: ${lastError} after ${attempts} attempts`);
}

/** A failed send as one sentence for the user: the background's own, shown as it is. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The background's answer was a failure. `message` is the background's sentence as it is, for
 * the page to show; `code` and `path` are for code that must tell failures apart.
 */
export class RefusedError extends Error {
  override name = 'RefusedError';
  readonly code: FailureCode;
  readonly path: string | undefined;
  readonly messageName: MessageName;

  constructor(messageName: MessageName, failure: Failure) {
    super(failure.message);
    this.code = failure.code;
    this.path = failure.path;
    this.messageName = messageName;
  }
}
