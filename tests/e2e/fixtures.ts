import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from '../../lib/zod';

/**
 * The saved pages in tests/fixtures and what each must produce. The end-to-end tests, the fixture
 * server and the benchmark all read them through here, so a malformed expectation file fails loudly
 * once instead of making a browser test silently check nothing.
 */

// E2E_FIXTURES_DIR lets a harness change be tried on a scratch set of pages.
export const FIXTURES_DIR = process.env.E2E_FIXTURES_DIR ?? resolve(import.meta.dirname, '../fixtures');

const ExpectedSchema = z.object({
  origin: z.string(),
  url: z.url(),
  expect: z.enum(['job', 'not-job', 'apply']),
  // Field names are checked against the posting schema by the unit tests; here every field the
  // fixture names is compared as it stands.
  posting: z.record(z.string(), z.unknown()).optional(),
  descriptionIncludes: z.array(z.string()).optional(),
  descriptionExcludes: z.array(z.string()).optional(),
  jobInformationIncludes: z.array(z.string()).optional(),
});
type Expected = z.infer<typeof ExpectedSchema>;

export interface Fixture {
  name: string;
  html: string;
  /** The address the page is served at, under its real host. */
  url: URL;
  expected: Expected;
}

export interface JobFixture extends Fixture {
  /** The posting fields the row must hold, keyed by field name; always carries jobId and title. */
  posting: Record<string, unknown> & { jobId: string; title: string };
}

export function loadFixtures(dir: string = FIXTURES_DIR): Fixture[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((file) => file.endsWith('.expected.json'));
  } catch {
    return [];
  }
  return names.sort().map((file) => {
    const name = file.slice(0, -'.expected.json'.length);
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = ExpectedSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (parsed.data.expect === 'job') {
      const posting = parsed.data.posting;
      if (!posting || typeof posting.jobId !== 'string' || typeof posting.title !== 'string') {
        throw new Error(`${file}: a job fixture needs posting.jobId and posting.title`);
      }
    }
    return { name, html: readFileSync(join(dir, `${name}.html`), 'utf8'), url: new URL(parsed.data.url), expected: parsed.data };
  });
}

export function jobFixtures(fixtures: Fixture[]): JobFixture[] {
  return fixtures.filter((f) => f.expected.expect === 'job').map((f) => ({ ...f, posting: f.expected.posting as JobFixture['posting'] }));
}

/** The fixture of that name; a missing one stops the run with its name rather than failing later. */
export function fixtureNamed<F extends Fixture>(fixtures: readonly F[], name: string): F {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`fixture ${name} is missing from tests/fixtures`);
  return found;
}

/** The saved application form (`/resume/<id>/apply`) of a job fixture, if there is one. */
export function applyFormOf(fixtures: readonly Fixture[], job: JobFixture): Fixture | undefined {
  return fixtures.find((f) => f.expected.expect === 'apply' && f.url.pathname.includes(job.posting.jobId));
}
