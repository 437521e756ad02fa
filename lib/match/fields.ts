/**
 * Fields of study, so "Computer Science" in a profile meets "CS", "Computer Science" and "a
 * related technical discipline" but not "Marketing". `categories` are what the broad phrases
 * postings use ("technical", "quantitative", "engineering", "STEM") accept; the first category is
 * the field's own, used for "or a related field".
 */

import { hint } from './hints';
import { escapeRegExp } from '../text/regexp';

type Category = 'technical' | 'quantitative' | 'engineering' | 'stem' | 'science' | 'business' | 'design' | 'humanities';

interface Field {
  id: string;
  names: string[];
  categories: Category[];
  /**
   * Subjects every degree in the field teaches, as qualification lines name them (lowercase): a
   * Computer Engineering student's skill list rarely says "data structures", and the degree shows it.
   * Core courses only, never tools or specialisms ("kernel" is not "operating systems").
   */
  teaches?: readonly string[];
}

const COMPUTING_CORE = [
  'data structures',
  'data structure',
  'algorithms',
  'algorithm design',
  'algorithms and data structures',
  'data structures and algorithms',
  'operating systems',
  'operating system',
  'operating systems principles',
  'computer networks',
  'computer network',
  'computer networking',
  'networking',
  'tcp/ip',
  'databases',
  'database',
  'database systems',
  'database system',
  'computer architecture',
  'computer organization',
  'compilers',
  'discrete mathematics',
  'object-oriented programming',
];
const MATHS = ['mathematics', 'math', 'maths'];
const PROBABILITY_AND_ALGEBRA = ['probability', 'probability theory', 'linear algebra'];
const MATHEMATICS_CORE = [...MATHS, ...PROBABILITY_AND_ALGEBRA, 'calculus'];
const STATISTICS_CORE = [...MATHEMATICS_CORE, 'statistics', 'statistical analysis', 'hypothesis testing', 'regression analysis'];

