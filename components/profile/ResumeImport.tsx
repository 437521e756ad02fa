// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import '../shared/options-controls.css';
import { useId, useRef, useState } from 'react';
import { parseResume, MAX_RESUME_CHARS } from '../../lib/resume/parse';
import { newProposals, type ProfileDraft, type Proposals } from './draft';
import './ResumeImport.css';

/**
 * Paste a résumé, get a checklist of what it seems to say (degrees, skills, publications,
 * languages, locations, availability), tick
 * what is right, and add it to the form. Nothing is saved from here: the additions land in the
 * form, where the user reviews them and saves. The text itself is never stored.
 */

interface Item {
  key: string;
  group: keyof Proposals;
  index: number;
  label: string;
  source: string;
}

function itemsOf(p: Proposals): Item[] {
  return [
    ...p.degrees.map((d, index) => ({
      key: `d${index}`,
      group: 'degrees' as const,
      index,
      // What was not found says so, here and as an empty field in the form, never as a guess.
      label: [
        d.level,
        d.field || '(field not found)',
        d.status,
        d.graduation === ''
          ? 'graduation not found'
          : /^\d{4}$/.test(d.graduation)
            ? `graduation ${d.graduation} (month not given)`
            : `graduation ${d.graduation}`,
      ].join(' · '),
      source: d.source,
    })),
    ...p.skills.map((s, index) => ({
      key: `s${index}`,
      group: 'skills' as const,
      index,
      label: s.name,
      source: s.source === s.name ? '' : s.source,
    })),
    ...p.publications.map((pub, index) => ({
      key: `p${index}`,
      group: 'publications' as const,
      index,
      label: [pub.venue, pub.year ?? '(year not found)', pub.firstAuthor ? 'first author' : 'not first author'].join(' · '),
      source: pub.source,
    })),
    ...p.languages.map((l, index) => ({ key: `l${index}`, group: 'languages' as const, index, label: l.entry, source: l.source })),
    ...p.locations.map((l, index) => ({ key: `c${index}`, group: 'locations' as const, index, label: l.name, source: l.source })),
    ...p.availability.map((a, index) => ({
      key: `a${index}`,
      group: 'availability' as const,
      index,
      label: `${a.from} to ${a.to}`,
      source: a.source,
    })),
    ...p.experience.map((x, index) => ({
      key: `x${index}`,
      group: 'experience' as const,
      index,
      label: [
        x.title,
        x.organization || null,
        `${x.from || '(start month not given)'} to ${x.to === null ? 'now' : x.to || '(end month not given)'}`,
        x.internship ? 'internship' : null,
      ]
        .filter(Boolean)
        .join(' · '),
      source: x.source,
    })),
  ];
}

const KEY_PREFIX: Record<keyof Proposals, string> = {
  degrees: 'd',
  skills: 's',
  publications: 'p',
  languages: 'l',
  locations: 'c',
  availability: 'a',
  experience: 'x',
};

