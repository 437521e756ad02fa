import { localDay } from '../../lib/date';
import { ProfileSchema, describeProfileError, type Profile } from '../../lib/profile/schema';
import { EXPORT_FORMAT } from '../../lib/transfer/format';

/**
 * A profile file is what `npm run match -- --profile <file>` reads: the profile object itself.
 * A whole Job Lens export is accepted too, for its profile part; the rest of it (jobs, notes)
 * belongs to the popup's import, which merges it into the database.
 */
export type ProfileFile = { ok: true; profile: Profile; fromExport: boolean } | { ok: false; reason: string };

export function readProfileFile(text: string): ProfileFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  let fromExport = false;
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === EXPORT_FORMAT) {
    const stored = (data as { profile?: { data?: unknown } | null }).profile;
    if (!stored) return { ok: false, reason: 'this Job Lens export has no profile in it' };
    data = stored.data;
    fromExport = true;
  }
  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: describeProfileError(parsed.error) };
  return { ok: true, profile: parsed.data, fromExport };
}

export function profileFileText(profile: Profile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** job-lens-profile-2025-11-15.json: sorts by date next to the full exports. */
export function profileFileName(now: Date): string {
  return `job-lens-profile-${localDay(now)}.json`;
}