const FIELDS: Field[] = [
  {
    id: 'computer-science',
    names: [
      'computer science',
      'cs',
      'computing',
      'computer sciences',
      'informatics',
      'computer and information science',
      'computer & information science',
      'comp sci',
    ],
    categories: ['technical', 'quantitative', 'engineering', 'stem'],
    teaches: [...COMPUTING_CORE, ...MATHS, ...PROBABILITY_AND_ALGEBRA],
  },
  {
    id: 'software-engineering',
    names: ['software engineering', 'software development'],
    categories: ['technical', 'engineering', 'stem'],
    teaches: COMPUTING_CORE,
  },
  {
    id: 'computer-engineering',
    names: ['computer engineering', 'ce', 'computer systems engineering'],
    categories: ['technical', 'engineering', 'quantitative', 'stem'],
    teaches: [...COMPUTING_CORE, ...MATHEMATICS_CORE],
  },
  {
    id: 'electrical-engineering',
    names: [
      'electrical engineering',
      'electronic engineering',
      'electronics engineering',
      'electronics',
      'ee',
      'ece',
      'electrical and computer engineering',
      'electrical & computer engineering',
      'electronic information engineering',
      'microelectronics',
    ],
    categories: ['technical', 'engineering', 'quantitative', 'stem'],
    teaches: ['computer architecture', 'computer organization', ...MATHEMATICS_CORE],
  },
  {
    id: 'information-systems',
    names: [
      'information systems',
      'information technology',
      'it',
      'information science',
      'information management',
      'information engineering',
    ],
    categories: ['technical', 'stem'],
  },
  {
    id: 'data-science',
    names: ['data science', 'data analytics', 'analytics', 'business analytics', 'data engineering'],
    categories: ['technical', 'quantitative', 'stem'],
    teaches: ['statistics', 'probability', 'statistical analysis', 'hypothesis testing', 'regression analysis'],
  },
  {
    id: 'artificial-intelligence',
    names: ['artificial intelligence', 'ai', 'machine learning', 'robotics', 'intelligent systems', 'intelligence science'],
    categories: ['technical', 'quantitative', 'engineering', 'stem'],
    teaches: ['machine learning', ...PROBABILITY_AND_ALGEBRA],
  },
  {
    id: 'cybersecurity',
    names: ['cybersecurity', 'cyber security', 'information security', 'network security', 'security'],
    categories: ['technical', 'engineering', 'stem'],
  },
  {
    id: 'telecommunications',
    names: [
      'telecommunications',
      'telecommunication engineering',
      'communication engineering',
      'communications engineering',
      'information and communication engineering',
    ],
    categories: ['technical', 'engineering', 'stem'],
  },
  {
    id: 'automation',
    names: ['automation', 'control engineering', 'control science', 'control systems', 'mechatronics'],
    categories: ['engineering', 'technical', 'stem'],
  },
  {
    id: 'statistics',
    names: ['statistics', 'biostatistics', 'applied statistics', 'statistical science', 'statistics and data science'],
    categories: ['quantitative', 'technical', 'stem'],
    teaches: STATISTICS_CORE,
  },
  {
    id: 'mathematics',
    names: [
      'mathematics',
      'math',
      'maths',
      'applied mathematics',
      'applied math',
      'pure mathematics',
      'computational mathematics',
      'mathematics and statistics',
    ],
    categories: ['quantitative', 'technical', 'stem'],
    teaches: [...MATHEMATICS_CORE, 'statistics', 'discrete mathematics'],
  },
  {
    id: 'physics',
    names: ['physics', 'applied physics', 'astrophysics'],
    categories: ['quantitative', 'science', 'technical', 'stem'],
    teaches: MATHEMATICS_CORE,
  },
  {
    id: 'operations-research',
    names: ['operations research', 'operational research', 'industrial engineering', 'management science', 'systems engineering'],
    categories: ['quantitative', 'engineering', 'technical', 'stem'],
  },
  {
    id: 'economics',
    names: ['economics', 'econometrics', 'quantitative economics'],
    categories: ['quantitative'],
    teaches: ['statistics', 'probability', 'regression analysis', 'econometrics'],
  },
  {
    id: 'finance',
    names: ['finance', 'financial engineering', 'quantitative finance', 'financial mathematics', 'actuarial science'],
    categories: ['quantitative', 'business'],
  },
  {
    id: 'engineering-other',
    names: [
      'mechanical engineering',
      'civil engineering',
      'chemical engineering',
      'aerospace engineering',
      'biomedical engineering',
      'materials science',
      'materials engineering',
    ],
    categories: ['engineering', 'quantitative', 'stem'],
  },
  {
    id: 'bioinformatics',
    names: ['bioinformatics', 'computational biology'],
    categories: ['technical', 'quantitative', 'science', 'stem'],
  },
  {
    id: 'science-other',
    names: ['biology', 'chemistry', 'neuroscience', 'cognitive science', 'earth science', 'natural sciences'],
    categories: ['science', 'stem'],
  },
  {
    id: 'linguistics',
    names: ['linguistics', 'computational linguistics', 'language technology'],
    categories: ['humanities', 'technical'],
  },
  {
    id: 'hci',
    names: ['human-computer interaction', 'hci', 'interaction design', 'user experience design', 'ux design'],
    categories: ['design', 'technical'],
  },
  {
    id: 'design',
    names: ['design', 'graphic design', 'visual design', 'product design', 'industrial design', 'fine arts'],
    categories: ['design'],
  },
  {
    id: 'business',
    names: ['business', 'business administration', 'management', 'marketing', 'commerce', 'accounting', 'mba', 'supply chain management'],
    categories: ['business'],
  },
  {
    id: 'communications',
    names: ['communications', 'journalism', 'media studies', 'public relations', 'advertising'],
    categories: ['humanities', 'business'],
  },
  {
    id: 'social-science',
    names: ['psychology', 'sociology', 'political science', 'international relations', 'law', 'public policy'],
    categories: ['humanities'],
  },
];

// Broad phrases and what they accept.
const BROAD: { pattern: RegExp; category: Category }[] = [
  { pattern: /\bquantitative\b/i, category: 'quantitative' },
  { pattern: /\bstem\b/i, category: 'stem' },
  { pattern: /\btechnical\b/i, category: 'technical' },
  { pattern: /\b(?:engineering)\b(?!\s+(?:management))/i, category: 'engineering' },
];

const byName = new Map<string, Field>();
for (const f of FIELDS) for (const n of f.names) byName.set(n, f);
// Longest names first so "computer engineering" wins over "engineering", "applied mathematics" over "mathematics".
const NAMES_BY_LENGTH = [...byName.keys()].sort((a, b) => b.length - a.length);
const UPPER_ONLY = new Set(['cs', 'ce', 'ee', 'ece', 'it', 'ai', 'hci', 'mba']);
const escape = (name: string) => escapeRegExp(name).replace(/ /g, '\\s+');
// One alternation, longest names first, so a line is scanned once.
const ANY_FIELD = new RegExp(`(?<![\\w-])(?:${NAMES_BY_LENGTH.map(escape).join('|')})(?![\\w-])`, 'gi');

