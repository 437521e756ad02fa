import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, importsOf, ROOT, TYPESCRIPT, type ImportKind } from '../support/source-tree';

const LIB = join(ROOT, 'lib');

// The edges of the graph: every static statement naming a module (type-only ones too, and bare
// `import '…'`); a dynamic `import()` is not one of them.
const EDGES: readonly ImportKind[] = ['import', 'export', 'side-effect'];

/** The file a relative specifier names, or null when it is not a TypeScript file (JSON, CSS). */
function resolveSpecifier(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  for (const c of candidates) if (/\.tsx?$/.test(c) && existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** Relative imports of each file, as a map from file to the files it imports. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const { specifier, kind } of importsOf(text)) {
      if (!EDGES.includes(kind)) continue;
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      const target = resolveSpecifier(file, specifier);
      if (target === null) {
        if (/\.(?:json|css)$/.test(specifier)) continue;
        throw new Error(`${relative(ROOT, file)}: cannot resolve '${specifier}'`);
      }
      targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** One cycle per group of files that import each other, each written as a → b → … → a. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components, then one cycle through each component of two or
  // more files (or of one file importing itself).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    if (component.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
    // Breadth-first from the start back to itself, staying inside the component: a shortest cycle.
    const previous = new Map<string, string>();
    const queue = [start];
    let found = false;
    while (queue.length && !found) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          previous.set(start, v);
          found = true;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const cycle = [start];
    for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) cycle.unshift(v);
    cycle.unshift(start);
    cycles.push(cycle);
  }
  return cycles;
}

describe('imports under lib/', () => {
  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(graph)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('form no cycle (a module never imports, even by way of others, a module that imports it)', () => {
    const files = filesUnder(LIB, TYPESCRIPT);
    const graph = importGraph(files);
    // The reader must see the imports, or the check below would pass on an empty graph.
    expect(files.length).toBeGreaterThan(50);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    const cycles = cyclesOf(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });
});

describe('Zod', () => {
  // lib/zod.ts sets Zod up for the extension's CSP before any schema parses; a module importing
  // Zod itself could parse first (type-only imports carry no code).
  const ZOD_HOME = join(LIB, 'zod.ts');
  const valueImportsOfZod = (text: string) =>
    importsOf(text)
      .filter(({ specifier, typeOnly }) => !typeOnly && /^zod(?:\/|$)/.test(specifier))
      .map(({ specifier }) => specifier);

  it('is recognised however it is imported, and left alone when only its types are', () => {
    const text = [
      "import { z } from 'zod';",
      "import type { ZodType } from 'zod';",
      "export type { ZodError } from 'zod';",
      "import { toJSONSchema } from 'zod/v4';",
      "export { ZodError } from 'zod';",
      // Split, so that this file's own source holds no dynamic import of Zod for the rule below.
      'const lazy = () => imp' + "ort('zod');",
      "import { zodLike } from './zodiac';",
    ].join('\n');
    expect(valueImportsOfZod(text)).toEqual(['zod', 'zod/v4', 'zod', 'zod']);
  });

  it('is imported from lib/zod.ts everywhere else', () => {
    const files = ['lib', 'components', 'entrypoints', 'scripts', 'tests'].flatMap((dir) => filesUnder(join(ROOT, dir), TYPESCRIPT));
    expect(files.length).toBeGreaterThan(100);
    const direct = files
      .filter((f) => f !== ZOD_HOME && valueImportsOfZod(readFileSync(f, 'utf8')).length > 0)
      .map((f) => relative(ROOT, f));
    expect(direct).toEqual([]);
    expect(valueImportsOfZod(readFileSync(ZOD_HOME, 'utf8'))).toEqual(['zod']);
  });
});
