import data from '../../lib/skills/skills.json';
import type { SkillList } from '../../lib/skills/schema';

/**
 * Suggestions for the skill box: canonical names and aliases from the skill list, so typing
 * "golang" offers Go and "ali" offers Alibaba Cloud. The chosen value is always the canonical
 * name; the alias is shown beside it so the user sees why it was offered.
 */

export interface Suggestion {
  value: string;
  /** The alias that matched, when it was not the name itself. */
  matched?: string;
}

interface Candidate {
  name: string;
  lowerName: string;
  aliases: { text: string; lower: string }[];
}

export function buildSuggester(list: SkillList) {
  const candidates: Candidate[] = list.skills.map((skill) => ({
    name: skill.name,
    lowerName: skill.name.toLowerCase(),
    aliases: skill.aliases.map((text) => ({ text, lower: text.toLowerCase() })),
  }));

  /** Best first: exact, name prefix, alias prefix, word prefix, substring; shorter names break ties. */
  return function suggest(query: string, exclude: readonly string[] = [], limit = 8): Suggestion[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const excluded = new Set(exclude.map((e) => e.trim().toLowerCase()));
    const scored: { s: Suggestion; rank: number }[] = [];
    for (const c of candidates) {
      if (excluded.has(c.lowerName)) continue;
      const wordStart = c.lowerName.split(/[\s/.-]+/).some((w) => w.startsWith(q));
      let best: { rank: number; matched?: string } | null = null;
      const consider = (rank: number, matched?: string) => {
        if (!best || rank < best.rank) best = { rank, matched };
      };
      if (c.lowerName === q) consider(0);
      else if (c.lowerName.startsWith(q)) consider(2);
      else if (wordStart) consider(4);
      else if (q.length >= 2 && c.lowerName.includes(q)) consider(5);
      for (const alias of c.aliases) {
        if (alias.lower === q) consider(1, alias.text);
        else if (alias.lower.startsWith(q)) consider(3, alias.text);
        else if (q.length >= 3 && alias.lower.includes(q)) consider(6, alias.text);
      }
      const found = best as { rank: number; matched?: string } | null;
      if (found) scored.push({ s: found.matched ? { value: c.name, matched: found.matched } : { value: c.name }, rank: found.rank });
    }
    scored.sort((a, b) => a.rank - b.rank || a.s.value.length - b.s.value.length || a.s.value.localeCompare(b.s.value));
    return scored.slice(0, limit).map((x) => x.s);
  };
}

let bundled: ReturnType<typeof buildSuggester> | null = null;

export function suggestSkill(query: string, exclude: readonly string[] = [], limit = 8): Suggestion[] {
  bundled ??= buildSuggester(data as SkillList);
  return bundled(query, exclude, limit);
}
