import type { JobLensDb } from '../store/db';
import { recordPostingSeen } from '../store/jobs';
import type { Handlers } from './router';

export interface HandlerDeps {
  db: JobLensDb;
  now: () => Date;
}

/**
 * The background's answers, as plain functions over the database: tests call them directly.
 * Nothing is kept in memory between messages, because MV3 stops the service worker at will.
 */
export function createHandlers({ db, now }: HandlerDeps): Handlers {
  return {
    'posting:seen': async ({ posting }) => {
      const result = await recordPostingSeen(db, posting, now());
      if (!result.ok) throw new Error(result.reason);
      return { outcome: result.outcome };
    },
  };
}
