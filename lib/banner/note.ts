/**
 * The short note on the confirmation page: the application was recorded, with an undo. Like the
 * limit banner it runs in the content script, so it is plain DOM in a closed shadow root, text
 * only (the title comes from a page and is never parsed as markup), no React and no Zod.
 */

export const NOTE_TAG = 'job-lens-note';

const CSS = `
:host { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483647; }
.box { max-width: 380px; box-sizing: border-box; padding: 12px 40px 12px 14px; border-radius: 8px; position: relative;
  font: 14px/1.4 system-ui, sans-serif; color: #1f2937; background: #f0fdf4; border: 2px solid #15803d;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); }
p { margin: 0 0 6px; }
.undo { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #15803d; background: #fff; color: #14532d; cursor: pointer; }
.close { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; border: 0; background: transparent;
  color: inherit; font-size: 18px; line-height: 1; cursor: pointer; }
button:focus-visible { outline: 2px solid #1d4ed8; }
`;

export interface NoteHandle {
  host: HTMLElement;
  root: ShadowRoot;
}

export function removeNote(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(NOTE_TAG))) host.remove();
}

function styles(doc: Document, root: ShadowRoot): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in root) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Older engines without constructable sheets fall through.
    }
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
}

function noteText(title: string | null): string {
  return `Job Lens recorded your application${title ? ` to ${title}` : ''} today. It counts towards your limit.`;
}

/**
 * Shows the note. `undo` asks the background to revert exactly this recording and answers with
 * the message to show instead.
 */
export function renderSubmittedNote(doc: Document, title: string | null, undo: () => Promise<string>): NoteHandle {
  removeNote(doc);
  const host = doc.createElement(NOTE_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  styles(doc, root);
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  const message = doc.createElement('p');
  message.textContent = noteText(title);
  const undoButton = doc.createElement('button');
  undoButton.type = 'button';
  undoButton.className = 'undo';
  undoButton.textContent = 'Undo';
  undoButton.addEventListener('click', () => {
    undoButton.disabled = true;
    undo()
      .then((text) => {
        message.textContent = text;
        undoButton.remove();
      })
      .catch(() => {
        message.textContent = 'Job Lens could not undo it here; change it in the popup.';
        undoButton.disabled = false;
      });
  });
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss the Job Lens note');
  close.addEventListener('click', () => host.remove());
  box.append(message, undoButton, close);
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root };
}