// Field names as written repeat across postings ("Computer Science"): read each spelling once.
const fieldAtCache = new Map<string, Field | null>();
function fieldAt(match: string): Field | null {
  let field = fieldAtCache.get(match);
  if (field !== undefined) return field;
  const key = match.toLowerCase().replace(/\s+/g, ' ');
  // "IT", "CS", "AI" only in capitals: "it" is a pronoun.
  field = UPPER_ONLY.has(key) && match !== match.toUpperCase() ? null : (byName.get(key) ?? null);
  if (fieldAtCache.size < 1000) fieldAtCache.set(match, field);
  return field;
}

export interface FieldRequirement {
  /** Field names as written in the line. */
  named: { text: string; field: Field }[];
  /** Broad categories the line accepts ("technical", "quantitative", "engineering"). */
  broad: Category[];
  /** "or a related field": fields sharing a category with the named ones count. */
  related: boolean;
}

// Words the broad and "related field" patterns cannot match without (blanking names adds none).
const BROAD_WORDS = hint(['quantitative', 'stem', 'technical', 'engineering']);
const RELATED_WORDS = hint(['related', 'relevant', 'similar', 'equivalent', 'other']);

/** Finds the fields a degree line names. Returns null when it names none. */
export function readFieldRequirement(text: string, hints: number): FieldRequirement | null {
  const named: FieldRequirement['named'] = [];
  // Only the broad patterns read the line with the names blanked: build it only when they run.
  const blank = (hints & BROAD_WORDS) !== 0;
  let rest = text;
  ANY_FIELD.lastIndex = 0;
  for (let m = ANY_FIELD.exec(text); m; m = ANY_FIELD.exec(text)) {
    const field = fieldAt(m[0]);
    if (!field) continue;
    named.push({ text: m[0], field });
    // Blank the match so "computer engineering" is not also read as a broad "engineering".
    if (blank) rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  const broad: Category[] = [];
  if (blank) for (const b of BROAD) if (b.pattern.test(rest)) broad.push(b.category);
  const related =
    (hints & RELATED_WORDS) !== 0 &&
    (/\b(?:related|relevant|similar|equivalent|other)\s+(?:\w+\s+){0,2}(?:fields?|disciplines?|majors?|areas?|subjects?|degrees?|programs?|programmes?|backgrounds?|studies)\b/i.test(
      text,
    ) ||
      // "major in computer, electronics, automation or related": the noun left out.
      /\b(?:or|and) (?:other )?(?:related|relevant|similar)\s*(?:[.;,)]|$)/i.test(text));
  if (named.length === 0 && broad.length === 0) return null;
  return { named, broad, related };
}

const fieldCache = new Map<string, Field | null>();
function fieldOf(name: string): Field | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  const cached = fieldCache.get(key);
  if (cached !== undefined) return cached;
  let found = byName.get(key) ?? null;
  if (!found) {
    // "MSc Computer Science (AI track)": the longest known name inside.
    ANY_FIELD.lastIndex = 0;
    const m = ANY_FIELD.exec(name);
    found = m ? fieldAt(m[0]) : null;
  }
  if (fieldCache.size < 1000) fieldCache.set(key, found);
  return found;
}

/**
 * The degree of the profile's that teaches a subject a line names ("data structures"), if any.
 * `subject` is the line's own words for it.
 */
export function degreeTeaching<E extends { field: string }>(subject: string, education: readonly E[]): E | null {
  const key = subject.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const e of education) if (fieldOf(e.field)?.teaches?.includes(key)) return e;
  return null;
}

export type FieldVerdict = { ok: true; how: string } | { ok: false; how: string } | { ok: null; how: string };

/** Does the candidate's field meet the requirement? */
export function checkField(candidate: string, req: FieldRequirement): FieldVerdict {
  const field = fieldOf(candidate);
  const lower = candidate.toLowerCase();
  for (const n of req.named) {
    if (field && field.id === n.field.id) return { ok: true, how: n.text };
    if (!field && lower.includes(n.text.toLowerCase())) return { ok: true, how: n.text };
  }
  if (!field) return { ok: null, how: `Job Lens cannot tell whether ${candidate} is one of the fields asked for` };
  for (const c of req.broad) if (field.categories.includes(c)) return { ok: true, how: `${c} field` };
  if (req.related && req.named.length) {
    const own = new Set(req.named.map((n) => n.field.categories[0]));
    if (field.categories.some((c) => own.has(c))) return { ok: true, how: 'related field' };
  }
  return {
    ok: false,
    how: `${candidate} is not ${req.named
      .map((n) => n.text)
      .concat(req.broad.map((b) => `a ${b} field`))
      .join(', ')}`,
  };
}
