// Plain constants shared by the schema and by code that runs in the content script. This file
// must not import Zod: the content script has a 30 KB budget and validation belongs to the background.
export const SITES = ['tiktok', 'bytedance'] as const;
export const DEGREE_LEVELS = ['Bachelor', 'Master', 'PhD'] as const;
/** Where a degree stands: still studying, or finished. */
export const EDUCATION_STATUSES = ['pursuing', 'completed'] as const;
export { MONTHS } from '../text/calendar';
export const JOB_ID_PATTERN = /^\d{6,25}$/;
