import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { hint } from './hints';
import type { Verdict } from './report';
import { listAnd, listOr } from './text';

/**
 * Spoken languages. A line is about languages when it names one next to a proficiency word
 * ("fluent", "proficiency", "native", "written and spoken"), so "Chinese market" is not one.
 * "Chinese" is met by Mandarin or Cantonese; "Mandarin" by Mandarin or Chinese.
 */

const LANGUAGES: Record<string, string[]> = {
  English: ['english'],
  Mandarin: ['mandarin', 'putonghua', 'mandarin chinese'],
  Chinese: ['chinese'],
  Cantonese: ['cantonese'],
  Japanese: ['japanese'],
  Korean: ['korean'],
  Spanish: ['spanish'],
  Portuguese: ['portuguese', 'brazilian portuguese'],
  French: ['french'],
  German: ['german'],
  Italian: ['italian'],
  Dutch: ['dutch'],
  Russian: ['russian'],
  Arabic: ['arabic'],
  Hindi: ['hindi'],
  Indonesian: ['indonesian', 'bahasa indonesia'],
  Malay: ['malay', 'bahasa melayu', 'bahasa malaysia'],
  Thai: ['thai'],
  Vietnamese: ['vietnamese'],
  Filipino: ['filipino', 'tagalog'],
  Turkish: ['turkish'],
  Polish: ['polish'],
  Hebrew: ['hebrew'],
  Swedish: ['swedish'],
  Urdu: ['urdu'],
  Bengali: ['bengali'],
  Tamil: ['tamil'],
  Czech: ['czech'],
  Danish: ['danish'],
  Finnish: ['finnish'],
  Greek: ['greek'],
  Hungarian: ['hungarian'],
  Norwegian: ['norwegian'],
  Romanian: ['romanian'],
  Ukrainian: ['ukrainian'],
};
// "Another European language": the languages a region's adjective admits (no adjective: any).
const REGIONS: Record<string, string[]> = {
  european: [
    'English',
    'Spanish',
    'Portuguese',
    'French',
    'German',
    'Italian',
    'Dutch',
    'Russian',
    'Polish',
    'Swedish',
    'Turkish',
    'Czech',
    'Danish',
    'Finnish',
    'Greek',
    'Hungarian',
    'Norwegian',
    'Romanian',
    'Ukrainian',
  ],
  asian: [
    'Mandarin',
    'Chinese',
    'Cantonese',
    'Japanese',
    'Korean',
    'Hindi',
    'Indonesian',
    'Malay',
    'Thai',
    'Vietnamese',
    'Filipino',
    'Urdu',
    'Bengali',
    'Tamil',
  ],
};
REGIONS['southeast asian'] = ['Indonesian', 'Malay', 'Thai', 'Vietnamese', 'Filipino'];
// What a requirement in the key accepts in the profile.
const ACCEPTS: Record<string, string[]> = { Chinese: ['Chinese', 'Mandarin', 'Cantonese'], Mandarin: ['Mandarin', 'Chinese'] };

const byAlias = new Map<string, string>();
for (const [name, aliases] of Object.entries(LANGUAGES)) for (const a of aliases) byAlias.set(a, name);
const ALIASES = [...byAlias.keys()].sort((a, b) => b.length - a.length);
const ANY_LANGUAGE = new RegExp(`\\b(?:${ALIASES.join('|')})\\b`, 'gi');
const PROFICIENCY =
  /\bfluen\w*|\bproficien\w*|\bnative\b|\bbilingual\b|\bspoken\b|\bwritten\b|\bspeak\w*|\blanguages?\b|\bbusiness[- ]level\b|\bworking knowledge\b|\bcommand of\b|\bcommunicat\w* (?:in|skills in)\b|\bmother tongue\b|\bverbal\b|\breading\b|\bwriting\b|\b(?:read|write)\b/i;
