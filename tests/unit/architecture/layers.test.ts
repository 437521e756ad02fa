import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, importsOf, ROOT, TYPESCRIPT } from '../support/source-tree';

/**
 * The UI's layers: `components/shared/` at the bottom (it imports no other components folder),
 * `components/popup/` at the top (nothing else in components/ imports it), and no component
 * reads Dexie itself: its reads are lib/store queries, observed with useLiveQuery.
 */

const COMPONENTS = join(ROOT, 'components');
const ENTRYPOINTS = join(ROOT, 'entrypoints');

/** The database's tables, as lib/store/db.ts declares them (`name: EntityTable<…>`). */
const TABLES = [...readFileSync(join(ROOT, 'lib/store/db.ts'), 'utf8').matchAll(/^\s*(\w+): EntityTable</gm)].map((m) => m[1]!);
const TABLE_CALL = new RegExp(`\\bdb\\s*\\.\\s*(?:${TABLES.join('|')})\\b`);

/** The components folder a specifier in `from` lands in (`shared`, `popup` …), or null outside components/. */
function componentsFolder(from: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const path = relative(COMPONENTS, resolve(dirname(from), specifier));
  if (path.startsWith('..') || path === '') return null;
  return path.split(sep)[0]!;
}

/** Code without its comments, so a comment that names `db.jobs` is not a call. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

interface Breach {
  file: string;
  what: string;
}

/** What in one file breaks the layers; `file` is its path, `text` its source. */
function breachesOf(file: string, text: string): Breach[] {
  const found: Breach[] = [];
  const name = relative(ROOT, file).split(sep).join('/');
  const inComponents = name.startsWith('components/');
  const folder = inComponents ? name.split('/')[1]! : null;
  // Every kind of import: a layer is crossed as much by a re-export or a dynamic import as by an import.
  for (const { specifier } of importsOf(text)) {
    const target = componentsFolder(file, specifier);
    if (folder === 'shared' && target !== null && target !== 'shared') found.push({ file: name, what: `shared imports ${specifier}` });
    if (inComponents && folder !== 'popup' && target === 'popup') found.push({ file: name, what: `imports the popup (${specifier})` });
    if (inComponents && specifier === 'dexie') found.push({ file: name, what: "imports 'dexie'" });
  }
  const call = inComponents ? withoutComments(text).match(TABLE_CALL) : null;
  if (call) found.push({ file: name, what: `calls ${call[0]} (read it through a lib/store query)` });
  return found;
}

describe('the UI layers', () => {
  const files = [...filesUnder(COMPONENTS, TYPESCRIPT), ...filesUnder(ENTRYPOINTS, TYPESCRIPT)];

  it('reads the tree it guards', () => {
    expect(files.some((f) => f.includes(`${sep}shared${sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${sep}popup${sep}`))).toBe(true);
    expect(TABLES).toEqual(expect.arrayContaining(['jobs', 'profile', 'versions']));
  });

  it('has components/shared import no other components folder, nothing but the popup import the popup, and no component call Dexie', () => {
    expect(files.flatMap((file) => breachesOf(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catches each kind of breach', () => {
    // The same check over sources written for the purpose: a guard that passed everything would pass above too.
    const fake = (path: string, text: string) => breachesOf(join(COMPONENTS, path), text).map((b) => b.what);
    expect(fake('shared/x.ts', "import { JobView } from '../job-detail/JobView';")).toEqual(['shared imports ../job-detail/JobView']);
    expect(fake('shared/x.ts', "import { downloadText } from './download';")).toEqual([]);
    expect(fake('saved-jobs/x.tsx', "import type { X } from '../popup/PopupApp';")).toEqual(['imports the popup (../popup/PopupApp)']);
    expect(fake('popup/x.tsx', "import { usePopupData } from './usePopupData';")).toEqual([]);
    expect(fake('profile/x.ts', "import Dexie from 'dexie';")).toEqual(["imports 'dexie'"]);
    expect(fake('profile/x.ts', "import { useLiveQuery } from 'dexie-react-hooks';")).toEqual([]);
    expect(fake('profile/x.ts', "import type { JobLensDb } from '../../lib/store/db';")).toEqual([]);
    expect(fake('job-detail/x.ts', 'const job = await api.db.jobs.get(id);')).toEqual([
      'calls db.jobs (read it through a lib/store query)',
    ]);
    expect(fake('job-detail/x.ts', 'const n = await db.profile.count();')).toEqual([
      'calls db.profile (read it through a lib/store query)',
    ]);
    expect(fake('job-detail/x.ts', '// not db.jobs.get: a comment\nconst job = await getJob(api.db, id);')).toEqual([]);
    expect(fake('limit/x.tsx', "const { openMemoryDb } = await import('../popup/x');")).toEqual(['imports the popup (../popup/x)']);
  });
});
