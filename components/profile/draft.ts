import type { z } from 'zod';
import { DEGREE_LEVELS } from '../../lib/posting/constants';
import { ProfileSchema, WORK_AUTHORIZATION_STATUSES, type Profile, type ProfileInput } from '../../lib/profile/schema';
import { languageIn } from '../../lib/match/languages';
import type {
  ProposedAvailability,
  ProposedDegree,
  ProposedExperience,
  ProposedLanguage,
  ProposedLocation,
  ProposedPublication,
  ProposedSkill,
} from '../../lib/resume/parse';
import { canonicalSkill } from '../../lib/skills/lookup';

/**
 * What the form edits: the profile as the user is typing it. Everything is a string (or a
 * boolean), because half-typed values ("20", "2026-1") must survive until the user finishes; the
 * schema decides on save, and its messages are shown next to the fields they name.
 */
export interface EducationDraft {
  level: string;
  field: string;
  status: string;
  graduation: string;
}
export interface PublicationDraft {
  venue: string;
  year: string;
  firstAuthor: boolean;
}
export interface ExperienceDraft {
  title: string;
  organization: string;
  from: string;
  /** '' while the role goes on. */
  to: string;
  internship: boolean;
}
export interface ProfileDraft {
  education: EducationDraft[];
  skills: string[];
  languages: string[];
  availability: { from: string; to: string }[];
  locations: string[];
  publications: PublicationDraft[];
  workAuthorization: { country: string; status: string }[];
  experience: ExperienceDraft[];
}

export const emptyEducation = (): EducationDraft => ({ level: 'Bachelor', field: '', status: 'pursuing', graduation: '' });
export const emptyPublication = (): PublicationDraft => ({ venue: '', year: '', firstAuthor: false });
export const emptyAvailability = () => ({ from: '', to: '' });
export const emptyWorkAuthorization = () => ({ country: '', status: 'citizen' });
export const emptyExperience = (): ExperienceDraft => ({ title: '', organization: '', from: '', to: '', internship: false });

export function emptyDraft(): ProfileDraft {
  return {
    education: [],
    skills: [],
    languages: [],
    availability: [],
    locations: [],
    publications: [],
    workAuthorization: [],
    experience: [],
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    education: profile.education.map((e) => ({ ...e })),
    skills: [...profile.skills],
    languages: [...profile.languages],
    availability: profile.availability.map((a) => ({ ...a })),
    locations: [...profile.locations],
    publications: profile.publications.map((p) => ({ venue: p.venue, year: String(p.year), firstAuthor: p.firstAuthor })),
    workAuthorization: profile.workAuthorization.map((w) => ({ ...w })),
    experience: profile.experience.map((x) => ({
      title: x.title,
      organization: x.organization,
      from: x.from,
      to: x.to ?? '',
      internship: x.internship,
    })),
  };
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const asRecords = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(asString).filter((s) => s !== '') : []);

/**
 * A stored profile that no longer passes the schema (edited by hand, or from an older version) is
 * loaded as far as it goes, so the user can see and fix it instead of losing it.
 */
export function draftFromUnknown(data: unknown): ProfileDraft {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return {
    education: asRecords(record.education).map((e) => ({
      level: asString(e.level),
      field: asString(e.field),
      status: asString(e.status),
      graduation: asString(e.graduation),
    })),
    skills: asStrings(record.skills),
    languages: asStrings(record.languages),
    availability: asRecords(record.availability).map((a) => ({ from: asString(a.from), to: asString(a.to) })),
    locations: asStrings(record.locations),
    publications: asRecords(record.publications).map((p) => ({
      venue: asString(p.venue),
      year: asString(p.year),
      firstAuthor: p.firstAuthor === true,
    })),
    workAuthorization: asRecords(record.workAuthorization).map((w) => ({ country: asString(w.country), status: asString(w.status) })),
    experience: asRecords(record.experience).map((x) => ({
      title: asString(x.title),
      organization: asString(x.organization),
      from: asString(x.from),
      to: asString(x.to),
      internship: x.internship === true,
    })),
  };
}

