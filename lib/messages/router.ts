import { type MessageName, type Reply, type RequestOf, type ResponseOf, requestSchemas } from './protocol';

export interface MessageContext {
  /** The sending tab, when the message came from a content script. */
  tabId?: number;
  /** The URL of the sender (a page on the careers site, or an extension page). */
  senderUrl?: string;
}

export type Handlers = {
  [K in MessageName]: (data: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
};

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates a message from any context and calls its handler. Anything that is not a known
 * message with a valid payload is answered with an error and reaches no handler.
 */
export function createRouter(handlers: Handlers) {
  return async (message: unknown, context: MessageContext = {}): Promise<Reply<unknown>> => {
    if (typeof message !== 'object' || message === null || !('name' in message)) {
      return { ok: false, error: 'not a Job Lens message' };
    }
    const { name, data } = message as { name: unknown; data: unknown };
    if (typeof name !== 'string' || !Object.hasOwn(requestSchemas, name)) {
      return { ok: false, error: `unknown message ${String(name)}` };
    }
    const key = name as MessageName;
    const parsed = requestSchemas[key].safeParse(data);
    if (!parsed.success) return { ok: false, error: `invalid ${key}: ${describeIssues(parsed.error.issues)}` };
    try {
      const handler = handlers[key] as (d: unknown, c: MessageContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      return { ok: false, error: `${key} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
