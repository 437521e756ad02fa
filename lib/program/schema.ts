import { z } from 'zod';

/**
 * A program as stored with the user's correction of a job. The key is `<track>:<intake>`
 * (`intern-bsms:2026-start`); the label is what the user reads.
 */
export const ProgramSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/, 'expected a program key like intern-bsms:2026-start').max(80),
  label: z.string().min(1).max(120),
});
export type Program = z.infer<typeof ProgramSchema>;

/** Another program, "none" (the user says this job has no limit), or null (the posting decides). */
export const ProgramOverrideSchema = z.union([ProgramSchema, z.literal('none'), z.null()]);