// "Good English skills", "strong Korean ability": the language's skills are the language.
const LANGUAGE_SKILLS = new RegExp(`\\b(?:${ALIASES.join('|')})\\s(?:skills?|abilit(?:y|ies))\\b`, 'i');
// "Excellent English", "must have good Mandarin; …": a level word before the language and nothing
// after it but the line's end or a word about the language ("good Chinese market knowledge" is not).
const LEVEL_BEFORE = new RegExp(
  `\\b(?:excellent|good|strong|solid|advanced|decent|great|outstanding)\\s(?:${ALIASES.join('|')})\\b(?=\\s?(?:$|[,;.()/]|(?:and|or|is|are|as|required|needed|preferred|proficiency|communication|speaking|writing)\\b))`,
  'i',
);
// Without a proficiency word: "Mandarin is a plus", "Japanese language skills are an advantage",
// "Korean speakers preferred".
const NAMED_AS_ASKED = new RegExp(
  `\\b(?:${ALIASES.join('|')})\\b(?:\\s(?:language\\s)?skills?)?\\s(?:(?:is|are|would be|will be)\\s(?:a|an)\\s(?:[\\w-]+\\s)?(?:plus|bonus|advantage|asset)\\b|speakers?\\b|(?:is\\s)?(?:preferred|required)\\b)`,
  'i',
);
const HIGH_LEVEL =
  /\bfluen\w*|\bnative\b|\bbilingual\b|\bbusiness[- ]level\b|\bprofessional\b|\bexcellent\b|\bstrong\b|\bfull professional\b|\bmother tongue\b/i;
const LOW_PROFILE_LEVEL =
  /\b(?:basic|beginner|elementary|conversational|intermediate|limited|learning|a1|a2|b1|hsk\s*[1-3]|jlpt\s*n[3-5]|topik\s*[1-3])\b/i;

/** The first language a text names ("Mandarin (fluent)" → "Mandarin"), or null. */
export function languageIn(text: string): string | null {
  ANY_LANGUAGE.lastIndex = 0;
  const m = ANY_LANGUAGE.exec(text);
  return m ? byAlias.get(m[0].toLowerCase())! : null;
}

export interface LanguageRequirement {
  /** Each item is any-of. */
  items: { names: string[]; words: string[]; other?: boolean }[];
  high: boolean;
  /** "the market's language", "the local language": a language the line does not name. */
  unnamed: string | null;
}

/**
 * "English and at least one other European language", "plus an additional language": a language
 * besides the ones the line names, of the region if it gives one.
 */
const OTHER_LANGUAGE =
  /\b(?:(?:at least|plus|and)\s+)?(?:one|an?)?\s*(?:other|another|additional|second|further|more)\s+((?:southeast\s+)?asian\s+|european\s+)?languages?\b/i;

