/**
 * The marks' styles. They live in the background and arrive with the first answer that has
 * something to draw, so the content script, loaded on every careers page, does not carry them.
 * Light by default like the careers site, dark with the user's preference; text contrast at
 * least 4.5:1 in both.
 */
// Not `all: initial`: resetting every property of every mark costs style time on each render of a
// long list. Only what a mark inherits from the site's title is reset.
// A list mark is inline, boxes and all: as a positioned inline-block holding a visually hidden
// label placed absolutely, each of 50 marks was laid out on its own, and they added 3.5–12 ms to a
// re-render of the 100-card list against 1.5–2.4 ms inline (a scratch benchmark, the two
// alternated). Its label is the pill's own name (role img), and the mark is positioned only while
// its tooltip shows.
const BASE =
  ':host{font:400 12px/18px system-ui,sans-serif;color:initial;letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:left;text-shadow:none;white-space:normal;visibility:visible;cursor:auto}';
const TONES =
  '.m{color:#1f3a5f;background:#e8eef8;border:1px solid #8ea6c8}.warn{color:#6b3600;background:#fff4e0;border-color:#d39b45}.bad{color:#8a1c1c;background:#fdecec;border-color:#dc9a9a}' +
  '@media(prefers-color-scheme:dark){.m{color:#dbe7ff;background:#1b2638;border-color:#4a6283}.warn{color:#ffd89a;background:#38280c;border-color:#8a6a2a}.bad{color:#ffc2c2;background:#3a1717;border-color:#8a4a4a}}';
const MARK_CSS =
  BASE +
  TONES +
  ':host{display:inline;margin-left:6px;vertical-align:middle;font-size:12px;line-height:18px}.m{padding:0 6px;border-radius:9px;font-weight:600;white-space:nowrap}' +
  '.t{display:none;position:absolute;left:0;top:100%;z-index:2147483647;width:max-content;max-width:280px;margin-top:2px;padding:4px 6px;border-radius:4px;color:#fff;background:#1f2937;pointer-events:none}' +
  ':host(:hover),:host([focus]){position:relative}:host(:hover) .t,:host([focus]) .t{display:block}';
const LINE_CSS =
  BASE +
  TONES +
  ':host{display:block;margin:6px 0;font-size:14px;line-height:20px}.m{display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:4px 8px;border-radius:6px;max-width:720px}' +
  'button{font:inherit;color:inherit;background:none;border:0;padding:2px 4px;border-radius:4px;cursor:pointer}button:focus-visible{outline:2px solid #1d4ed8}.b{flex:1;text-align:left;font-weight:600}.d{flex-basis:100%}.d p{margin:2px 4px}.o{text-decoration:underline}';

export const MARK_STYLES = { mark: MARK_CSS, line: LINE_CSS };
