import {
  BSMS_WORD,
  DEGREE_TAG_TEXT,
  GRADUATE_WORDS,
  INTAKE,
  INTERN_WORDS,
  MBA_WORD,
  PHD_WORD,
  PROGRAM_TRACKS,
  type ProgramTrack,
} from '../sites/programs';
import type { Program } from './schema';

/**
 * Which early-career program a posting belongs to, from what the page shows: the title's intake
 * suffix and degree tag, the employment type, the degree levels and intake the extractor read
 * (older pages carry them in the value row under the title) and whether the posting states the
 * application limit at all. Pure and free of Zod: the background, the popup and tests run it alike.
 */

export type { Program } from './schema';

/** The user's correction for one job: another program, "no limit", or none (the posting decides). */
export type ProgramOverride = Program | 'none' | null;

export interface ProgramInput {
  title: string;
  employmentType?: string | null;
  degreeLevels?: readonly string[];
  /** "2026 Start" as the extractor read it (title suffix or the older pages' value row). */
  cohort?: string | null;
  /**
   * The limit sentence as read. `null`: the page was read and states none, so the posting is an
   * experienced hire and belongs to no program. `undefined`: not known (a row of the site's
   * application history has only a title), so the title alone decides.
   */
  applicationLimit?: { max: number } | null;
}

/** The key's intake part when the posting names none. */
const NO_INTAKE = 'any';

function normaliseIntake(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = INTAKE.exec(text);
  if (!m) return null;
  return `${m[1]} ${m[2]!.charAt(0).toUpperCase()}${m[2]!.slice(1).toLowerCase()}`;
}

function degreeTags(title: string): string[] {
  return [...title.matchAll(DEGREE_TAG_TEXT)].map((m) => m[1]!);
}

type Degree = 'bsms' | 'phd' | 'mba';

function degreeOf(title: string, tags: readonly string[], levels: readonly string[]): Degree {
  const tagText = tags.join(' ');
  if (tagText) {
    // A tag naming bachelor's or master's is the wider track even when it adds PhD.
    if (BSMS_WORD.test(tagText)) return 'bsms';
    if (PHD_WORD.test(tagText)) return 'phd';
    if (MBA_WORD.test(tagText)) return 'mba';
  }
  const untagged = title.replace(DEGREE_TAG_TEXT, ' ');
  if (PHD_WORD.test(untagged)) return 'phd';
  if (MBA_WORD.test(untagged)) return 'mba';
  if (levels.length === 1 && levels[0] === 'PhD') return 'phd';
  return 'bsms';
}

function trackOf(kind: 'intern' | 'graduate', degree: Degree): ProgramTrack {
  if (kind === 'intern') return degree === 'bsms' ? 'intern-bsms' : degree === 'phd' ? 'intern-phd' : 'intern-mba';
  return degree === 'bsms' ? 'graduate' : degree === 'phd' ? 'graduate-phd' : 'graduate-mba';
}

/** The key and label of a track and an intake ("2026 Start", or null when the posting names none). */
export function programFor(track: ProgramTrack, intake: string | null): Program {
  const slug = intake ? intake.toLowerCase().replace(/\s+/g, '-') : NO_INTAKE;
  return {
    key: `${track}:${slug}`,
    label: intake ? `${PROGRAM_TRACKS[track]} · ${intake}` : `${PROGRAM_TRACKS[track]} · intake not stated`,
  };
}

/** The intake a posting names ("2026 Start"), from the extractor's cohort or the title; null when none. */
export function intakeOf(posting: Pick<ProgramInput, 'title' | 'cohort'>): string | null {
  return normaliseIntake(posting.cohort) ?? normaliseIntake(posting.title);
}

/** True when the program's key names an intake; a program without one needs a time window. */
export function hasIntake(program: Program): boolean {
  return !program.key.endsWith(`:${NO_INTAKE}`);
}

/**
 * The posting's early-career program, or null for a posting that counts against no limit.
 * A posting whose page states no limit is an experienced hire (the campus and intern postings
 * carry the limit sentence); with the limit unknown, the title must show a campus sign (an intake,
 * a degree tag, or the word intern or graduate) before it belongs to a program.
 */
export function deriveProgram(posting: ProgramInput): Program | null {
  if (posting.applicationLimit === null) return null;
  const title = posting.title;
  const tags = degreeTags(title);
  const intake = intakeOf(posting);
  const employment = posting.employmentType ?? '';
  const intern = INTERN_WORDS.test(title) || INTERN_WORDS.test(employment);
  const graduate = !intern && GRADUATE_WORDS.test(title);
  if (posting.applicationLimit === undefined && !intern && !graduate && !intake && tags.length === 0) return null;
  const degree = degreeOf(title, tags, posting.degreeLevels ?? []);
  return programFor(trackOf(intern ? 'intern' : 'graduate', degree), intake);
}

/** The program a job counts against: the user's correction where there is one, else the posting's. */
export function effectiveProgram(posting: ProgramInput, override: ProgramOverride | undefined): Program | null {
  if (override === 'none') return null;
  if (override) return override;
  return deriveProgram(posting);
}
