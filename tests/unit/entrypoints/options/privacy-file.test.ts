// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../../wxt.config';

// The options page links /PRIVACY.txt: the build must put PRIVACY.md there, word for word.
describe('privacy notice in the build', () => {
  it('ships as PRIVACY.txt, copied from PRIVACY.md', async () => {
    const files: { relativeDest: string; absoluteSrc?: string }[] = [];
    const hook = (config.hooks as Record<string, ((wxt: unknown, files: unknown[]) => unknown) | undefined> | undefined)?.[
      'build:publicAssets'
    ];
    await hook?.({}, files);
    const privacy = files.find((f) => f.relativeDest === 'PRIVACY.txt');
    expect(privacy?.absoluteSrc).toBeDefined();
    expect(readFileSync(privacy!.absoluteSrc!, 'utf8')).toBe(readFileSync(new URL('../../../../PRIVACY.md', import.meta.url), 'utf8'));
  });

  it('is linked from the README', () => {
    expect(readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')).toContain('[PRIVACY.md](PRIVACY.md)');
  });
});
