import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../../lib/backup/status';
import type { DataApi } from '../shared/api';

/** How often an open page asks again: a failed write can happen while it is open. */
const POLL_MS = 4000;

/**
 * What happened to the data that the user must know (a restore from the backup copy, a write that
 * failed, a private profile), each shown until they close it. Texts come from the background and
 * are rendered as text.
 */
export function DataNotices({ api }: { api: DataApi }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const load = useCallback(() => {
    api.status().then(
      (status) => setNotices(status.notices),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (notices.length === 0) return null;
  return (
    <div className="data-notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`data-notice data-notice-${notice.kind}`}
          role={notice.kind === 'write-failed' || notice.kind === 'backup-failed' ? 'alert' : 'status'}
          data-testid="data-notice"
          data-kind={notice.kind}
        >
          <p>{notice.text}</p>
          <button
            type="button"
            className="link"
            onClick={() => {
              setNotices((all) => all.filter((n) => n.id !== notice.id));
              void api.dismiss(notice.id).finally(load);
            }}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
