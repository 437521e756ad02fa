import data from './skills.json';
import type { SkillList } from './schema';
import { FROM_HYPHEN, HYPHEN, WORD, hashOf, splitHyphenatedInto, tokenize, tokenizeInto, TokenList } from './tokenize';

/**
 * Finds skills and skill groups in text. Matching walks a trie of token sequences, so its cost
 * grows with the text, not with the size of the list, and word boundaries come for free: "Java"
 * is not found in "JavaScript", "Spark" not in "sparked", "C" not in "C++", "R" not in "R&D".
 */

export type SkillTarget = { kind: 'skill'; name: string } | { kind: 'group'; id: string; label: string };

export interface SkillMention {
  /** The words as written in the text. */
  text: string;
  start: number;
  end: number;
  target: SkillTarget;
}

interface Entry {
  target: SkillTarget;
  /** Exact token texts when the form is case-sensitive, else null. */
  exact: string[] | null;
  commonWord: boolean;
}

interface TrieNode {
  /** The lower-case word that leads here from the parent. */
  word: string;
  next: Map<string, TrieNode>;
  /**
   * The same children by `Token.key`, when their ASCII words hash apart (else null): a Map of
   * numbers answers without hashing the token's string, which was most of the trie walk.
   */
  byKey: Map<number, TrieNode> | null;
  entries: Entry[] | null;
  /**
   * Root only: bit `key & FILTER_MASK` is set for every ASCII first word of a form. Most words in a
   * line start no skill name; this answers them without hashing a string for the Map.
   */
  filter: Uint8Array | null;
}

export interface SkillIndex {
  version: number;
  root: TrieNode;
  skills: Map<string, { name: string; groups: Set<string>; implies: string[] }>;
  groups: Map<string, { label: string; ancestors: Set<string> }>;
  /** Canonical names, for suggestions. */
  names: string[];
}

const newNode = (word: string): TrieNode => ({ word, next: new Map(), byKey: null, entries: null, filter: null });
const ASCII = /^[\x00-\x7f]*$/;

function indexByKey(node: TrieNode): void {
  const byKey = new Map<number, TrieNode>();
  let clash = false;
  for (const child of node.next.values()) {
    indexByKey(child);
    // Non-ASCII words are only reached by tokens without a key, which use `next`.
    if (!ASCII.test(child.word)) continue;
    const key = hashOf(child.word);
    if (byKey.has(key)) clash = true;
    byKey.set(key, child);
  }
  node.byKey = clash ? null : byKey;
}

/** The child token `k` leads to: the same answer as `node.next.get(tokens.lower(k))`. */
function childOf(node: TrieNode, tokens: TokenList, k: number): TrieNode | undefined {
  const key = tokens.key[k]!;
  if (key !== -1 && node.byKey !== null) {
    const child = node.byKey.get(key);
    return child !== undefined && tokens.isLower(k, child.word) ? child : undefined;
  }
  return node.next.get(tokens.lower(k));
}

const FILTER_MASK = (1 << 15) - 1;
function firstWordFilter(root: TrieNode): Uint8Array {
  const filter = new Uint8Array(FILTER_MASK + 1);
  // Forms with non-ASCII first words are only reached by tokens without a key, which skip the filter.
  for (const word of root.next.keys()) if (ASCII.test(word)) filter[hashOf(word) & FILTER_MASK] = 1;
  return filter;
}

function addForm(root: TrieNode, form: string, entry: Entry): void {
  const tokens = tokenize(form);
  if (tokens.length === 0) return;
  let node = root;
  for (const token of tokens) {
    let child = node.next.get(token.lower);
    if (!child) node.next.set(token.lower, (child = newNode(token.lower)));
    node = child;
  }
  const exact = entry.exact ? tokens.map((t) => t.text) : null;
  (node.entries ??= []).push({ ...entry, exact });
}

/** "frameworks", "libraries", "LLMs": postings use plurals; the list holds singulars. */
function pluralOf(form: string): string | null {
  // From the start of the last run of letters only: `[A-Za-z]{2,}$` alone is retried from every letter.
  const m = /(?<![A-Za-z])([A-Za-z]{2,})$/.exec(form);
  if (!m) return null;
  const last = m[1]!;
  if (/s$/i.test(last)) return null;
  if (/[^aeiou]y$/.test(last)) return form.slice(0, -1) + 'ies';
  if (/(x|ch|sh)$/i.test(last)) return form + 'es';
  return form + 's';
}

