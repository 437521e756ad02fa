import { type Failure, type FailureCode, type MessageName, type Reply, type RequestOf, type ResponseOf, requestSchemas } from './protocol';
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

const pathOf = (issue: { path: PropertyKey[] }) => issue.path.map(String).join('.');

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${pathOf(issue) || '(root)'}: ${issue.message}`)
    .join('; ');
}

const fail = (code: FailureCode, message: string, path?: string): Failure => ({ ok: false, code, message, ...(path ? { path } : {}) });

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
      return fail('not-a-message', 'not a Job Lens message');
    }
    const { name, data } = message as { name: unknown; data: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(requestSchemas, name)) {
      return fail('unknown-message', `unknown message ${String(name)}`);
    }
    const key = name as MessageName;
    if (!allowedSenders(key).includes(context.sender)) {
      return fail('wrong-sender', `${key} is not accepted from ${SENDER_NAMES[context.sender]}`);
    }
    const parsed = requestSchemas[key].safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail('invalid', describeIssues(parsed.error.issues), first ? pathOf(first) : undefined);
    }
    let payload: unknown = parsed.data;
    if (context.sender === 'content') {
      const binding = CONTENT_BINDINGS[key as ContentMessageName] as ContentBinding<ContentMessageName>;
      try {
        payload = binding.bind(payload as RequestOf<ContentMessageName>, context.page);
      } catch (error) {
        if (error instanceof RefusedSender) return fail('refused', error.message);
        throw error;
      }
      if (binding.records && context.incognito && !(await recordsPrivateWindows())) {
        return fail('private-window', `${key} from a private window is not recorded (the options page can allow it)`);
      }
    }
    try {
      const handler = handlers[key] as (d: unknown, c: MessageContext) => Promise<unknown>;
      return { ok: true, value: await handler(payload, context) };
    } catch (error) {
      return fail('failed', error instanceof Error ? error.message : String(error));
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
    if (!verdict.ok) return fail('wrong-sender', verdict.message);
    return route(message, verdict.context);
  };
}
