import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What the architecture tests read the repository with: where it is, its files, their imports. */

export const ROOT = resolve(__dirname, '../../..');

/** Installed, built or generated folders: none of them is the project's source. */
const NOT_SOURCE = new Set(['node_modules', '.output', '.wxt']);

/** TypeScript sources, with or without JSX. */
export const TYPESCRIPT = /\.tsx?$/;

/** Every file under `dir` whose name `only` matches (every file when absent), as absolute paths. */
export function filesUnder(dir: string, only?: RegExp): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!NOT_SOURCE.has(name)) files.push(...filesUnder(path, only));
    } else if (!only || only.test(name)) files.push(path);
  }
  return files;
}

/**
 * How a module names another: `import … from` (type-only included), `export … from`, a dynamic
 * `import(…)`, or a bare `import '…'` run for its side effects (which is how a style sheet is
 * imported). Each test follows the kinds its rule is about.
 */
export type ImportKind = 'import' | 'export' | 'dynamic' | 'side-effect';

export interface ImportOf {
  specifier: string;
  kind: ImportKind;
  /** `import type …` or `export type …`: erased at build, so it carries no code. */
  typeOnly: boolean;
}

// A static statement at the start of a line, or a dynamic `import('…')` anywhere; the part before
// `from` holds no quote or semicolon, so a match never runs across two statements.
const SPECIFIER = /^\s*(import|export)\s+(?:([^'";]*?)\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The modules and files `text` (a module's source) imports, in the order it names them. */
export function importsOf(text: string): ImportOf[] {
  return [...text.matchAll(SPECIFIER)].map(([, keyword, bindings, specifier, dynamic]) => {
    if (dynamic !== undefined) return { specifier: dynamic, kind: 'dynamic' as const, typeOnly: false };
    const kind = keyword === 'export' ? 'export' : bindings === undefined ? 'side-effect' : 'import';
    return { specifier: specifier!, kind, typeOnly: bindings !== undefined && /^type\s/.test(bindings) };
  });
}