export function buildSkillIndex(list: SkillList): SkillIndex {
  const root = newNode('');
  const groups = new Map<string, { label: string; ancestors: Set<string> }>();
  const ancestorsOf = (id: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(id)) return seen;
    seen.add(id);
    for (const parent of list.groups[id]?.within ?? []) ancestorsOf(parent, seen);
    return seen;
  };
  const taken = new Set<string>();
  const register = (form: string, target: SkillTarget, caseSensitive: boolean, commonWord: boolean) => {
    addForm(root, form, { target, exact: caseSensitive ? [] : null, commonWord });
    taken.add(caseSensitive ? form : form.toLowerCase());
  };
  const registerPlural = (form: string, target: SkillTarget, caseSensitive: boolean) => {
    const plural = pluralOf(form);
    if (!plural || taken.has(caseSensitive ? plural : plural.toLowerCase()) || taken.has(plural.toLowerCase())) return;
    addForm(root, plural, { target, exact: caseSensitive ? [] : null, commonWord: false });
  };

  for (const [id, group] of Object.entries(list.groups)) {
    groups.set(id, { label: group.label, ancestors: ancestorsOf(id) });
    const cs = new Set(group.caseSensitive ?? []);
    for (const phrase of group.phrases) register(phrase, { kind: 'group', id, label: group.label }, cs.has(phrase), false);
  }
  const skills = new Map<string, { name: string; groups: Set<string>; implies: string[] }>();
  for (const skill of list.skills) {
    const closure = new Set<string>();
    for (const g of skill.groups) for (const a of ancestorsOf(g)) closure.add(a);
    skills.set(skill.name, { name: skill.name, groups: closure, implies: skill.implies ?? [] });
    const cs = new Set(skill.caseSensitive ?? []);
    const word = new Set(skill.commonWord ?? []);
    for (const form of [skill.name, ...skill.aliases]) register(form, { kind: 'skill', name: skill.name }, cs.has(form), word.has(form));
  }
  // Plurals last, so that a listed form always wins over a generated one.
  for (const [id, group] of Object.entries(list.groups)) {
    const cs = new Set(group.caseSensitive ?? []);
    for (const phrase of group.phrases) registerPlural(phrase, { kind: 'group', id, label: group.label }, cs.has(phrase));
  }
  for (const skill of list.skills) {
    const cs = new Set(skill.caseSensitive ?? []);
    for (const form of [skill.name, ...skill.aliases]) {
      // Only phrases and acronyms: "recommender systems", "CNNs". A plain word's plural is often
      // another word ("sparks", "hives").
      const phrase = /\s/.test(form.trim());
      const acronym = /^[A-Z]{2,}$/.test(form);
      if ((phrase || acronym) && !(skill.commonWord ?? []).includes(form))
        registerPlural(form, { kind: 'skill', name: skill.name }, cs.has(form));
    }
  }
  root.filter = firstWordFilter(root);
  indexByKey(root);
  return { version: list.version, root, skills, groups, names: list.skills.map((s) => s.name) };
}

let defaultIndex: SkillIndex | null = null;
/** The bundled list, indexed once per context. */
export function skillIndex(): SkillIndex {
  return (defaultIndex ??= buildSkillIndex(data as SkillList));
}

// After these a sentence starts, so a capital letter says nothing about a name.
const SENTENCE_BREAKS = new Set(['.', ';', ':', '!', '?', '•', '·', '-', '–', '—', '(', '*']);
// A common-word form at a sentence start still names the skill when one of these follows.
const SKILL_CONTEXT_NEXT = new Set([
  'and',
  'or',
  'programming',
  'language',
  'languages',
  'lang',
  'development',
  'developer',
  'developers',
  'experience',
  'services',
  'microservices',
  'code',
  'coding',
  'skills',
  'proficiency',
  'knowledge',
  'native',
  'hooks',
  'components',
  'framework',
  'backend',
  'frontend',
]);
// "Grade C", "Plan B", "Type R": a letter that names a class, not a language.
const LETTER_PREFIXES = new Set([
  'grade',
  'plan',
  'type',
  'class',
  'level',
  'vitamin',
  'section',
  'appendix',
  'part',
  'option',
  'tier',
  'series',
  'round',
  'group',
  'team',
  'phase',
  'category',
  'model',
  'line',
]);

