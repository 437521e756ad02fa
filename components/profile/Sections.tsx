// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-controls.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CheckboxField, FieldError, SelectField, TextField, fieldId, useFieldError } from './Field';
import {
  DEGREE_OPTIONS,
  STATUS_OPTIONS,
  WORK_AUTHORIZATION_OPTIONS,
  emptyAvailability,
  emptyEducation,
  emptyExperience,
  emptyPublication,
  emptyWorkAuthorization,
  type EducationDraft,
  type ExperienceDraft,
  type ProfileDraft,
  type PublicationDraft,
} from './draft';
import './Sections.css';

/**
 * The profile's lists of records (degrees, availability, publications, work authorisation): each
 * row a labelled group with its own remove button. Adding a row moves focus to its first field;
 * removing one moves focus to the list's add button, so keyboard users never land on nothing.
 */
function Rows<T>({
  id,
  title,
  intro,
  noun,
  rows,
  onChange,
  make,
  firstField,
  render,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  noun: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  make: () => T;
  firstField: (index: number) => string;
  render: (row: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
}) {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ kind: 'field'; path: string } | { kind: 'add' } | null>(null);
  const listError = useFieldError(id);

  useEffect(() => {
    if (!focus) return;
    if (focus.kind === 'add') addRef.current?.focus();
    else document.getElementById(fieldId(focus.path))?.focus();
    setFocus(null);
  }, [focus]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {rows.length === 0 ? <p className="empty">None yet.</p> : null}
      {rows.map((row, i) => (
        <fieldset key={i} className="row">
          <legend>
            {noun[0]!.toUpperCase() + noun.slice(1)} {i + 1}
          </legend>
          <div className="row-fields">{render(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}</div>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              onChange(rows.filter((_, j) => j !== i));
              setFocus({ kind: 'add' });
            }}
          >
            Remove {noun} {i + 1}
          </button>
        </fieldset>
      ))}
      <FieldError path={id} message={listError} />
      <button
        ref={addRef}
        type="button"
        onClick={() => {
          onChange([...rows, make()]);
          setFocus({ kind: 'field', path: firstField(rows.length) });
        }}
      >
        Add {noun}
      </button>
    </section>
  );
}

type Update = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => void;

export function EducationSection({ rows, update }: { rows: EducationDraft[]; update: Update }) {
  return (
    <Rows
      id="education"
      title="Education"
      intro="Degrees you hold or are studying for. Postings ask for a level, a field, whether you are still enrolled, and when you graduate."
      noun="degree"
      rows={rows}
      onChange={(next) => update('education', next)}
      make={emptyEducation}
      firstField={(i) => `education.${i}.level`}
      render={(row, i, set) => (
        <>
          <SelectField
            path={`education.${i}.level`}
            label="Level"
            value={row.level}
            onChange={(level) => set({ level })}
            options={DEGREE_OPTIONS.map((d) => ({ value: d, label: d }))}
          />
          <TextField
            path={`education.${i}.field`}
            label="Field of study"
            value={row.field}
            onChange={(field) => set({ field })}
            hint="As your university names it, e.g. Computer Science."
          />
          <SelectField
            path={`education.${i}.status`}
            label="Status"
            value={row.status}
            onChange={(status) => set({ status })}
            options={STATUS_OPTIONS}
          />
          <TextField
            path={`education.${i}.graduation`}
            label="Graduation (YYYY-MM)"
            value={row.graduation}
            onChange={(graduation) => set({ graduation })}
            inputMode="numeric"
            hint={`${row.status === 'completed' ? 'When you graduated' : 'When you expect to graduate'}, e.g. 2026-06.`}
          />
        </>
      )}
    />
  );
}

