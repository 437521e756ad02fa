import { canonicalSkill, findSkills, type SkillIndex } from '../skills/lookup';
import { escapeRegExp } from '../text/regexp';

/** What the profile's skill list shows, read once per profile and skill index. */
export interface SkillHoldings {
  empty: boolean;
  /** Canonical skill name → the profile entry that shows it (implied skills included). */
  names: Map<string, string>;
  /** Group id → profile entry, for every group a held skill or group lies within. */
  groups: Map<string, string>;
  /** Profile entries the skill list does not know, matched as plain words. */
  custom: { entry: string; pattern: RegExp }[];
  /** A skill or custom name has a "|", so items' joined keys could clash across target counts. */
  barInNames: boolean;
}

/**
 * `roles`: the titles of the profile's roles. "Backend Engineer" shows backend development and
 * "Java Developer" Java, as the skill list would; a title adds only what the list does not show.
 */
export function holdSkills(entries: string[], index: SkillIndex, roles: readonly string[] = []): SkillHoldings {
  const names = new Map<string, string>();
  const groups = new Map<string, string>();
  const custom: SkillHoldings['custom'] = [];
  const addSkill = (name: string, entry: string) => {
    if (names.has(name)) return;
    names.set(name, entry);
    const skill = index.skills.get(name);
    if (!skill) return;
    for (const g of skill.groups) if (!groups.has(g)) groups.set(g, entry);
    for (const implied of skill.implies) addSkill(implied, `${entry} (implies ${implied})`);
  };
  for (const entry of entries) {
    const target = canonicalSkill(entry, index);
    if (target?.kind === 'skill') addSkill(target.name, entry);
    else if (target?.kind === 'group') {
      for (const g of index.groups.get(target.id)?.ancestors ?? []) if (!groups.has(g)) groups.set(g, entry);
    } else {
      // Several skills in one entry ("Python, SQL"), or a skill the list does not know.
      const found = findSkills(entry, index);
      for (const m of found) {
        if (m.target.kind === 'skill') addSkill(m.target.name, entry);
        else for (const g of index.groups.get(m.target.id)?.ancestors ?? []) if (!groups.has(g)) groups.set(g, entry);
      }
      if (found.length === 0) {
        names.set(entry, entry);
        custom.push({ entry, pattern: new RegExp(`(?<![\\w+#])${escapeRegExp(entry.trim())}(?![\\w+#])`, 'i') });
      }
    }
  }
  for (const title of roles) {
    const entry = `${title} (your role)`;
    for (const m of findSkills(title, index)) {
      if (m.target.kind === 'skill') addSkill(m.target.name, entry);
      else for (const g of index.groups.get(m.target.id)?.ancestors ?? []) if (!groups.has(g)) groups.set(g, entry);
    }
  }
  let barInNames = custom.some((c) => c.entry.includes('|'));
  for (const name of index.skills.keys()) barInNames ||= name.includes('|');
  return { empty: entries.length === 0, names, groups, custom, barInNames };
}