// Names that are also verbs, as an infinitive takes them: "the ability to spark creativity", "to
// excel in", "to react to". Written in lower case after "to" and before a lower-case word they are
// the verb ("migrate from Hive to Spark" keeps its capital, or ends the line).
const VERB_NAMES = new Set(['spark', 'excel', 'react', 'express']);
function asVerb(tokens: TokenList, from: number, to: number): boolean {
  // The cheap tests first: this runs for every one-word name found.
  if (to - from !== 1 || from === 0 || to >= tokens.count || !tokens.word(from - 1) || !tokens.isLower(from - 1, 'to')) return false;
  return VERB_NAMES.has(tokens.text(from)) && tokens.word(to) && /^[a-z]/.test(tokens.text(to));
}

function atSentenceStart(tokens: TokenList, i: number): boolean {
  if (i === 0) return true;
  if (!tokens.word(i - 1)) return SENTENCE_BREAKS.has(tokens.text(i - 1));
  // "1." "2)" numbered markers
  return /^\d+$/.test(tokens.text(i - 1)) && i === 1;
}

function accepts(entry: Entry, tokens: TokenList, from: number, to: number): boolean {
  if (entry.exact) {
    for (let k = from; k < to; k++) {
      // Exact forms are short, ambiguous names: never take them out of a hyphenated word ("Go-getter", "C-suite").
      if (tokens.flags[k]! & FROM_HYPHEN) return false;
    }
    if (!exactCase(entry, tokens, from)) return false;
    if (to - from === 1 && tokens.text(from).length === 1) {
      const prev = from - 1;
      const next = to;
      if (next < tokens.count && !tokens.word(next) && tokens.text(next) === '&') return false;
      if (prev >= 0 && !tokens.word(prev) && tokens.text(prev) === '&') return false;
      if (prev >= 0 && tokens.word(prev) && LETTER_PREFIXES.has(tokens.lower(prev))) return false;
    }
  }
  if (asVerb(tokens, from, to)) return false;
  if (entry.commonWord && atSentenceStart(tokens, from)) {
    const next = to;
    if (next < tokens.count && tokens.word(next) && /^[a-z]/.test(tokens.text(next)) && !SKILL_CONTEXT_NEXT.has(tokens.lower(next)))
      return false;
  }
  return true;
}

function exactCase(entry: Entry, tokens: TokenList, from: number): boolean {
  // Entries keep their exact form in the trie path; compare texts token by token.
  const form = entry.exact!;
  if (form.length === 0) return true;
  for (let k = 0; k < form.length; k++) if (tokens.text(from + k) !== form[k]) return false;
  return true;
}

// Scratch token lists, reused across calls: the lookup is never re-entered. `lineTokens` holds a
// line as tokenized, `expanded` the same with unknown hyphenated words split, `pathTokens` the
// shared-head paths ("recommend/advertising systems").
const lineTokens = new TokenList();
const expanded = new TokenList();
const pathTokens = new TokenList();

function expandHyphens(raw: TokenList, root: TrieNode): TokenList {
  let split = false;
  for (let i = 0; i < raw.count && !split; i++) split = (raw.flags[i]! & HYPHEN) !== 0 && childOf(root, raw, i) === undefined;
  if (!split) return raw;
  expanded.reset(raw.source);
  for (let i = 0; i < raw.count; i++) {
    if (raw.flags[i]! & HYPHEN && childOf(root, raw, i) === undefined) splitHyphenatedInto(raw, i, expanded);
    else expanded.copy(raw, i);
  }
  return expanded;
}

// Scratch space for the trie walk, reused across calls (the walk is never re-entered).
const terminalEnds: number[] = [];
const terminalEntries: Entry[][] = [];

