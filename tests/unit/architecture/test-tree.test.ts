import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT } from '../support/source-tree';

/**
 * The unit tests are a map of the code: a test of `lib/match/dates.ts` is found at
 * `tests/unit/lib/match/dates.test.ts`, so the tests of a module are found without searching and
 * a folder of source without tests shows as a folder missing here. The top folders mirror the
 * source roots; `support/` holds what the tests share (set-up, factories, page helpers) and no
 * test; `architecture/` holds the tests of the whole code base (layers, import cycles, patterns).
 */

const UNIT = join(ROOT, 'tests/unit');

/** The source roots the tests mirror, folder for folder. */
const MIRRORED = ['lib', 'components', 'entrypoints', 'scripts'];
const TEST = /\.test\.tsx?$/;

/**
 * Why a file under tests/unit (`file`, relative to it, with `/`) is out of place, or null.
 * `isSourceFolder` says whether a folder of the repository (`lib/match`) exists.
 */
function misplaced(file: string, isSourceFolder: (folder: string) => boolean): string | null {
  const parts = file.split('/');
  const top = parts[0]!;
  if (!TEST.test(file)) return top === 'support' ? null : 'a helper outside support/';
  if (top === 'architecture') return null;
  if (!MIRRORED.includes(top)) return `a test outside ${[...MIRRORED, 'architecture'].join('/, ')}/`;
  const folder = parts.slice(0, -1).join('/');
  return isSourceFolder(folder) ? null : `a test in ${folder}/, which the source tree does not have`;
}

const isSourceFolder = (folder: string) => existsSync(join(ROOT, folder)) && statSync(join(ROOT, folder)).isDirectory();

describe('the unit test tree', () => {
  it('mirrors the source tree, with helpers in support/', () => {
    // Every file, whatever its kind: a stray fixture or helper is as out of place as a test.
    const files = filesUnder(UNIT).map((path) => relative(UNIT, path).split(sep).join('/'));
    const found = files.flatMap((file) => {
      const why = misplaced(file, isSourceFolder);
      return why ? [`tests/unit/${file}: ${why}`] : [];
    });
    expect(found).toEqual([]);
  });

  it('finds each kind of misplaced file', () => {
    const folders = new Set(['lib', 'lib/match', 'components', 'components/popup', 'entrypoints', 'scripts']);
    const has = (folder: string) => folders.has(folder);
    expect(misplaced('lib/match/dates.test.ts', has)).toBeNull();
    expect(misplaced('lib/date.test.ts', has)).toBeNull();
    expect(misplaced('components/popup/popup.test.tsx', has)).toBeNull();
    expect(misplaced('architecture/layers.test.ts', has)).toBeNull();
    expect(misplaced('support/factory.ts', has)).toBeNull();

    expect(misplaced('match/dates.test.ts', has)).toMatch(/outside/);
    expect(misplaced('dates.test.ts', has)).toMatch(/outside/);
    expect(misplaced('support/factory.test.ts', has)).toMatch(/outside/);
    expect(misplaced('lib/matching/dates.test.ts', has)).toMatch(/lib\/matching\/, which the source tree does not have/);
    expect(misplaced('components/popup/list/list.test.tsx', has)).toMatch(/does not have/);
    expect(misplaced('lib/match/table.ts', has)).toMatch(/helper outside support/);
  });
});