/** A year as typed: digits become a number; anything else goes through as is, for the schema to name. */
function yearValue(year: string): unknown {
  const trimmed = year.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function draftToInput(draft: ProfileDraft): ProfileInput {
  return {
    ...draft,
    publications: draft.publications.map((p) => ({ ...p, year: yearValue(p.year) })),
    // An empty end means the role goes on.
    experience: draft.experience.map((x) => ({ ...x, to: x.to.trim() === '' ? null : x.to })),
  } as ProfileInput;
}

/** Field path ("education.0.graduation") → the message to show next to it. */
export type FieldErrors = ReadonlyMap<string, string>;

export type Validation = { ok: true; profile: Profile } | { ok: false; errors: FieldErrors };

/**
 * Zod's wording for type and size issues speaks to programmers ("expected number, received
 * undefined"); the limits and custom messages still come from the schema.
 */
function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'enter a number' : 'required';
    case 'invalid_value':
      return 'choose one of the options';
    case 'too_small':
      if (issue.origin === 'number') return `must be ${String(issue.minimum)} or later`;
      if (issue.origin === 'string') return issue.message;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${String(issue.maximum)} or earlier`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `at most ${String(issue.maximum)} entries`;
      return issue.message;
    default:
      return issue.message;
  }
}

export function validateDraft(draft: ProfileDraft): Validation {
  const parsed = ProfileSchema.safeParse(draftToInput(draft));
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    // A résumé often gives a graduation as a year: ask for the month rather than call it wrong.
    const m = /^education\.(\d+)\.graduation$/.exec(path);
    const year = m ? draft.education[Number(m[1])]?.graduation.trim() : undefined;
    const message = year && /^\d{4}$/.test(year) ? `add the month: ${year}-MM (e.g. ${year}-06)` : messageFor(issue);
    if (!errors.has(path)) errors.set(path, message);
  }
  return { ok: false, errors };
}

/** The words a screen reader and the status line use for a field path. */
export function describePath(path: string): string {
  const [list, index, field] = path.split('.');
  const n = index === undefined ? '' : ` ${Number(index) + 1}`;
  const what: Record<string, string> = {
    education: 'degree',
    skills: 'skill',
    languages: 'language',
    availability: 'availability period',
    locations: 'location',
    publications: 'publication',
    workAuthorization: 'work authorisation',
    experience: 'role',
  };
  const name = what[list ?? ''] ?? list ?? 'profile';
  return field ? `${name}${n}, ${field === 'firstAuthor' ? 'first author' : field}` : `${name}${n}`;
}

// ---------------------------------------------------------------------------------------------
// Proposals from a résumé

/** Skills are the same when they name the same canonical skill ("golang" and "Go"). */
export function skillKey(skill: string): string {
  const target = canonicalSkill(skill);
  return target?.kind === 'skill' ? `skill:${target.name}` : `text:${skill.trim().toLowerCase()}`;
}

/**
 * A proposed degree is one the profile has when the level agrees and the fields do, or either
 * field is empty: "Master's, expected 2029" is not a second master's beside "Master in Data Science".
 */
function sameDegree(a: { level: string; field: string }, b: { level: string; field: string }): boolean {
  if (a.level !== b.level) return false;
  const fa = a.field.trim().toLowerCase();
  const fb = b.field.trim().toLowerCase();
  return fa === '' || fb === '' || fa === fb;
}
const languageKey = (entry: string) => languageIn(entry) ?? entry.trim().toLowerCase();
const availabilityKey = (a: { from: string; to: string }) => `${a.from}|${a.to}`;
const publicationKey = (p: { venue: string; year: string | number | null }) =>
  `${p.venue.trim().toLowerCase()}|${p.year === null ? '' : String(p.year).trim()}`;

export interface Proposals {
  degrees: ProposedDegree[];
  skills: ProposedSkill[];
  publications: ProposedPublication[];
  languages: ProposedLanguage[];
  locations: ProposedLocation[];
  availability: ProposedAvailability[];
  experience: ProposedExperience[];
}

const roleKey = (x: { title: string; from: string }) => `${x.title.trim().toLowerCase()}|${x.from}`;

/** The proposals the profile does not already hold: those are the only ones worth asking about. */
export function newProposals(draft: ProfileDraft, proposals: Proposals): Proposals {
  const skills = new Set(draft.skills.map(skillKey));
  const publications = new Set(draft.publications.map(publicationKey));
  const languages = new Set(draft.languages.map(languageKey));
  const locations = new Set(draft.locations.map((l) => l.trim().toLowerCase()));
  const availability = new Set(draft.availability.map(availabilityKey));
  const roles = new Set(draft.experience.map(roleKey));
  return {
    degrees: proposals.degrees.filter((d) => !draft.education.some((e) => sameDegree(e, d))),
    skills: proposals.skills.filter((s) => !skills.has(skillKey(s.name))),
    publications: proposals.publications.filter((p) => !publications.has(publicationKey(p))),
    languages: proposals.languages.filter((l) => !languages.has(languageKey(l.entry))),
    locations: proposals.locations.filter((l) => !locations.has(l.name.trim().toLowerCase())),
    availability: proposals.availability.filter((a) => !availability.has(availabilityKey(a))),
    experience: proposals.experience.filter((x) => !roles.has(roleKey(x))),
  };
}

/** Adds accepted proposals after what the user already has; nothing is replaced or reordered. */
export function mergeProposals(draft: ProfileDraft, accepted: Proposals): ProfileDraft {
  const fresh = newProposals(draft, accepted);
  return {
    ...draft,
    education: [
      ...draft.education,
      ...fresh.degrees.map((d) => ({ level: d.level, field: d.field, status: d.status, graduation: d.graduation })),
    ],
    skills: [...draft.skills, ...fresh.skills.map((s) => s.name)],
    publications: [
      ...draft.publications,
      ...fresh.publications.map((p) => ({ venue: p.venue, year: p.year === null ? '' : String(p.year), firstAuthor: p.firstAuthor })),
    ],
    languages: [...draft.languages, ...fresh.languages.map((l) => l.entry)],
    locations: [...draft.locations, ...fresh.locations.map((l) => l.name)],
    availability: [...draft.availability, ...fresh.availability.map((a) => ({ from: a.from, to: a.to }))],
    experience: [
      ...draft.experience,
      ...fresh.experience.map((x) => ({
        title: x.title,
        organization: x.organization,
        from: x.from,
        to: x.to ?? '',
        internship: x.internship,
      })),
    ],
  };
}

export const DEGREE_OPTIONS = DEGREE_LEVELS;
export const STATUS_OPTIONS = [
  { value: 'pursuing', label: 'Pursuing' },
  { value: 'completed', label: 'Completed' },
] as const;
// A Record over the schema's statuses: a status added there fails to compile here until it has a label.
const WORK_AUTHORIZATION_LABELS: Record<(typeof WORK_AUTHORIZATION_STATUSES)[number], string> = {
  citizen: 'Citizen',
  'permanent-resident': 'Permanent resident',
  'work-permit': 'Work permit (no sponsorship needed)',
  'student-visa': 'Student visa',
  'needs-sponsorship': 'Needs visa sponsorship',
};
export const WORK_AUTHORIZATION_OPTIONS = WORK_AUTHORIZATION_STATUSES.map((value) => ({ value, label: WORK_AUTHORIZATION_LABELS[value] }));
