import { describe, expect, it } from 'vitest';
import { JobPostingSchema } from '../../../../lib/posting/schema';

describe('JobPostingSchema', () => {
  it('refuses an empty object and names the missing fields', () => {
    const result = JobPostingSchema.safeParse({});
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('jobId');
    expect(paths).toContain('title');
  });
});
