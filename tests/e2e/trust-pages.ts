import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A job page whose own scripts try to switch Job Lens off the way WXT's content-script context
 * allowed (answering its "started" handshake, in both of its forms, from the first moment and
 * every 25 ms after), and which records every `message` event it receives. Runs in the page's
 * main world, where the site's scripts live.
 */
function hostilePageScript(stopTypes: string[]): void {
  const win = window as unknown as { __jlSeen: string[]; __jlSent: number };
  win.__jlSeen = [];
  win.__jlSent = 0;
  window.addEventListener('message', (event) => {
    let text: string;
    try {
      text = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
    } catch {
      text = String(event.data);
    }
    win.__jlSeen.push(text);
  });
  const stop = () => {
    for (const type of stopTypes) {
      window.postMessage({ type, contentScriptName: 'job', messageId: 'page' }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'job', messageId: 'page' } }));
      win.__jlSent += 1;
    }
  };
  stop();
  const timer = setInterval(stop, 25);
  setTimeout(() => clearInterval(timer), 20_000);
}

/** The page with that script first in <head>, given the event names to send (they carry the extension id). */
export function hostilePage(html: string, extensionIds: readonly string[]): string {
  const types = extensionIds.map((id) => `${id}:job:wxt:content-script-started`);
  const script = `<script>(${hostilePageScript.toString()})(${JSON.stringify(types)});</script>`;
  const at = html.search(/<head[^>]*>/i);
  if (at === -1) return script + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + script + html.slice(end);
}

export interface PageObservations {
  seen: string[];
  sent: number;
}

/** Read in the page's main world. */
export function readObservations(): PageObservations {
  const win = window as unknown as { __jlSeen?: string[]; __jlSent?: number };
  return { seen: win.__jlSeen ?? [], sent: win.__jlSent ?? 0 };
}

/** The page's markup, less the hostile script itself (which names the ids it sends). Main world. */
export function documentWithoutOwnScript(): string {
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  for (const script of Array.from(copy.querySelectorAll('script'))) {
    if ((script.textContent ?? '').includes('__jlSeen')) script.remove();
  }
  return copy.outerHTML;
}

export function builtManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}
