import { findSkills, type SkillMention, type SkillTarget } from '../skills/lookup';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { describeEducation } from './education';
import { degreeTeaching } from './fields';
import { hint } from './hints';
import { NUMBER_PATTERN, parseNumber } from './dates';
import { listOr } from './text';

/**
 * Skill lines: which skills a line asks for, how they combine, and which the profile shows.
 *
 * A line becomes a list of items; every item is an any-of set of skills or groups, and the line
 * needs all items (partial credit when some are met):
 * - "at least one of", "one or more", "any of", "either" open an any-of region;
 * - "e.g.", "such as", "including", "like" and a parenthesis open a list of examples: one any-of
 *   item, merged with the group or skill right before it ("deep learning frameworks such as
 *   PyTorch", "cloud platforms (AWS, GCP)");
 * - "A/B" and "A or B" are any-of, "A, B or C" too; "A and B", "A, B" are separate items.
 */

interface Item {
  targets: SkillTarget[];
  words: string[];
  start: number;
  /** Offset up to which a group named after "and other" belongs to this item's examples. */
  examplesEnd?: number;
  /** Where the item's text ends: its region's end (an any-of or examples item), else its last name's. */
  end: number;
  /** Offered beside alternatives the skill list does not know ("content moderation, or policy work"). */
  open?: boolean;
}

const ANY_CUE = /\b(?:at least one(?: of)?|one or more(?: of)?|any (?:one )?of|one of|either)\b/gi;
// An opening parenthesis is a cue too: "machine learning frameworks (TensorFlow, PyTorch)" names
// examples of the group before it, one of which is enough.
const EXAMPLE_CUE =
  /(?:\be\.g\.?|\beg\.|\bsuch as\b|\bincluding(?: but not limited to)?|\bincl\.|\blike\b|\bfor example\b|\bfor instance\b|\bi\.e\.?|\bespecially\b|\bpreferably\b|\bideally\b|\()/gi;
// "with" after white space read from the start of the run only (every cue ends in a non-space, so
// the search never starts inside one): `\s+with` is otherwise retried from each space of a long run.
const REGION_END =
  /;|\.(?:\s|$)|\betc\b\.?|,?(?<!\s)\s+with\b|\band other\b|\bis (?:a )?(?:plus|preferred|required|desired)|\bare (?:a )?(?:plus|preferred|required)/gi;

interface Region {
  start: number;
  cueEnd: number;
  end: number;
  examples: boolean;
}

function regionEnd(text: string, from: number): number {
  // Inside parentheses the region ends at the closing one.
  const open = text.lastIndexOf('(', from);
  const close = text.lastIndexOf(')', from);
  let end = text.length;
  if (open > close) {
    const closing = text.indexOf(')', from);
    if (closing !== -1) end = closing;
  }
  REGION_END.lastIndex = from;
  const m = REGION_END.exec(text);
  if (m && m.index < end) end = m.index;
  return end;
}

// The cues' words without their boundaries: most lines have none, and each pattern runs only on
// lines that have its own.
const ANY_CUE_WORDS = hint(['at least one', 'one or more', 'any of', 'any one of', 'one of', 'either']);
const EXAMPLE_CUE_WORDS = hint([
  'e.g',
  'eg.',
  'such as',
  'including',
  'incl.',
  'like',
  'for example',
  'for instance',
  'i.e',
  'especially',
  'preferably',
  'ideally',
  '(',
]);
const CUES: readonly [RegExp, boolean, number][] = [
  [ANY_CUE, false, ANY_CUE_WORDS],
  [EXAMPLE_CUE, true, EXAMPLE_CUE_WORDS],
];

function findRegions(text: string, hints: number): Region[] {
  const regions: Region[] = [];
  if (!(hints & (ANY_CUE_WORDS | EXAMPLE_CUE_WORDS))) return regions;
  for (const [re, examples, words] of CUES) {
    if (!(hints & words)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const cueEnd = m.index + m[0].length;
      regions.push({ start: m.index, cueEnd, end: regionEnd(text, cueEnd), examples });
    }
  }
  regions.sort((a, b) => a.start - b.start);
  // A cue inside an open region widens it ("one or more languages including SQL and Python").
  const merged: Region[] = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.examples &&= r.examples;
    } else merged.push({ ...r });
  }
  return merged;
}

