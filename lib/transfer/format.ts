import type { z } from 'zod';
import type { JobPosting } from '../posting/schema';
import type { Profile } from '../profile/schema';
import type { JobRecord } from '../store/schema';
import * as v1 from './formats/v1';
import * as v2 from './formats/v2';
// The latest export format. A new format version changes this import and adds a step below.
import * as latest from './formats/v2';

/**
 * The export file. Every version ever written is read (`FORMAT_STEPS`) and upgraded to the latest;
 * its name and version are checked before anything else, so a file from another program or a
 * newer Job Lens gets a plain answer instead of a list of schema errors.
 */
export const EXPORT_FORMAT = latest.FORMAT;
export const EXPORT_VERSION = latest.VERSION;

/**
 * Limits against hostile or runaway files. Real exports are far below them: a job is a few
 * kilobytes, and a season of searching is hundreds of jobs, not tens of thousands.
 */
export const IMPORT_LIMITS = {
  maxChars: 100_000_000,
  maxJobs: 50_000,
  maxVersions: 200_000,
  maxSettings: 100,
} as const;
export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

export type ExportFile = latest.File;
export type ExportedVersion = ExportFile['versions'][number];

/**
 * One format version: its schema, and how a file of the previous version becomes one of this
 * version (absent for the first). Reading runs the file's own schema, then every later step.
 */
export interface FormatStep {
  version: number;
  schema: (limits: ImportLimits) => z.ZodType;
  fromPrevious?: (file: never) => unknown;
}

export const FORMAT_STEPS: readonly FormatStep[] = [
  { version: v1.VERSION, schema: v1.fileSchema },
  { version: v2.VERSION, schema: v2.fileSchema, fromPrevious: v2.fromV1 },
];

export type ReadResult =
  | { ok: true; file: ExportFile }
  | { ok: false; reason: 'newer'; version: number }
  | { ok: false; reason: 'unknown-version'; version: unknown }
  | { ok: false; reason: 'invalid'; error: z.ZodError };

/**
 * Validates `data` (an export file's parsed JSON) with the schema of the version it says it is, then
 * upgrades it step by step to the latest. `steps` is for tests of a hypothetical next version.
 */
export function readExportFile(
  data: { version?: unknown },
  limits: ImportLimits = IMPORT_LIMITS,
  steps: readonly FormatStep[] = FORMAT_STEPS,
): ReadResult {
  const newest = steps[steps.length - 1]!.version;
  const { version } = data;
  if (typeof version === 'number' && version > newest) return { ok: false, reason: 'newer', version };
  const start = steps.findIndex((step) => step.version === version);
  if (start < 0) return { ok: false, reason: 'unknown-version', version };
  const parsed = steps[start]!.schema(limits).safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'invalid', error: parsed.error };
  let file: unknown = parsed.data;
  for (const step of steps.slice(start + 1)) file = step.fromPrevious!(file as never);
  return { ok: true, file: file as ExportFile };
}

/**
 * Compile-time guards: the latest format must carry exactly today's job rows and profile, so a new
 * posting or profile field fails to compile here until a new format version is written.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const jobsAreLatest: Equal<ExportFile['jobs'][number], JobRecord> = true;
const postingIsLatest: Equal<ExportedVersion['posting'], JobPosting> = true;
const profileIsLatest: Equal<NonNullable<ExportFile['profile']>['data'], Profile> = true;
void jobsAreLatest;
void postingIsLatest;
void profileIsLatest;
