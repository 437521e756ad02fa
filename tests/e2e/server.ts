import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { JOB_HOSTS } from '../../lib/sites/hosts';
import type { Fixture } from './fixtures';
import { selfSignedCertificate } from './tls';

/**
 * Serves the saved pages as if from the real careers hosts, on loopback only, over https (the
 * hosts are HSTS-preloaded, so browsers upgrade them anyway) and plain http on the same port.
 * Chromium reaches it through `--host-resolver-rules` (the connection arrives directly), Firefox
 * through proxy preferences (absolute-URI request lines for http, CONNECT tunnels for https), so
 * routing looks at host + path whichever way a request came.
 *
 * Every page also gets a small page script that imitates the site's client-side navigation, so a
 * test can go from the search list to a job the way a candidate does: the URL changes first and
 * the content renders later.
 */

const NAV_SCRIPT_PATH = '/__e2e/nav.js';

export interface NavTimings {
  /** How long the loading shell shows before the job's content renders (Next.js-like). */
  loadingMs: number;
  /** How long the previous job's content stays under the new URL in "stale" navigations. */
  staleMs: number;
}

const DEFAULT_NAV_TIMINGS: NavTimings = { loadingMs: 500, staleMs: 1200 };

/**
 * Runs in the page (main world). Kept as a typed function so the compiler checks it; served as
 * its source text. It must not reference anything outside its own body.
 *
 * Modes: "shell" swaps the content for a loading shell, then renders the target job; "stale"
 * renders the previous job's content again (twice, so DOM observers see activity) under the new
 * URL before the target job, as a slow server component would. A full load can be made late too.
 */
function navigationSimulation(timings: NavTimings): void {
  type Mode = 'shell' | 'stale';
  const JOB_PATH = /^\/search\/\d+\/?$/;
  const win = window as unknown as Window & {
    __e2eNav?: { go: (href: string, mode?: Mode) => Promise<void>; rendered: string[]; busy: boolean };
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const region = (doc: Document): Element => doc.querySelector('main') ?? doc.body;
  const ownScript = (node: Node) =>
    node instanceof Element && node.tagName === 'SCRIPT' && (node.getAttribute('src') ?? '').includes('/__e2e/');

  const loadingShell = (): Node[] => {
    const wrap = document.createElement('div');
    wrap.className = 'flex items-center justify-center min-h-[60vh]';
    const spinner = document.createElement('div');
    spinner.className = 'animate-spin h-8 w-8 rounded-full border-2';
    spinner.setAttribute('aria-label', 'Loading');
    // Like every route of the site, the shell carries the CMS text of the not-found page.
    const cms = document.createElement('div');
    cms.hidden = true;
    cms.textContent = '404 Page not found. Sorry, the page you are looking for does not exist.';
    wrap.append(spinner, cms);
    return [wrap];
  };

  const show = (nodes: Node[]) => {
    const target = region(document);
    const keep = Array.from(target.childNodes).filter(ownScript);
    target.replaceChildren(...nodes, ...keep);
  };

  const setHeadTitle = (title: string) => {
    document.title = title;
    document.querySelector('meta[property="og:title"]')?.setAttribute('content', title);
  };

  const state = { go, rendered: [] as string[], busy: false };
  win.__e2eNav = state;

  async function go(href: string, mode: Mode = 'shell'): Promise<void> {
    state.busy = true;
    const target = new URL(href, location.href);
    const previous = Array.from(region(document).childNodes).filter((n) => !ownScript(n));
    const response = fetch(target.pathname + target.search, { headers: { 'x-e2e-fragment': '1' } }).then((r) => r.text());
    history.pushState({}, '', target.href);
    if (mode === 'stale') {
      show(previous.map((n) => n.cloneNode(true)));
      await sleep(timings.staleMs / 2);
      show(previous.map((n) => n.cloneNode(true)));
      await sleep(timings.staleMs / 2);
    } else {
      show(loadingShell());
      await sleep(timings.loadingMs);
    }
    // DOMParser marks scripts as already run, so the fixture's own script chunks stay inert here.
    const doc = new DOMParser().parseFromString(await response, 'text/html');
    setHeadTitle(doc.title);
    show(
      Array.from(region(doc).childNodes)
        .filter((n) => !ownScript(n))
        .map((n) => document.importNode(n, true)),
    );
    state.rendered.push(target.pathname);
    state.busy = false;
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || !JOB_PATH.test(url.pathname)) return;
    event.preventDefault();
    void go(url.href, (document.documentElement.dataset.e2eNav as Mode | undefined) ?? 'shell');
  });

  // `?e2e-late=<ms>` on a full load: the body starts as the loading shell and the job renders
  // that much later, as on the site's older client-rendered pages. This script runs before the
  // content script (document_idle), so the content script first sees the shell.
  const late = Number(new URLSearchParams(location.search).get('e2e-late'));
  if (late > 0) {
    state.busy = true;
    const content = Array.from(region(document).childNodes).filter((n) => !ownScript(n));
    show(loadingShell());
    setTimeout(() => {
      show(content);
      state.rendered.push(location.pathname);
      state.busy = false;
    }, late);
  }
}

