/**
 * One run at a time, however often it is asked for: a call while a run is going makes one more
 * run follow it (not one per call), and every caller meanwhile waits for the same runs. `run`
 * may itself ask for another pass by returning true (what it read changed while it worked).
 */
export function coalesced(run: () => Promise<boolean | void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          if ((await run()) === true) again = true;
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
