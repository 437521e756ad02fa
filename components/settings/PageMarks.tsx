// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import { failureMessage } from '../../lib/messages/client';
import { useEffect, useId, useState } from 'react';
import type { MarksPrefs } from '../../lib/marks/prefs';

/**
 * The in-page marks setting: marks on the careers site's search results and the line on job
 * pages, on or off, and the line back on sites where it was dismissed. Read from the extension's
 * storage, written through the background (which tells open careers pages to redraw).
 */

export interface PageMarksApi {
  load(): Promise<MarksPrefs>;
  save(enabled: boolean, restoreLine: boolean): Promise<MarksPrefs>;
}

const SITE_NAMES = { tiktok: 'TikTok', bytedance: 'ByteDance' } as const;

export function PageMarks({ api }: { api: PageMarksApi }) {
  const [prefs, setPrefs] = useState<MarksPrefs | null>(null);
  const [message, setMessage] = useState('');
  const id = useId();

  useEffect(() => {
    api.load().then(setPrefs, (error: unknown) => setMessage(`Could not read the setting: ${failureMessage(error)}`));
  }, [api]);

  const save = (enabled: boolean, restoreLine: boolean) => {
    api.save(enabled, restoreLine).then(
      (next) => {
        setPrefs(next);
        setMessage(restoreLine ? 'The job page line is back on every site.' : enabled ? 'Marks are on.' : 'Marks are off.');
      },
      (error: unknown) => setMessage(`Not saved: ${failureMessage(error)}`),
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Marks on the careers site</h2>
      <p className="hint">
        On TikTok and ByteDance search results, jobs you have opened show what Job Lens knows (status, match, places left), and job pages
        show a line under the title. Jobs you have not opened show nothing.
      </p>
      <label className="field field-checkbox">
        <input
          type="checkbox"
          checked={prefs?.enabled ?? true}
          disabled={prefs === null}
          onChange={(event) => save(event.currentTarget.checked, false)}
        />
        Show marks on the careers site
      </label>
      {prefs && prefs.dismissedSites.length > 0 && (
        <p>
          The job page line is hidden on {prefs.dismissedSites.map((s) => SITE_NAMES[s]).join(' and ')}.{' '}
          <button type="button" onClick={() => save(prefs.enabled, true)}>
            Show it again
          </button>
        </p>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
