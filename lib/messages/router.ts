import { type MessageName, type Reply, type RequestOf, type ResponseOf, requestSchemas } from './protocol';
import {
  allowedSenders,
  CONTENT_BINDINGS,
  type ContentBinding,
  type ContentMessageName,
  type MessageContext,
  type RawSender,
  RefusedSender,
  type Self,
  classifySender,
} from './senders';

export type { MessageContext } from './senders';

export type Handlers = {
  [K in MessageName]: (data: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
};

export interface RouterOptions {
  /** Whether the user allows recording job pages seen in private windows (off by default). */
  recordsPrivateWindows?: () => Promise<boolean>;
}

/** Calls made inside the extension's own origin (the pages' tests, direct calls) are extension pages. */
const IN_PROCESS: MessageContext = { sender: 'extension' };

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

const SENDER_NAMES = { content: 'a content script', extension: 'an extension page' } as const;

/**
 * Validates a message and calls its handler, in this order: a known name, a sender allowed to
 * send it, a valid payload, then (from a content script) the payload tied to the sending tab and
 * the private-window rule. Anything that fails a step is answered with an error and reaches no
 * handler.
 */
export function createRouter(handlers: Handlers, { recordsPrivateWindows = async () => false }: RouterOptions = {}) {
  return async (message: unknown, context: MessageContext = IN_PROCESS): Promise<Reply<unknown>> => {
    if (typeof message !== 'object' || message === null || !('name' in message)) {
      return { ok: false, error: 'not a Job Lens message' };
    }
    const { name, data } = message as { name: unknown; data: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(requestSchemas, name)) {
      return { ok: false, error: `unknown message ${String(name)}` };
    }
    const key = name as MessageName;
    if (!allowedSenders(key).includes(context.sender)) {
      return { ok: false, error: `refused: ${key} is not accepted from ${SENDER_NAMES[context.sender]}` };
    }
    const parsed = requestSchemas[key].safeParse(data);
    if (!parsed.success) return { ok: false, error: `invalid ${key}: ${describeIssues(parsed.error.issues)}` };
    let payload: unknown = parsed.data;
    if (context.sender === 'content') {
      const binding = CONTENT_BINDINGS[key as ContentMessageName] as ContentBinding<ContentMessageName>;
      try {
        payload = binding.bind(payload as RequestOf<ContentMessageName>, context.page);
      } catch (error) {
        if (error instanceof RefusedSender) return { ok: false, error: `refused: ${error.message}` };
        throw error;
      }
      if (binding.records && context.incognito && !(await recordsPrivateWindows())) {
        return { ok: false, error: `refused: ${key} from a private window is not recorded (the options page can allow it)` };
      }
    }
    try {
      const handler = handlers[key] as (d: unknown, c: MessageContext) => Promise<unknown>;
      return { ok: true, value: await handler(payload, context) };
    } catch (error) {
      return { ok: false, error: `${key} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

export type Route = ReturnType<typeof createRouter>;

/**
 * The background's `runtime.onMessage` listener: the sender is checked from what the browser
 * reports (`sender.id`, `sender.url`, `sender.tab`), and a sender that is not ours is refused
 * before the message is even read.
 */
export function createSenderGate(route: Route, self: () => Self) {
  return async (message: unknown, sender: RawSender): Promise<Reply<unknown>> => {
    const verdict = classifySender(sender, self());
    if (!verdict.ok) return { ok: false, error: verdict.error };
    return route(message, verdict.context);
  };
}