export interface FixtureServer {
  port: number;
  /** `host[:port]/path` of every request, in order, for debugging a failed test. */
  requests: string[];
  /** Serves extra HTML at a URL (e.g. a page built by a test). */
  addPage(url: string, html: string): void;
  close(): Promise<void>;
}

function routeKey(host: string, pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return `${host.toLowerCase()}${path}`;
}

/** Host and path of a request, whether the request line is origin-form or (through a proxy) absolute. */
function target(req: IncomingMessage): { host: string; pathname: string } {
  const raw = req.url ?? '/';
  const url = /^https?:\/\//i.test(raw) ? new URL(raw) : new URL(raw, `http://${req.headers.host ?? 'localhost'}`);
  return { host: url.hostname, pathname: url.pathname };
}

function withNavScript(html: string): string {
  const tag = `<script src="${NAV_SCRIPT_PATH}"></script>`;
  const at = html.search(/<\/body\s*>/i);
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

export async function startFixtureServer(
  fixtures: readonly Fixture[],
  { hosts = JOB_HOSTS, timings = DEFAULT_NAV_TIMINGS }: { hosts?: readonly string[]; timings?: NavTimings } = {},
): Promise<FixtureServer> {
  const pages = new Map<string, string>();
  const addPage = (url: string, html: string) => {
    const parsed = new URL(url);
    pages.set(routeKey(parsed.hostname, parsed.pathname), html);
  };
  for (const fixture of fixtures) addPage(fixture.url.href, fixture.html);

  const navScript = `(${navigationSimulation.toString()})(${JSON.stringify(timings)});`;
  const requests: string[] = [];

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let where: { host: string; pathname: string };
    try {
      where = target(req);
    } catch {
      send(res, 400, 'text/plain', 'bad request target');
      return;
    }
    requests.push(`${where.host}${where.pathname}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain', 'method not allowed');
      return;
    }
    if (where.pathname === NAV_SCRIPT_PATH) {
      send(res, 200, 'text/javascript', navScript);
      return;
    }
    const page = pages.get(routeKey(where.host, where.pathname));
    if (page === undefined) {
      send(res, 404, 'text/html', '<!doctype html><title>Not served</title><p>No fixture at this address.</p>');
      return;
    }
    send(res, 200, 'text/html', withNavScript(page));
  };

  const https = createHttpsServer(selfSignedCertificate(hosts), handle);
  const http = createHttpServer(handle);
  // A proxied https request: answer the CONNECT ourselves and speak TLS inside the tunnel.
  // Tunnels to anything but the careers hosts are refused, so nothing leaves the machine.
  http.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!hosts.includes(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    https.emit('connection', socket);
  });
  // One port for both: a TLS handshake starts with byte 0x16, an http request line never does.
  const front = createNetServer((socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = front.address() as AddressInfo;
  const sockets = new Set<Socket>();
  front.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    port,
    requests,
    addPage,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        front.close(() => resolve());
      }),
  };
}
