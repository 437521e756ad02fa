import { careersHost } from '../sites/hosts';
import { classifyUrl, type PageKind } from '../sites/urls';
import type { MessageName, RequestOf } from './protocol';

/**
 * Who may send what. The careers site's renderer runs our content script; if that renderer is
 * compromised, whatever the content script can send, the site can send. So a content script may
 * only report what it sees on its own tab, and everything that reads or changes the user's data
 * beyond that comes only from the extension's own pages.
 */
export type SenderKind = 'content' | 'extension';

/**
 * Every message, with the senders allowed to send it. The `satisfies` makes a new message in the
 * protocol a compile error here until someone decides who may send it.
 */
export const MESSAGE_SENDERS = {
  'page:read': ['content'],
  // A posting already read: the content script sends the page's text (page:read) and the
  // background reads it, so a compromised renderer cannot hand over a posting of its own making
  // (a future extractedAt on one would have frozen the job's text against every later visit). No
  // page of the extension sends it either; the tests and tools record a visit through it.
  'posting:seen': ['extension'],
  'posting:gone': ['content'],
  'apply:started': ['content'],
  'limit:get': ['content', 'extension'],
  'apply:confirm': ['extension'],
  'apply:dismiss': ['extension'],
  'job:setStatus': ['extension'],
  'job:setNotes': ['extension'],
  'job:acknowledgeChange': ['extension'],
  'job:delete': ['extension'],
  'settings:setCycleStart': ['extension'],
  'settings:setRecordPrivate': ['extension'],
  'profile:save': ['extension'],
  // What the site's own pages report: a confirmation, the "already applied" dialog, the history,
  // the page note's undo, the account pages' script to load, a closed page banner.
  'apply:submitted': ['content'],
  'apply:duplicate': ['content'],
  'apply:undo': ['content'],
  'history:read': ['content'],
  'flows:load': ['content'],
  'banner:load': ['content'],
  'banner:dismiss': ['content'],
  'apply:later': ['extension'],
  'job:setProgram': ['extension'],
  'settings:setStrictLimit': ['extension'],
  'data:deleteAll': ['extension'],
  'data:imported': ['extension'],
  'data:status': ['extension'],
  'data:dismissNotice': ['extension'],
  'data:snapshot': ['extension'],
  // The marks script on the careers site's pages (injected by the background); the setting only
  // from the options page.
  'marks:get': ['content'],
  'marks:dismissLine': ['content'],
  'marks:openPopup': ['content'],
  'marks:setPrefs': ['extension'],
} as const satisfies { readonly [K in MessageName]: readonly SenderKind[] };

export type ContentMessageName = {
  [K in MessageName]: 'content' extends (typeof MESSAGE_SENDERS)[K][number] ? K : never;
}[MessageName];

export function allowedSenders(name: MessageName): readonly SenderKind[] {
  return MESSAGE_SENDERS[name];
}

/** The checked sender of a message; handlers receive it with the payload. */
export type MessageContext =
  | {
      sender: 'extension';
      /** The extension page that sent it (popup, options), when known. */
      senderUrl?: string;
      tabId?: number;
    }
  | {
      sender: 'content';
      /** The sending tab. */
      tabId: number;
      /** The tab's address as the browser reports it, not as the message claims. */
      senderUrl: string;
      /** What that address is on the careers site: job ids, sites and URLs come from here. */
      page: PageKind;
      /** The tab is in a private (incognito) window. */
      incognito: boolean;
    };

export class RefusedSender extends Error {
  override name = 'RefusedSender';
}

/**
 * Per content-script message: how its payload is tied to the sending tab (returns the payload the
 * handler sees, or throws a refusal), and whether it records something about the tab (refused in
 * private windows unless the user allowed it). Keyed by every content message, so allowing a new
 * message from content scripts is a compile error until it is bound here too.
 */
export interface ContentBinding<K extends MessageName> {
  records: boolean;
  bind(data: RequestOf<K>, page: PageKind): RequestOf<K>;
}

const onJobPage = (page: PageKind, name: string) => {
  if (page.kind !== 'job') throw new RefusedSender(`${name} is only accepted from a job page`);
  return page;
};

function onPage<T>(page: PageKind, kinds: readonly PageKind['kind'][], name: string, data: T): T {
  if (!kinds.includes(page.kind)) throw new RefusedSender(`${name} is not accepted from this page`);
  return data;
}

