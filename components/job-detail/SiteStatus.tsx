// First, so this component's own rules and its children's come after the shared ones.
import '../shared/popup-tones.css';
import type { JobRecord } from '../../lib/store/schema';
import { localDay } from '../shared/format';

/**
 * What the careers site itself showed for this application, beside the user's own record: its
 * status as worded there and when it was read, and, where the site's date and the user's differ,
 * both dates (Job Lens never replaces the user's date with the site's).
 */
export function SiteStatusLine({ job }: { job: JobRecord }) {
  const site = job.siteStatus ?? null;
  const referral = job.viaReferral === true;
  const unknown = job.appliedDateUnknown === true;
  if (!site && !referral && !unknown) return null;
  const siteDay = site?.appliedAt ? localDay(site.appliedAt) : null;
  const ownDay = job.appliedAt ? localDay(job.appliedAt) : null;
  return (
    <div className="meta" data-testid="site-status">
      {site?.text && (
        <p>
          On the site: {site.text} (read {localDay(site.readAt)})
        </p>
      )}
      {siteDay && ownDay && siteDay !== ownDay && !unknown && (
        <p>
          The site dates this application {siteDay}; your record says {ownDay}.
        </p>
      )}
      {unknown && <p>The application date is not known yet: the site only said you had applied.</p>}
      {referral && <p>Via a referral link.</p>}
    </div>
  );
}
