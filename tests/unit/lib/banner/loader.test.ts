import { describe, expect, it, vi } from 'vitest';
import type { BannerContent } from '../../../../lib/banner/content';
import type { BannerEntry } from '../../../../lib/banner/inject';
import { createBannerShower } from '../../../../lib/banner/loader';

const banner = (count: number): BannerContent => ({
  title: `Job Lens: ${count} of 2`,
  program: 'Undergrad/Master Intern · 2026 Start',
  consequence: count >= 2 ? 'This application would not be considered.' : 'One place left.',
  intro: 'Applications so far:',
  items: [],
  alert: count >= 2,
  onForm: false,
  dismissKey: `intern-bsms:2026-start@${count}/2`,
});

/** A tab: the banner script is "injected" when the test resolves the pending load. */
function tab() {
  let entry: BannerEntry | undefined;
  const shown: (string | null)[] = [];
  const loads: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let invalid = false;
  const show = createBannerShower({
    load: () =>
      new Promise<void>((resolve, reject) => {
        loads.push({
          resolve: () => {
            entry = (content) => shown.push(content.title);
            resolve();
          },
          reject,
        });
      }),
    entry: () => entry,
    remove: () => shown.push(null),
    isInvalid: () => invalid,
    log: vi.fn(),
  });
  return { show, shown, loads, invalidate: () => (invalid = true) };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the banner on a job page', () => {
  it('loads the banner script on the first banner only, and shows each banner after it', async () => {
    const t = tab();
    t.show(banner(1));
    expect(t.loads).toHaveLength(1);
    expect(t.shown).toEqual([]);
    t.loads[0]!.resolve();
    await settle();
    expect(t.shown).toEqual(['Job Lens: 1 of 2']);
    t.show(banner(2));
    expect(t.loads).toHaveLength(1);
    expect(t.shown).toEqual(['Job Lens: 1 of 2', 'Job Lens: 2 of 2']);
  });

  it('never loads anything for a page with no banner, and removes one at once', () => {
    const t = tab();
    t.show(null);
    expect(t.loads).toHaveLength(0);
    expect(t.shown).toEqual([null]);
  });

  it('shows only the latest answer once the script is in', async () => {
    const t = tab();
    t.show(banner(1));
    t.show(banner(2));
    expect(t.loads).toHaveLength(1);
    t.loads[0]!.resolve();
    await settle();
    expect(t.shown).toEqual(['Job Lens: 2 of 2']);
  });

  it('does not show a banner answered before a later "none"', async () => {
    const t = tab();
    t.show(banner(1));
    t.show(null);
    t.loads[0]!.resolve();
    await settle();
    expect(t.shown).toEqual([null]);
  });

  it('tries the load again with the next banner after a failed one', async () => {
    const t = tab();
    t.show(banner(1));
    t.loads[0]!.reject(new Error('no tab'));
    await settle();
    t.show(banner(2));
    expect(t.loads).toHaveLength(2);
    t.loads[1]!.resolve();
    await settle();
    expect(t.shown).toEqual(['Job Lens: 2 of 2']);
  });

  it('does nothing once the extension is gone', async () => {
    const t = tab();
    t.show(banner(1));
    t.invalidate();
    t.loads[0]!.resolve();
    await settle();
    t.show(banner(2));
    t.show(null);
    expect(t.shown).toEqual([]);
  });
});
