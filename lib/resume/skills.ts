import { findSkills, type SkillIndex } from '../skills/lookup';

/** Skills: every skill of the skill list the text names, once, as first written. */

export interface ProposedSkill {
  /** Canonical name from the skill list. */
  name: string;
  /** The words as written in the résumé ("golang" for Go). */
  source: string;
}

export function proposeSkills(text: string, index: SkillIndex): ProposedSkill[] {
  const seen = new Map<string, ProposedSkill>();
  for (const mention of findSkills(text, index)) {
    if (mention.target.kind !== 'skill') continue;
    if (!seen.has(mention.target.name)) seen.set(mention.target.name, { name: mention.target.name, source: mention.text });
  }
  return [...seen.values()];
}