function longestAt(seq: TokenList, from: number, root: TrieNode): { end: number; entry: Entry } | null {
  // Most words start no skill name: answer those without allocating.
  const key = seq.key[from]!;
  if (key !== -1 && root.filter !== null && root.filter[key & FILTER_MASK] === 0) return null;
  let node: TrieNode | undefined = childOf(root, seq, from);
  if (!node) return null;
  let count = 0;
  for (let k = from + 1; node; k++) {
    if (node.entries) {
      terminalEnds[count] = k;
      terminalEntries[count] = node.entries;
      count++;
    }
    if (k >= seq.count || node.next.size === 0) break;
    node = childOf(node, seq, k);
  }
  for (let t = count - 1; t >= 0; t--) {
    const end = terminalEnds[t]!;
    for (const entry of terminalEntries[t]!) if (accepts(entry, seq, from, end)) return { end, entry };
  }
  return null;
}

/**
 * "recommend/advertising systems": the head noun after the slash belongs to every alternative,
 * so try "recommend systems" too.
 */
function sharedHead(tokens: TokenList, i: number, root: TrieNode): Entry | null {
  let j = i + 1;
  while (j + 1 < tokens.count && !tokens.word(j) && tokens.text(j) === '/' && tokens.word(j + 1)) {
    const found = longestAt(tokens, j + 1, root);
    if (found && found.end - (j + 1) >= 2) {
      pathTokens.reset(tokens.source);
      pathTokens.copy(tokens, i);
      for (let k = j + 2; k < found.end; k++) pathTokens.copy(tokens, k);
      const joined = longestAt(pathTokens, 0, root);
      return joined && joined.end === pathTokens.count ? joined.entry : null;
    }
    j += 2;
  }
  return null;
}

export function findSkills(text: string, index: SkillIndex = skillIndex()): SkillMention[] {
  tokenizeInto(text, lineTokens);
  const tokens = expandHyphens(lineTokens, index.root);
  const mentions: SkillMention[] = [];
  let i = 0;
  while (i < tokens.count) {
    if (!(tokens.flags[i]! & WORD)) {
      i++;
      continue;
    }
    const found = longestAt(tokens, i, index.root);
    const start = tokens.start[i]!;
    if (found) {
      const stop = tokens.end[found.end - 1]!;
      mentions.push({ text: text.slice(start, stop), start, end: stop, target: found.entry.target });
      i = found.end;
      continue;
    }
    // A word token is never "/": only punctuation is asked for its text.
    const shared = i + 1 < tokens.count && !tokens.word(i + 1) && tokens.text(i + 1) === '/' ? sharedHead(tokens, i, index.root) : null;
    if (shared) mentions.push({ text: tokens.text(i), start, end: tokens.end[i]!, target: shared.target });
    i++;
  }
  return mentions;
}

/** The canonical skill a profile entry names, if it names exactly one ("golang" → "Go"). */
export function canonicalSkill(entry: string, index: SkillIndex = skillIndex()): SkillTarget | null {
  const trimmed = entry.trim();
  const mentions = findSkillsLenient(trimmed, index);
  if (mentions.length !== 1) return null;
  const only = mentions[0]!;
  return only.start === 0 && only.end === trimmed.length ? only.target : null;
}

/**
 * Profile entries are typed by the user: "go" and "r" there mean the languages (nobody lists the
 * verb as a skill), so case is ignored for a whole-entry match.
 */
function findSkillsLenient(entry: string, index: SkillIndex): SkillMention[] {
  const strict = findSkills(entry, index);
  if (strict.length > 0) return strict;
  const tokens = tokenize(entry);
  let node: TrieNode | undefined = index.root;
  for (const token of tokens) node = node?.next.get(token.lower);
  const first = node?.entries?.[0];
  return first ? [{ text: entry, start: 0, end: entry.length, target: first.target }] : [];
}

/** Canonical names starting with (or containing) what the user typed, for the options page. */
export function suggestSkills(prefix: string, limit = 8, index: SkillIndex = skillIndex()): string[] {
  const p = prefix.trim().toLowerCase();
  if (!p) return [];
  const starts = index.names.filter((n) => n.toLowerCase().startsWith(p));
  const contains = index.names.filter((n) => !n.toLowerCase().startsWith(p) && n.toLowerCase().includes(p));
  return [...starts, ...contains].slice(0, limit);
}
