import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, type ImportKind } from '../support/source-tree';

/**
 * Where the pages' CSS lives: each entrypoint's style.css holds its tokens and base element rules
 * only (every class is styled beside the components that use it), and a page-specific shared sheet
 * (`components/shared/popup-*.css`, `options-*.css`) is bundled only into its own page. Both pages'
 * sheets style the same class names differently (`.hint`), so one imported by a part of the other
 * page would restyle it.
 */

// What the bundle is followed through: imports and bare `import '…'` (a sheet's own form), not
// `export … from` or a dynamic `import()`.
const FOLLOWED: readonly ImportKind[] = ['import', 'side-effect'];

/** The selectors of a style sheet that name a class, comments and declarations left out. */
function classSelectors(css: string): string[] {
  const selectors = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\{[^{}]*\}/g, ';')
    .split(/[;{}]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('@'));
  return selectors.flatMap((s) => s.split(',').map((one) => one.trim())).filter((one) => /\.[a-z_-]/i.test(one));
}

/** Every module and style sheet `entry` imports, directly or not (relative imports only). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.css')) return;
    for (const { specifier, kind } of importsOf(readFileSync(file, 'utf8'))) {
      if (!FOLLOWED.includes(kind)) continue;
      if (!specifier.startsWith('.')) continue;
      const base = resolve(dirname(file), specifier);
      const target = [base, `${base}.ts`, `${base}.tsx`].find((p) => existsSync(p) && /\.(tsx?|css)$/.test(p));
      if (target) visit(target);
    }
  };
  visit(entry);
  return seen;
}

const name = (file: string) => relative(ROOT, file).split(sep).join('/');

describe('the pages’ style sheets', () => {
  for (const page of ['popup', 'options'] as const) {
    it(`keeps entrypoints/${page}/style.css to tokens and base element rules`, () => {
      expect(classSelectors(readFileSync(join(ROOT, `entrypoints/${page}/style.css`), 'utf8'))).toEqual([]);
    });

    it(`bundles into the ${page} page none of the other page’s shared sheets`, () => {
      const other = page === 'popup' ? 'options' : 'popup';
      const sheets = [...reachable(join(ROOT, `entrypoints/${page}/main.tsx`))].map(name).filter((f) => f.endsWith('.css'));
      expect(sheets).toContain(`entrypoints/${page}/style.css`);
      expect(sheets.some((f) => f.startsWith(`components/shared/${page}-`))).toBe(true);
      expect(sheets.filter((f) => f.startsWith(`components/shared/${other}-`))).toEqual([]);
    });
  }

  it('finds class selectors wherever a rule names one', () => {
    // The same reading over sheets written for the purpose: a guard that found nothing would pass above too.
    expect(classSelectors(':root {\n  --bg: #fff;\n}\nbody,\nbutton:disabled {\n  opacity: 0.6;\n}')).toEqual([]);
    expect(classSelectors('/* .card */\n@media (prefers-color-scheme: dark) {\n  :root {\n    --bg: #000;\n  }\n}')).toEqual([]);
    expect(classSelectors('button,\n.button {\n  padding: 0;\n}\nh2 { margin: 0 }\n.card h2 { margin: 0 }')).toEqual([
      '.button',
      '.card h2',
    ]);
  });
});
