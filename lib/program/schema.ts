import { z } from '../zod';
import { V3ProgramSchema } from '../store/migrations/v3';

/**
 * A program as stored with the user's correction of a job. The key is `<track>:<intake>`
 * (`intern-bsms:2026-start`); the label is what the user reads.
 */
const ProgramSchema = V3ProgramSchema;
export type Program = z.infer<typeof ProgramSchema>;

/** Another program, "none" (the user says this job has no limit), or null (the posting decides). */
export const ProgramOverrideSchema = z.union([ProgramSchema, z.literal('none'), z.null()]);
