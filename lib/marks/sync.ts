import type { JobLensDb } from '../store/db';
import type { PrefsStore } from './prefs';

/**
 * The background's side of the marks: which careers tabs run the marks script, and telling them
 * when what they show may have changed. Nothing is remembered between runs (MV3 stops the worker):
 * a tab that runs the script answers the change message, and one that does not gets the script.
 */
interface MarksTabsDeps {
  prefs: PrefsStore;
  db: () => Promise<JobLensDb>;
  /** The ids of the open careers tabs. */
  careersTabs: () => Promise<number[]>;
  /** Tells a tab's marks script to fetch again; resolves `true` when one answered. */
  tell: (tabId: number) => Promise<unknown>;
  inject: (tabId: number) => Promise<void>;
}

/** Marks are drawn only when the user has them on and has something saved to mark. */
async function marksWanted(prefs: PrefsStore, db: JobLensDb): Promise<boolean> {
  return (await prefs.get()).enabled && (await db.jobs.limit(1).primaryKeys()).length > 0;
}

export function createMarksTabs(d: MarksTabsDeps) {
  const wanted = async () => marksWanted(d.prefs, await d.db());
  // Many changes in a row (a burst of saves, a rescoring in chunks) become one round of messages.
  let running: Promise<void> | null = null;
  let again = false;
  const round = async () => {
    const want = await wanted();
    for (const tabId of await d.careersTabs()) {
      const answered = (await d.tell(tabId).catch(() => undefined)) === true;
      if (!answered && want) await d.inject(tabId).catch(() => undefined);
    }
  };
  return {
    /** A careers page finished loading in `tabId`: a new document, without the script. */
    async loaded(tabId: number): Promise<void> {
      if (await wanted()) await d.inject(tabId);
    },
    /** Something the marks show may have changed. */
    changed(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await round();
          } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