export function AvailabilitySection({ rows, update }: { rows: ProfileDraft['availability']; update: Update }) {
  return (
    <Rows
      id="availability"
      title="Availability"
      intro="When you can work, e.g. an internship window. Checked against start dates, internship periods and durations."
      noun="period"
      rows={rows}
      onChange={(next) => update('availability', next)}
      make={emptyAvailability}
      firstField={(i) => `availability.${i}.from`}
      render={(row, i, set) => (
        <>
          <TextField path={`availability.${i}.from`} label="From" type="date" value={row.from} onChange={(from) => set({ from })} />
          <TextField path={`availability.${i}.to`} label="To" type="date" value={row.to} onChange={(to) => set({ to })} />
        </>
      )}
    />
  );
}

export function PublicationsSection({ rows, update }: { rows: PublicationDraft[]; update: Update }) {
  return (
    <Rows
      id="publications"
      title="Publications"
      intro="Papers for research roles: the venue as it is usually written (NeurIPS, ICML, KDD, TPAMI)."
      noun="publication"
      rows={rows}
      onChange={(next) => update('publications', next)}
      make={emptyPublication}
      firstField={(i) => `publications.${i}.venue`}
      render={(row, i, set) => (
        <>
          <TextField
            path={`publications.${i}.venue`}
            label="Venue"
            value={row.venue}
            onChange={(venue) => set({ venue })}
            hint="e.g. NeurIPS."
          />
          <TextField
            path={`publications.${i}.year`}
            label="Year"
            value={row.year}
            onChange={(year) => set({ year })}
            inputMode="numeric"
            maxLength={4}
          />
          <CheckboxField
            path={`publications.${i}.firstAuthor`}
            label="First author"
            checked={row.firstAuthor}
            onChange={(firstAuthor) => set({ firstAuthor })}
          />
        </>
      )}
    />
  );
}

export function WorkAuthorizationSection({ rows, update }: { rows: ProfileDraft['workAuthorization']; update: Update }) {
  return (
    <Rows
      id="workAuthorization"
      title="Work authorisation"
      intro="Countries where you can (or cannot yet) work, one row each."
      noun="country"
      rows={rows}
      onChange={(next) => update('workAuthorization', next)}
      make={emptyWorkAuthorization}
      firstField={(i) => `workAuthorization.${i}.country`}
      render={(row, i, set) => (
        <>
          <TextField
            path={`workAuthorization.${i}.country`}
            label="Country"
            value={row.country}
            onChange={(country) => set({ country })}
            hint="e.g. Singapore."
          />
          <SelectField
            path={`workAuthorization.${i}.status`}
            label="Status"
            value={row.status}
            onChange={(status) => set({ status })}
            options={WORK_AUTHORIZATION_OPTIONS}
          />
        </>
      )}
    />
  );
}

export function ExperienceSection({ rows, update }: { rows: ExperienceDraft[]; update: Update }) {
  return (
    <Rows
      id="experience"
      title="Experience"
      intro="Jobs and internships with their dates. Postings that ask for years of experience are checked against the months here."
      noun="role"
      rows={rows}
      onChange={(next) => update('experience', next)}
      make={emptyExperience}
      firstField={(i) => `experience.${i}.title`}
      render={(row, i, set) => (
        <>
          <TextField
            path={`experience.${i}.title`}
            label="Role"
            value={row.title}
            onChange={(title) => set({ title })}
            hint="e.g. Software Engineer Intern."
          />
          <TextField
            path={`experience.${i}.organization`}
            label="Organisation (optional)"
            value={row.organization}
            onChange={(organization) => set({ organization })}
          />
          <TextField
            path={`experience.${i}.from`}
            label="From (YYYY-MM)"
            value={row.from}
            onChange={(from) => set({ from })}
            inputMode="numeric"
          />
          <TextField
            path={`experience.${i}.to`}
            label="To (YYYY-MM)"
            value={row.to}
            onChange={(to) => set({ to })}
            inputMode="numeric"
            hint="Leave empty while you are still there."
          />
          <CheckboxField
            path={`experience.${i}.internship`}
            label="Internship"
            checked={row.internship}
            onChange={(internship) => set({ internship })}
          />
        </>
      )}
    />
  );
}
