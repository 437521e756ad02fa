import { z } from '../zod';

/**
 * The shape of lib/skills/skills.json. `version` changes when the meaning of an entry changes
 * (not when skills are added), so stored match results can say which list produced them.
 *
 * - `aliases`: other spellings; matching ignores case unless the form is listed in `caseSensitive`.
 * - `caseSensitive`: forms that are only this skill when written exactly so ("Go", "R", "C",
 *   "Excel"): lowercase "go" is the verb.
 * - `commonWord`: case-sensitive forms that are also ordinary English words, rejected at the start
 *   of a sentence when a lowercase word follows ("Go above and beyond").
 * - `implies`: skills that knowing this one shows (PySpark → Spark, Python).
 * - groups name categories and concepts ("deep learning framework", "big data"); a line that asks
 *   for a group is met by any skill in it or in a group `within` it.
 */

const form = z.string().trim().min(1).max(80);

const SkillGroupSchema = z.strictObject({
  label: form,
  phrases: z.array(form).min(1),
  within: z.array(z.string()).optional(),
  caseSensitive: z.array(form).optional(),
});

const SkillSchema = z.strictObject({
  name: form,
  aliases: z.array(form),
  groups: z.array(z.string()),
  caseSensitive: z.array(form).optional(),
  commonWord: z.array(form).optional(),
  implies: z.array(form).optional(),
});

export const SkillListSchema = z
  .strictObject({
    version: z.number().int().positive(),
    groups: z.record(z.string().regex(/^[a-z0-9-]+$/), SkillGroupSchema),
    skills: z.array(SkillSchema).min(1),
  })
  .superRefine((list, ctx) => {
    const names = new Set(list.skills.map((skill) => skill.name));
    const groupIds = new Set(Object.keys(list.groups));
    list.skills.forEach((skill, i) => {
      const forms = new Set([skill.name, ...skill.aliases]);
      for (const g of skill.groups) {
        if (!groupIds.has(g)) ctx.addIssue({ code: 'custom', path: ['skills', i, 'groups'], message: `unknown group ${g}` });
      }
      for (const implied of skill.implies ?? []) {
        if (!names.has(implied)) ctx.addIssue({ code: 'custom', path: ['skills', i, 'implies'], message: `unknown skill ${implied}` });
      }
      for (const f of [...(skill.caseSensitive ?? []), ...(skill.commonWord ?? [])]) {
        if (!forms.has(f)) ctx.addIssue({ code: 'custom', path: ['skills', i], message: `${f} is not a name or alias of ${skill.name}` });
      }
    });
    for (const [id, group] of Object.entries(list.groups)) {
      for (const parent of group.within ?? []) {
        if (!groupIds.has(parent)) ctx.addIssue({ code: 'custom', path: ['groups', id, 'within'], message: `unknown group ${parent}` });
      }
    }
  });
export type SkillList = z.infer<typeof SkillListSchema>;