const UNNAMED =
  /\bthe (?:local|market'?s?|native|country'?s?|region'?s?|relevant (?:local )?)\s*(?:market\s+)?languages?\b|\blocal languages?\b/i;

const PROFICIENCY_HINT = hint([
  'fluen',
  'proficien',
  'native',
  'bilingual',
  'spoken',
  'written',
  'speak',
  'language',
  'business',
  'working knowledge',
  'command of',
  'communicat',
  'mother tongue',
  'verbal',
  'read',
  'writ',
  'skill',
  'abilit',
  'plus',
  'bonus',
  'advantage',
  'asset',
  'preferred',
  'required',
  // "excellent English"
  'excellent',
  'good',
  'strong',
  'solid',
  'advanced',
  'decent',
  'great',
  'outstanding',
]);

export function readLanguages(text: string, hints: number): LanguageRequirement | null {
  if (
    !(hints & PROFICIENCY_HINT) ||
    !(PROFICIENCY.test(text) || NAMED_AS_ASKED.test(text) || LANGUAGE_SKILLS.test(text) || LEVEL_BEFORE.test(text))
  )
    return null;
  ANY_LANGUAGE.lastIndex = 0;
  const found: { name: string; word: string; start: number; end: number }[] = [];
  for (let m = ANY_LANGUAGE.exec(text); m; m = ANY_LANGUAGE.exec(text)) {
    found.push({ name: byAlias.get(m[0].toLowerCase())!, word: m[0], start: m.index, end: m.index + m[0].length });
  }
  const unnamed = UNNAMED.exec(text)?.[0] ?? null;
  if (found.length === 0) return unnamed ? { items: [], high: HIGH_LEVEL.test(text), unnamed } : null;
  const other = otherLanguage(text, found);
  const items: LanguageRequirement['items'] = [];
  let prev: (typeof found)[number] | null = null;
  for (const f of found) {
    const sep = prev ? text.slice(prev.end, f.start) : '';
    const last = items[items.length - 1];
    if (prev && last && /^\s*(?:\/|or|,\s*or)\s*$/i.test(sep)) {
      last.names.push(f.name);
      last.words.push(f.word);
      // "English reading and writing, able to read English documents" asks for English once.
    } else if (!items.some((i) => i.names.length === 1 && i.names[0] === f.name)) items.push({ names: [f.name], words: [f.word] });
    prev = f;
  }
  // "English or Mandarin" at the end of a comma list makes the whole list any-of.
  if (
    /\bor\b/i.test(text) &&
    !/\band\b/i.test(text.slice(found[0]!.start, found[found.length - 1]!.end)) &&
    /\beither\b|\bone of\b|\bor\b/i.test(text.slice(found[0]!.start, found[found.length - 1]!.end))
  ) {
    return {
      items: [{ names: items.flatMap((i) => i.names), words: items.flatMap((i) => i.words) }, ...other],
      high: HIGH_LEVEL.test(text),
      unnamed,
    };
  }
  return { items: [...items, ...other], high: HIGH_LEVEL.test(text), unnamed };
}

/** The item "another (European) language" asks for, beside the named ones: none, or one. */
function otherLanguage(text: string, named: { name: string }[]): LanguageRequirement['items'] {
  const m = OTHER_LANGUAGE.exec(text);
  if (!m) return [];
  const region = m[1]?.trim().toLowerCase().replace(/\s+/g, ' ');
  const taken = new Set(named.flatMap((f) => ACCEPTS[f.name] ?? [f.name]));
  const names = (region ? REGIONS[region]! : Object.keys(LANGUAGES)).filter((n) => !taken.has(n));
  return [{ names, words: [m[0].trim().replace(/^(?:at least|plus|and)\s+/i, '')], other: true }];
}

// A profile's languages are read once, not on every language line of every posting.
const profileLanguages = new Map<string, string | null>();
function profileLanguage(entry: string): string | null {
  let name = profileLanguages.get(entry);
  if (name === undefined) {
    ANY_LANGUAGE.lastIndex = 0;
    const m = ANY_LANGUAGE.exec(entry);
    name = m ? byAlias.get(m[0].toLowerCase())! : null;
    if (profileLanguages.size < 1000) profileLanguages.set(entry, name);
  }
  return name;
}

export function assessLanguages(req: LanguageRequirement, ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  if (ctx.profile.languages.length === 0) {
    evidence.notes.push('your profile lists no languages');
    return aspect('language', 'unknown', evidence);
  }
  let met = 0;
  let partial = 0;
  let unchecked = 0;
  for (const item of req.items) {
    let found: { entry: string; low: boolean } | null = null;
    let word = '';
    for (let i = 0; i < item.names.length && !found; i++) {
      const accepts = ACCEPTS[item.names[i]!] ?? [item.names[i]!];
      const entry = ctx.profile.languages.find((l) => {
        const name = profileLanguage(l);
        return name !== null && accepts.includes(name);
      });
      if (entry) {
        found = { entry, low: LOW_PROFILE_LEVEL.test(entry) };
        word = item.other ? item.words[0]! : item.words[i]!;
      }
    }
    if (!found) {
      // A language Job Lens does not know may be the other language the line asks for.
      const unknown = item.other ? ctx.profile.languages.find((l) => profileLanguage(l) === null) : undefined;
      if (unknown) {
        evidence.notes.push(`${unknown}: not a language Job Lens knows, so whether it is ${item.words[0]} cannot be checked`);
        unchecked++;
        continue;
      }
      evidence.missing.push(listOr(item.words));
      continue;
    }
    evidence.matched.push({ requirement: word, profile: found.entry });
    if (found.low && req.high) {
      partial++;
      evidence.notes.push(`${found.entry}: the line asks for fluency`);
    } else met++;
  }
  // Languages joined by "and" are each needed: one missing leaves the line unmet.
  const total = req.items.length;
  let verdict: Verdict =
    met + partial + unchecked < total ? 'unmet' : met === total ? 'met' : unchecked > 0 && partial === 0 ? 'unknown' : 'partial';
  if (verdict !== 'met' && evidence.missing.length === 0 && partial === 0)
    evidence.missing.push(listAnd(req.items.map((i) => listOr(i.words))));
  // English is never the whole answer to "the local language and English".
  if (req.unnamed && verdict !== 'unmet') {
    evidence.notes.push(`the line asks for ${req.unnamed} without naming it, so that part cannot be checked`);
    verdict = 'unknown';
  }
  return aspect('language', verdict, evidence);
}