const SLASH_UNKNOWN = /^ ?\/ ?[\w.+#-]{1,20} ?\/ ?$/;
// One white-space run on each side of the comma: `\s*,?\s*` splits a long run every way.
const EXAMPLES_AFTER =
  /^\s*(?:,\s*)?(?:(?:and|or) (?:other|similar)\b|or (?:another|any other)\b|etc\b|or (?:equivalent|similar|comparable)\b)/i;
// "Go/Java/C++ at least one programming language": the group names the choice before it.
const CHOICE_LABEL = /^\s?,?\s?(?:at least|any) one(?: of the)?\s$/i;
// What stands between two skill names, trimmed, lowercased, spaces collapsed.
const TIGHT_OR = new Set(['/', '|', 'or', '(or)']);
const LIST_SEPARATORS = new Set([',', '&', '+', 'and', ', and', ',and', ', or', ',or']);
const COMMA_SEPARATORS = new Set([',', ', or', ',or']);
// Between two mentions of one list: ", search or ", ", search, ranking, or ".
const UNKNOWN_ITEMS_THEN_OR = /^\s?,\s?(?:[\w+#./-]+\s){0,3}?[\w+#./-]+(?:\s?,\s?(?:[\w+#./-]+\s){0,3}?[\w+#./-]+){0,3}\s?,?\sor\s$/i;
// Up to four more comma-separated names, then "or" and another: alternatives after a skill.
const OPEN_ALTERNATIVES = /^(?:\s?,\s?[^,;()]{1,40}){0,4}?\s?,?\s?or\s+\S/i;
// "…, advertising and other related fields": more areas the line does not name.
const OTHER_AREAS =
  /^\s?,?\s?(?:and|or)\s+(?:other|similar)\s+(?:related\s+|relevant\s+)?(?:fields?|areas?|domains?|directions?|topics?)\b/i;
const CLAUSE_END = /[;.](?:\s|$)/;
// "…, or other cloud platforms": the alternative is the next mention, which the list does check.
const NEXT_IS_THE_ALTERNATIVE = /\bor(?:\s+(?:other|another|similar|any other|related))?\s*$/i;

// "Python (or a similar language)": an alternative in parentheses, as "Python or similar" is.
const OR_IN_PARENTHESES = /^\s?\(\s?or\s/i;
/** Whether the line offers, after this mention, alternatives that are not mentions ("…, or policy work"). */
function offersMore(text: string, mentions: readonly SkillMention[], last: SkillMention): boolean {
  const next = mentions[mentions.indexOf(last) + 1];
  const gap = text.slice(last.end, next ? next.start : text.length);
  const end = CLAUSE_END.exec(gap);
  const clause = end ? gap.slice(0, end.index) : gap;
  if (end === null && next && NEXT_IS_THE_ALTERNATIVE.test(clause)) return false;
  return OPEN_ALTERNATIVES.test(clause) || OTHER_AREAS.test(clause) || OR_IN_PARENTHESES.test(clause);
}
// What stands between one item and the next alternative: " or ", ") or ", "), or ".
const OR_BETWEEN = /^\)?\s?,?\s?or\s$/i;

function normalSeparator(sep: string): string {
  if (sep.length > 12) return '';
  return sep.trim().toLowerCase().replace(/\s+/g, ' ');
}
function separatorKind(sep: string): 'tight-or' | 'list' | null {
  const s = normalSeparator(sep);
  if (TIGHT_OR.has(s)) return 'tight-or';
  return LIST_SEPARATORS.has(s) ? 'list' : null;
}

function mentionsWithCustom(text: string, ctx: MatchContext): SkillMention[] {
  const mentions = findSkills(text, ctx.index);
  if (ctx.skills.custom.length === 0) return mentions;
  for (const { entry, pattern } of ctx.skills.custom) {
    const m = pattern.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    mentions.push({ text: m[0], start, end, target: { kind: 'skill', name: entry } });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

interface Unit {
  mentions: SkillMention[];
  sepBefore: string | null;
  byOr: boolean;
  /** Came after list items the skill list does not know ("advertising, search or NLP"). */
  afterUnknown?: boolean;
}

function regionIndex(regions: Region[], m: SkillMention): number {
  for (let r = 0; r < regions.length; r++) if (m.start >= regions[r]!.cueEnd && m.start < regions[r]!.end) return r;
  return -1;
}

/** The group or skill an examples region illustrates: the last mention right before the cue. */
function headBefore(text: string, outside: SkillMention[], region: Region): SkillMention | null {
  let head: SkillMention | null = null;
  for (const m of outside) if (m.end <= region.start) head = m;
  if (!head) return null;
  const gap = text.slice(head.end, region.start);
  // "containerization (Docker) and orchestration (Kubernetes)": the second examples are of the
  // word after the first's parenthesis, not of the skill before it.
  if (/[;.)]/.test(gap)) return null;
  const words = gap.trim();
  return words === '' || words.split(/\s+/).length <= 3 ? head : null;
}

/** An item that names only a kind of skill ("programming language", "BI tools"). */
function isKind(item: Item): boolean {
  return item.targets.length === 1 && item.targets[0]!.kind === 'group';
}

function itemOf(unit: SkillMention[], examplesEnd: number | undefined): Item {
  const targets: SkillTarget[] = [];
  const words: string[] = [];
  for (const m of unit) {
    targets.push(m.target);
    words.push(m.text);
  }
  return { targets, words, start: unit[0]!.start, end: unit[unit.length - 1]!.end, examplesEnd };
}

// Plain loops, no closures: this runs on every line of every posting.
/** `hints`: of the text, or of a line the text was cut from (a cue absent there is absent here). */
export function skillItems(text: string, ctx: MatchContext, hints: number): Item[] {
  const mentions = mentionsWithCustom(text, ctx);
  if (mentions.length === 0) return [];
  const regions = findRegions(text, hints);

  const regionItems = new Map<number, Item>();
  let outside: SkillMention[] = mentions;
  if (regions.length) {
    outside = [];
    for (const m of mentions) {
      const r = regionIndex(regions, m);
      if (r === -1) {
        outside.push(m);
        continue;
      }
      let item = regionItems.get(r);
      if (!item) regionItems.set(r, (item = { targets: [], words: [], start: m.start, end: regions[r]!.end }));
      item.targets.push(m.target);
      item.words.push(m.text);
    }
  }

  // Examples belong to the group or skill named right before them.
  const headOf = new Map<SkillMention, number>();
  for (let ri = 0; ri < regions.length; ri++) {
    if (!regions[ri]!.examples || !regionItems.has(ri)) continue;
    const head = headBefore(text, outside, regions[ri]!);
    if (head) headOf.set(head, ri);
  }

  // Units: mentions joined by "/" or "or" (tighter than "and": "SQL and Tableau or Power BI");
  // runs: units joined by list separators.
  const runs: Unit[][] = [];
  let prev: SkillMention | null = null;
  for (const m of outside) {
    const ri = headOf.get(m);
    if (ri !== undefined) {
      const item = regionItems.get(ri)!;
      item.targets.unshift(m.target);
      item.words.unshift(m.text);
      item.start = m.start;
      prev = null;
      continue;
    }
    const sep = prev ? text.slice(prev.end, m.start) : null;
    const run = runs[runs.length - 1];
    const lastUnit = run?.[run.length - 1];
    const kind = sep === null ? null : separatorKind(sep);
    if (kind === 'tight-or' && lastUnit) {
      lastUnit.mentions.push(m);
      lastUnit.byOr = true;
    } else if (lastUnit && sep !== null && SLASH_UNKNOWN.test(sep)) {
      // "NLP/CV/ASR": a choice through a name the list does not know, which stays open.
      lastUnit.mentions.push(m);
      lastUnit.byOr = true;
      lastUnit.afterUnknown = true;
    } else if (kind === 'list' && run) run.push({ mentions: [m], sepBefore: sep, byOr: false });
    // "recommendation, advertising, search or NLP": the list goes on through a word it does not know.
    else if (run && sep !== null && sep.length <= 120 && UNKNOWN_ITEMS_THEN_OR.test(sep))
      run.push({ mentions: [m], sepBefore: ', or', byOr: false, afterUnknown: true });
    else runs.push([{ mentions: [m], sepBefore: null, byOr: false }]);
    prev = m;
  }

  const items: Item[] = [...regionItems.values()];
  for (const run of runs) {
    const lastUnit = run[run.length - 1]!;
    const lastMention = lastUnit.mentions[lastUnit.mentions.length - 1]!;
    // "Java, C++ and other programming languages", "Flink, Spark etc.": examples, any of them.
    const examples = EXAMPLES_AFTER.test(text.slice(lastMention.end, lastMention.end + 40));
    // "A, B or C" and "A, B, or C" offer a choice among all; "A, B and C" needs each.
    let commaList = run.length > 1;
    for (let u = 1; u < run.length && commaList; u++) commaList = COMMA_SEPARATORS.has(normalSeparator(run[u]!.sepBefore ?? ''));
    const endsWithOr = (run.length > 1 && normalSeparator(lastUnit.sepBefore ?? '').endsWith('or')) || lastUnit.byOr;
    const examplesEnd = examples ? lastMention.end + 40 : undefined;
    // "Experience in content moderation, trust and safety, or policy enforcement": the last
    // choice is one the list cannot check.
    const open = offersMore(text, mentions, lastMention) || run.some((u) => u.afterUnknown);
    // "Java, Scala or Go and distributed systems": the choice before "and" is one item.
    const and = commaList || examples ? -1 : run.findIndex((u, i) => i > 0 && !COMMA_SEPARATORS.has(normalSeparator(u.sepBefore ?? '')));
    const choiceFirst = and >= 2 && run[and - 1]!.byOr;
    // Units taken as one choice among all their mentions.
    const oneChoice = (units: Unit[]) =>
      itemOf(
        units.flatMap((u) => u.mentions),
        examplesEnd,
      );
    // "SQL and Tableau, or another BI tool": the examples are what follows the last "and"; what
    // comes before it is needed as well.
    const lastAnd = examples ? run.findLastIndex((u, i) => i > 0 && !COMMA_SEPARATORS.has(normalSeparator(u.sepBefore ?? ''))) : -1;
    if (lastAnd > 0) {
      for (const unit of run.slice(0, lastAnd)) items.push(itemOf(unit.mentions, undefined));
      items.push(oneChoice(run.slice(lastAnd)));
    } else if (examples || (commaList && (endsWithOr || open))) items.push(oneChoice(run));
    else if (choiceFirst) {
      items.push(oneChoice(run.slice(0, and)));
      for (const unit of run.slice(and)) items.push(itemOf(unit.mentions, examplesEnd));
    } else for (const unit of run) items.push(itemOf(unit.mentions, examplesEnd));
    if (open) items[items.length - 1]!.open = true;
  }
  if (items.length < 2) return items;
  items.sort(byStart);
  // "Java, C++ and other programming languages": the group after the examples joins them.
  for (let i = 0; i + 1 < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1]!;
    if (item.examplesEnd !== undefined && next.start < item.examplesEnd && isKind(next)) {
      item.targets.push(...next.targets);
      item.words.push(...next.words);
      item.end = Math.max(item.end, next.end);
      items.splice(i + 1, 1);
      // "Hive, Presto or other big data query engines": the group's name goes on in the next.
      const then = items[i + 1];
      if (then && isKind(then) && /^\s+$/.test(text.slice(item.end, then.start))) i--;
    }
  }
  for (let i = 0; i + 1 < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1]!;
    const label = isKind(next) && item.targets.length > 1;
    if (label && next.start > item.end && CHOICE_LABEL.test(text.slice(item.end, next.start))) {
      item.end = next.end;
      items.splice(i + 1, 1);
    }
  }
  // "iOS (Swift) or Android (Kotlin)", "stream processing or OLAP engines (e.g. Doris)": items
  // offered as alternatives, one of them with its examples, are one.
  for (let i = 0; i + 1 < items.length;) {
    const item = items[i]!;
    const next = items[i + 1]!;
    if (next.start > item.end && OR_BETWEEN.test(text.slice(item.end, next.start))) {
      item.targets.push(...next.targets);
      item.words.push(...next.words);
      item.end = next.end;
      if (next.open) item.open = true;
      items.splice(i + 1, 1);
    } else i++;
  }
  // "Cloud services: AWS (S3, EC2) or GCP": a kind before a colon names the choice after it, as
  // a label (as after "at least one"), not as one more requirement; an "and" list after it is
  // still each of its items, and the kind with it.
  for (let i = 0; i + 1 < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1]!;
    const kind = isKind(item);
    const choice = next.targets.length > 1 || i + 2 === items.length;
    if (kind && choice && next.start > item.end && /^\s?:\s?$/.test(text.slice(item.end, next.start))) {
      next.start = item.start;
      items.splice(i, 1);
    }
  }
  // The same requirement named twice ("multi-threaded / multi-process") counts once. Items with
  // different numbers of targets differ (unless a name has the keys' separator), so only those
  // sharing a count need their keys.
  const sizes = new Map<number, number>();
  if (!ctx.skills.barInNames) for (const item of items) sizes.set(item.targets.length, (sizes.get(item.targets.length) ?? 0) + 1);
  const seen = new Set<string>();
  const unique: Item[] = [];
  for (const item of items) {
    if (sizes.get(item.targets.length) === 1) {
      unique.push(item);
      continue;
    }
    const key = item.targets.length === 1 ? targetKey(item.targets[0]!) : keysOf(item.targets);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(item);
  }
  return unique;
}

function keysOf(targets: SkillTarget[]): string {
  const keys: string[] = [];
  for (const t of targets) keys.push(targetKey(t));
  return keys.sort().join('|');
}

function byStart(a: Item, b: Item): number {
  return a.start - b.start;
}

const targetKey = (t: SkillTarget) => (t.kind === 'skill' ? `s:${t.name}` : `g:${t.id}`);

function holds(target: SkillTarget, ctx: MatchContext): string | null {
  if (target.kind === 'skill') return ctx.skills.names.get(target.name) ?? null;
  return ctx.skills.groups.get(target.id) ?? null;
}

export interface SkillCheck {
  items: number;
  met: number;
  aspect: Aspect;
}

export function assessSkills(text: string, ctx: MatchContext, items: Item[]): SkillCheck | null {
  if (items.length === 0) return null;
  const evidence = emptyEvidence();
  const { education } = ctx.profile;
  // With no skills listed, only subjects the degree teaches can be told.
  if (ctx.skills.empty && !items.every((item) => taughtBy(item, education) !== null)) {
    evidence.notes.push('your profile lists no skills');
    return { items: items.length, met: 0, aspect: aspect('skill', 'unknown', evidence) };
  }
  let met = 0;
  let open = 0;
  // "At least two of the following: Python, Java, Go, C++": so many of the items after it.
  const nOf = N_OF.exec(text);
  const needed = nOf ? (parseNumber(nOf[1]!) ?? 0) : 0;
  const listedFrom = nOf ? nOf.index + nOf[0].length : Infinity;
  // The list ends with its clause: "…; and SQL" is asked for besides.
  const clauseEnd = nOf ? CLAUSE_END.exec(text.slice(listedFrom)) : null;
  const listedTo = clauseEnd ? listedFrom + clauseEnd.index : Infinity;
  const inListed = (item: Item) => item.start >= listedFrom && item.start < listedTo;
  const listed = needed > 1 ? items.filter(inListed) : [];
  const ofList = listed.length > needed;
  let listedMet = 0;
  const listedMissing: string[] = [];
  for (const item of items) {
    let found = false;
    // A named skill the profile lists is better evidence than a group it falls in.
    for (const pass of ['skill', 'group'] as const) {
      for (let i = 0; i < item.targets.length && !found; i++) {
        const target = item.targets[i]!;
        if (target.kind !== pass) continue;
        const entry = holds(target, ctx);
        if (entry) {
          evidence.matched.push({ requirement: item.words[i]!, profile: entry });
          found = true;
        }
      }
    }
    // Then a subject the degree teaches ("data structures" for a Computer Engineering student).
    const taught = found ? null : taughtBy(item, education);
    if (taught) {
      evidence.matched.push({ requirement: taught.word, profile: describeEducation(taught.degree) });
      evidence.notes.push(`${taught.word}: a subject every ${taught.degree.field} degree teaches`);
      found = true;
    }
    const inList = ofList && inListed(item);
    if (found && inList) listedMet++;
    else if (found) met++;
    else if (inList) listedMissing.push(listOr(unique(item.words)));
    else if (item.open) {
      open++;
      evidence.notes.push(`${listOr(unique(item.words))} is one choice; the others the line offers cannot be checked`);
    } else evidence.missing.push(listOr(unique(item.words)));
  }
  if (items.some((i) => i.targets.length > 1)) evidence.notes.push('where the line gives a choice of skills, any one of them is enough');
  if (ofList) {
    // The list is one requirement, met when enough of it is.
    const enough = listedMet >= needed;
    evidence.notes.push(`the line asks for ${needed} of ${listed.length}; you have ${listedMet}`);
    if (!enough) evidence.missing.push(`${needed - listedMet} more of ${listOr(listedMissing)}`);
    const known = items.length - listed.length - open + 1;
    const done = met + (enough ? 1 : 0);
    const verdict = done === known ? 'met' : done > 0 || listedMet > 0 ? 'partial' : 'unmet';
    return { items: items.length, met: met + listedMet, aspect: aspect('skill', verdict, evidence) };
  }
  const known = items.length - open;
  const verdict = known === 0 ? 'unknown' : met === known ? 'met' : met === 0 ? 'unmet' : 'partial';
  return { items: items.length, met, aspect: aspect('skill', verdict, evidence) };
}

const N_OF = new RegExp(`\\b(?:at least|any|a minimum of|minimum of)\\s(${NUMBER_PATTERN})\\s(?:of|from)\\b`, 'i');

function taughtBy(item: Item, education: MatchContext['profile']['education']) {
  for (const word of item.words) {
    const degree = degreeTeaching(word, education);
    if (degree) return { word, degree };
  }
  return null;
}

// Items name a handful of words: a scan keeps the first of each without building a Set.
function unique(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!out.includes(w)) out.push(w);
  return out;
}