export const CONTENT_BINDINGS: { readonly [K in ContentMessageName]: ContentBinding<K> } = {
  'page:read': {
    records: true,
    // The background reads the page under the tab's own address; the id only has to agree with it.
    bind(data, page) {
      const tab = onJobPage(page, 'page:read');
      if (data.jobId !== tab.jobId)
        throw new RefusedSender(`page:read: a reading of job ${data.jobId}, but the tab shows job ${tab.jobId}`);
      return data;
    },
  },
  'apply:started': {
    records: true,
    bind({ site, jobId }, page) {
      // A sign-in page on the way to a form names the form it returns to (same host only).
      const formJobId = page.kind === 'apply' ? page.jobId : page.kind === 'login' ? page.formJobId : null;
      if ((page.kind !== 'apply' && page.kind !== 'login') || formJobId === null) {
        throw new RefusedSender('apply:started is only accepted from an application form or the sign-in page before it');
      }
      if (site !== page.site || jobId !== formJobId) {
        throw new RefusedSender(`apply:started: the message names ${site} job ${jobId}, but the tab shows ${page.site} job ${formJobId}`);
      }
      return { site: page.site, jobId: formJobId, viaReferral: page.viaReferral, ...(page.kind === 'login' ? { signIn: true } : {}) };
    },
  },
  'posting:gone': {
    records: false,
    bind({ site, jobId }, page) {
      const tab = onJobPage(page, 'posting:gone');
      if (site !== tab.site || jobId !== tab.jobId) throw new RefusedSender(`posting:gone: the tab shows ${tab.site} job ${tab.jobId}`);
      return { site: tab.site, jobId: tab.jobId };
    },
  },
  'limit:get': { records: false, bind: (data) => data },
  // The job these name is the one the background remembers for the tab, never one in the payload.
  'apply:submitted': { records: true, bind: (data, page) => onPage(page, ['applied'], 'apply:submitted', data) },
  'apply:duplicate': { records: true, bind: (data, page) => onPage(page, ['apply'], 'apply:duplicate', data) },
  'apply:undo': { records: false, bind: (data, page) => onPage(page, ['applied'], 'apply:undo', data) },
  'history:read': { records: true, bind: (data, page) => onPage(page, ['history'], 'history:read', data) },
  'flows:load': { records: false, bind: (data, page) => onPage(page, ['apply', 'applied', 'history', 'login'], 'flows:load', data) },
  'banner:load': { records: false, bind: (data, page) => onPage(page, ['job', 'apply'], 'banner:load', data) },
  'banner:dismiss': { records: false, bind: (data, page) => onPage(page, ['job', 'apply'], 'banner:dismiss', data) },
  // What a page may learn is bounded by the ids it shows (at most a batch per message) and reveals
  // only what the marks draw; the job page line is only for the tab's own job.
  'marks:get': {
    records: false,
    bind({ jobIds, lineFor }, page) {
      if (lineFor === undefined) return { jobIds };
      if (page.kind !== 'job' || page.jobId !== lineFor) throw new RefusedSender(`marks:get: the line is only for the tab's own job`);
      return { jobIds, lineFor };
    },
  },
  'marks:dismissLine': { records: false, bind: (data, page) => onPage(page, ['job'], 'marks:dismissLine', data) },
  'marks:openPopup': { records: false, bind: (data, page) => onPage(page, ['job'], 'marks:openPopup', data) },
};

/** The parts of `runtime.MessageSender` the check reads (Chrome and Firefox fill these). */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; incognito?: boolean };
}

export interface Self {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('/')`: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  baseUrl: string;
}

export type SenderVerdict = { ok: true; context: MessageContext } | { ok: false; message: string };

/**
 * Who sent a message, from what the browser says about the sender (never from the message):
 * another extension, or a web page through `externally_connectable` (none is declared), is
 * refused; so is anything of ours that is neither an extension page nor a content script in the
 * top frame of a careers page over https.
 */
export function classifySender(sender: RawSender, self: Self): SenderVerdict {
  if (sender.id !== self.id) return { ok: false, message: 'the message is not from Job Lens' };
  const url = parseUrl(sender.url);
  if (!url) return { ok: false, message: 'the sender has no address' };
  const base = parseUrl(self.baseUrl);
  // Compared by scheme and host: URL.origin is "null" for schemes the URL standard does not know.
  if (base && url.protocol === base.protocol && url.host === base.host && url.host !== '') {
    return {
      ok: true,
      context: { sender: 'extension', senderUrl: url.href, ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }) },
    };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, message: 'a page message must come from a tab' };
  if (sender.frameId !== undefined && sender.frameId !== 0) {
    return { ok: false, message: 'Job Lens only reads the top frame of a careers page' };
  }
  // After a client-side navigation (history.pushState) Chromium still reports the document's first
  // URL as `sender.url`; the tab's URL is the one the user sees. Both come from the browser, and a
  // same-document navigation cannot change the origin, so the two must agree on it.
  const tabUrl = parseUrl(sender.tab?.url);
  if (tabUrl && `${tabUrl.protocol}//${tabUrl.host}` !== `${url.protocol}//${url.host}`) {
    return { ok: false, message: 'the sender and its tab are on different sites' };
  }
  const page = tabUrl ?? url;
  if (page.protocol !== 'https:' || careersHost(page.hostname) === null) {
    return { ok: false, message: `${page.protocol}//${page.hostname} is not a careers site Job Lens reads` };
  }
  return {
    ok: true,
    context: { sender: 'content', tabId, senderUrl: page.href, page: classifyUrl(page), incognito: sender.tab?.incognito === true },
  };
}

function parseUrl(text: string | undefined): URL | null {
  if (!text) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