function counts(p: Proposals): string {
  const parts = [
    plural(p.degrees.length, 'degree', 'degrees'),
    plural(p.skills.length, 'skill', 'skills'),
    plural(p.publications.length, 'publication', 'publications'),
  ];
  // The newer kinds only when there are some, so the common message stays short.
  if (p.languages.length) parts.push(plural(p.languages.length, 'language', 'languages'));
  if (p.locations.length) parts.push(plural(p.locations.length, 'location', 'locations'));
  if (p.availability.length) parts.push(plural(p.availability.length, 'availability period', 'availability periods'));
  if (p.experience.length) parts.push(plural(p.experience.length, 'role', 'roles'));
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ResumeImport({ draft, now, onAccept }: { draft: ProfileDraft; now: () => Date; onAccept: (accepted: Proposals) => void }) {
  const [text, setText] = useState('');
  const [proposals, setProposals] = useState<Proposals | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');
  const checklistRef = useRef<HTMLFieldSetElement>(null);
  const uid = useId();

  const find = () => {
    // Whatever goes wrong is said on the page: the button never silently does nothing.
    let parsed: Proposals;
    try {
      parsed = parseResume(text, now());
    } catch (error) {
      setProposals(null);
      setMessage(
        error instanceof Error && error.name === 'ResumeTooLongError'
          ? error.message
          : `Could not read this text: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const fresh = newProposals(draft, parsed);
    const found = itemsOf(parsed).length;
    const items = itemsOf(fresh);
    if (items.length === 0) {
      setProposals(null);
      setMessage(found === 0 ? 'No degrees, skills or publications found in this text.' : 'Everything found is already in your profile.');
      return;
    }
    setProposals(fresh);
    setChecked(new Set(items.map((i) => i.key)));
    const already = found - items.length;
    setMessage(`Found ${counts(fresh)} to add${already ? ` (${already} already in your profile)` : ''}. Untick what is wrong.`);
    requestAnimationFrame(() => checklistRef.current?.querySelector('input')?.focus());
  };

  const accept = () => {
    if (!proposals) return;
    const take = <T,>(list: T[], group: keyof Proposals) => list.filter((_, i) => checked.has(`${KEY_PREFIX[group]}${i}`));
    const accepted: Proposals = {
      degrees: take(proposals.degrees, 'degrees'),
      skills: take(proposals.skills, 'skills'),
      publications: take(proposals.publications, 'publications'),
      languages: take(proposals.languages, 'languages'),
      locations: take(proposals.locations, 'locations'),
      availability: take(proposals.availability, 'availability'),
      experience: take(proposals.experience, 'experience'),
    };
    onAccept(accepted);
    setProposals(null);
    setMessage(`Added ${counts(accepted)} to the form. Review them, then save.`);
  };

  const items = proposals ? itemsOf(proposals) : [];
  const groups: [Item['group'], string][] = [
    ['degrees', 'Degrees'],
    ['skills', 'Skills'],
    ['publications', 'Publications'],
    ['languages', 'Languages'],
    ['locations', 'Locations'],
    ['availability', 'Availability'],
    ['experience', 'Experience'],
  ];

  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>Fill from your résumé</h2>
      <div className="field">
        <label htmlFor={`${uid}-text`}>Paste your résumé text</label>
        <textarea id={`${uid}-text`} rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${uid}-hint`} />
        <p id={`${uid}-hint`} className="hint">
          Read on this page only and never stored; up to {MAX_RESUME_CHARS.toLocaleString('en')} characters. Also finds languages,
          locations, availability and work experience. You choose what goes into your profile.
        </p>
      </div>
      <button type="button" onClick={find} disabled={!text.trim()}>
        Find degrees, skills and publications
      </button>
      <p role="status" className="status-line">
        {message}
      </p>
      {proposals ? (
        <fieldset ref={checklistRef} className="checklist">
          <legend>Found in your résumé</legend>
          {groups.map(([group, title]) => {
            const inGroup = items.filter((i) => i.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} role="group" aria-labelledby={`${uid}-${group}`}>
                <h3 id={`${uid}-${group}`}>{title}</h3>
                <ul>
                  {inGroup.map((item) => (
                    <li key={item.key}>
                      <input
                        type="checkbox"
                        id={`${uid}-${item.key}`}
                        checked={checked.has(item.key)}
                        aria-describedby={item.source ? `${uid}-${item.key}-source` : undefined}
                        onChange={(e) => {
                          const next = new Set(checked);
                          if (e.target.checked) next.add(item.key);
                          else next.delete(item.key);
                          setChecked(next);
                        }}
                      />
                      <label htmlFor={`${uid}-${item.key}`}>{item.label}</label>
                      {item.source ? (
                        <q id={`${uid}-${item.key}-source`} className="source">
                          {item.source}
                        </q>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <div className="actions">
            <button type="button" onClick={accept} disabled={checked.size === 0}>
              Add {checked.size} selected to the form
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setProposals(null);
                setMessage('Nothing added.');
              }}
            >
              Discard
            </button>
          </div>
        </fieldset>
      ) : null}
    </section>
  );
}
