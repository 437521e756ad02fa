// First, so this component's own rules and its children's come after the shared ones.
import '../shared/visually-hidden.css';
import '../shared/popup-tones.css';
import type { LineResult, MatchReport, Verdict } from '../../lib/match';
import { evidenceLines, VERDICTS } from './match';
import './Qualifications.css';

const LEGEND_ORDER: Verdict[] = ['met', 'partial', 'unmet', 'unknown'];

function VerdictLegend() {
  return (
    <ul className="legend" aria-label="What the marks mean">
      {LEGEND_ORDER.map((verdict) => (
        <li key={verdict} className={`verdict-${verdict}`}>
          <span className="verdict-icon" aria-hidden="true">
            {VERDICTS[verdict].icon}
          </span>
          {VERDICTS[verdict].label}
        </li>
      ))}
    </ul>
  );
}

/**
 * One requirement line. It takes keyboard focus so the evidence that shows on hover also shows
 * on focus, and it is the line's accessible description, so a screen reader reads it too.
 */
function Line({ result, id }: { result: LineResult; id: string }) {
  const verdict = VERDICTS[result.verdict];
  const evidence = evidenceLines(result.evidence);
  const evidenceId = `${id}-evidence`;
  return (
    <li
      className={`qual verdict-${result.verdict}`}
      tabIndex={0}
      aria-describedby={evidenceId}
      data-verdict={result.verdict}
      data-testid="qualification"
    >
      <span className="verdict-icon" aria-hidden="true">
        {verdict.icon}
      </span>
      <span className="qual-text">
        <span className="visually-hidden">{verdict.label}: </span>
        {result.text}
      </span>
      <span className="evidence" id={evidenceId} role="tooltip">
        <strong>{verdict.label}</strong>
        {evidence.length === 0 ? ` — ${verdict.explain}.` : evidence.map((line, i) => <span key={i}>{line}</span>)}
      </span>
    </li>
  );
}

function PlainLines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="quals plain">
      {lines.map((line, i) => (
        <li key={i} className="qual">
          <span className="qual-text">{line}</span>
        </li>
      ))}
    </ul>
  );
}

function Group({ title, id, results }: { title: string; id: string; results: readonly LineResult[] }) {
  if (results.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul className="quals">
        {results.map((result, i) => (
          <Line key={i} result={result} id={`${id}-${i}`} />
        ))}
      </ul>
    </section>
  );
}

/** The requirement lines, highlighted by verdict when there is a report, plain when there is no profile. */
export function Qualifications({
  report,
  minimum,
  preferred,
}: {
  report: MatchReport | null;
  minimum: readonly string[];
  preferred: readonly string[];
}) {
  if (minimum.length === 0 && preferred.length === 0 && (!report || report.eligibility.length === 0)) {
    return <p className="meta">This posting lists no qualifications.</p>;
  }
  if (!report) {
    return (
      <>
        {minimum.length > 0 && (
          <section aria-labelledby="min-plain-title">
            <h3 id="min-plain-title">Minimum qualifications</h3>
            <PlainLines lines={minimum} />
          </section>
        )}
        {preferred.length > 0 && (
          <section aria-labelledby="pref-plain-title">
            <h3 id="pref-plain-title">Preferred qualifications</h3>
            <PlainLines lines={preferred} />
          </section>
        )}
      </>
    );
  }
  return (
    <>
      <VerdictLegend />
      <p className="hint">Hover over or tab to a line to see why.</p>
      <Group title="Minimum qualifications" id="qual-min" results={report.minimum} />
      <Group title="Preferred qualifications" id="qual-pref" results={report.preferred} />
      <Group title="Stated elsewhere in the posting" id="qual-elig" results={report.eligibility} />
    </>
  );
}
