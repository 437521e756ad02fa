import type { LimitState } from '../../../lib/limit/limit';

/**
 * Every application the limit state knows of, whatever its program (experienced-hire ones too):
 * what tests of recording and restoring count, where the program split is not the point.
 */
export function applicationsKnown(state: LimitState): number {
  return state.programs.reduce((sum, program) => sum + program.used, 0) + state.uncounted;
}
