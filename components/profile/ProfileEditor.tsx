import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { failureMessage } from '../../lib/messages/client';
import { PROFILE_ROW_ID, type Profile } from '../../lib/profile/schema';
import { loadProfile, type HasProfileTable } from '../../lib/profile/store';
import { canonicalSkill } from '../../lib/skills/lookup';
import { describePath, draftFromProfile, draftFromUnknown, mergeProposals, skillKey, validateDraft, type ProfileDraft } from './draft';
import { FieldContext, type FieldState } from './Field';
import { profileFileName, profileFileText, readProfileFile } from './file';
import { ResumeImport } from './ResumeImport';
import { AvailabilitySection, EducationSection, ExperienceSection, PublicationsSection, WorkAuthorizationSection } from './Sections';
import { suggestSkill } from './suggest';
import { TagInput } from './TagInput';
import { useApi } from '../shared/api';
import './ProfileEditor.css';

interface Stored {
  draft: ProfileDraft;
  /** The saved profile when it passes the schema; null when there is none or it is broken. */
  profile: Profile | null;
  updatedAt: string | null;
  problem: string | null;
}

async function readStored(db: HasProfileTable): Promise<Stored> {
  const loaded = await loadProfile(db);
  if (loaded.ok) {
    return {
      draft: draftFromProfile(loaded.profile),
      profile: loaded.updatedAt ? loaded.profile : null,
      updatedAt: loaded.updatedAt,
      problem: null,
    };
  }
  // Shown as far as it goes, with the schema's complaint, so the user can repair it.
  const row = await db.profile.get(PROFILE_ROW_ID);
  return { draft: draftFromUnknown(row?.data), profile: null, updatedAt: row?.updatedAt ?? null, problem: loaded.reason };
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'note'; text: string };

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const normalizeSkill = (typed: string) => {
  const target = canonicalSkill(typed);
  return target?.kind === 'skill' ? target.name : typed.trim();
};

export function ProfileEditor() {
  const api = useApi();
  const stored = useLiveQuery(() => readStored(api.db), [api.db]);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  // JSON of the draft as last loaded or saved: the draft differs from it when there are unsaved changes.
  const [baseline, setBaseline] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [elsewhere, setElsewhere] = useState<Stored | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const [fileMessage, setFileMessage] = useState('');
  const savingJson = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const draftJson = useMemo(() => (draft ? JSON.stringify(draft) : ''), [draft]);
  const dirty = draft !== null && draftJson !== baseline;

  const adopt = useCallback((s: Stored) => {
    setDraft(s.draft);
    setBaseline(JSON.stringify(s.draft));
    setProblem(s.problem);
    setShowAll(s.problem !== null);
    setTouched(new Set());
    setElsewhere(null);
  }, []);

  useEffect(() => {
    if (!stored) return;
    if (draft === null) {
      adopt(stored);
      return;
    }
    const json = JSON.stringify(stored.draft);
    // Our own save coming back, or a change that leaves the form as it is.
    if (json === draftJson || json === savingJson.current) {
      setBaseline(json);
      return;
    }
    if (!dirty) {
      adopt(stored);
      setStatus({ kind: 'note', text: 'The saved profile changed elsewhere (an import?); the form now shows it.' });
      return;
    }
    setElsewhere(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new stored row starts this comparison; the draft is compared, not followed (following it would undo the user's typing)
  }, [stored]);

  useEffect(() => {
    if (!dirty) return;
    // Both: preventDefault is the standard, returnValue what older engines still look for.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (focusInvalid === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const validation = useMemo(() => (draft ? validateDraft(draft) : null), [draft]);
  const fieldState = useMemo<FieldState>(
    () => ({
      errors: validation && !validation.ok ? validation.errors : new Map(),
      visible: (path) => showAll || touched.has(path),
      touch: (path) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
    }),
    [validation, showAll, touched],
  );

  if (!draft || !stored) {
    return (
      <p role="status" className="status-line">
        Loading your profile…
      </p>
    );
  }

  const update = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'saving') return;
    const result = validateDraft(draft);
    if (!result.ok) {
      setShowAll(true);
      const paths = [...result.errors.keys()];
      setStatus({
        kind: 'invalid',
        text: `Not saved: ${paths.length === 1 ? '1 field needs' : `${paths.length} fields need`} attention (${describePath(paths[0]!)}).`,
      });
      setFocusInvalid((n) => n + 1);
      return;
    }
    const startJson = draftJson;
    const savedDraft = draftFromProfile(result.profile);
    const savedJson = JSON.stringify(savedDraft);
    savingJson.current = savedJson;
    setStatus({ kind: 'saving' });
    try {
      const { updatedAt } = await api.send('profile:save', { profile: result.profile });
      // Keep anything typed while the save was on its way; otherwise show the stored (trimmed) form.
      setDraft((current) => (current && JSON.stringify(current) === startJson ? savedDraft : current));
      setBaseline(savedJson);
      setTouched(new Set());
      setShowAll(false);
      setProblem(null);
      setElsewhere(null);
      setStatus({ kind: 'saved', at: updatedAt });
    } catch (error) {
      setStatus({ kind: 'failed', text: `Not saved: ${failureMessage(error)}` });
    } finally {
      savingJson.current = null;
    }
  };

  const statusText = (() => {
    switch (status.kind) {
      case 'saving':
        return 'Saving…';
      case 'saved':
        return dirty ? 'Unsaved changes.' : `Profile saved (${when(status.at)}).`;
      case 'failed':
      case 'invalid':
      case 'note':
        return status.text;
      default:
        if (dirty) return 'Unsaved changes.';
        return stored.updatedAt ? `Last saved ${when(stored.updatedAt)}.` : 'Not saved yet.';
    }
  })();

  const loadFile = async (file: File) => {
    const result = readProfileFile(await file.text());
    if (!result.ok) {
      setFileMessage(`Not loaded: ${result.reason}.`);
      return;
    }
    setDraft(draftFromProfile(result.profile));
    setTouched(new Set());
    setFileMessage(
      `Loaded ${file.name}${result.fromExport ? ' (the profile part of a Job Lens export)' : ''} into the form. Review it, then save.`,
    );
  };

  return (
    <FieldContext.Provider value={fieldState}>
      {problem ? (
        <div role="alert" className="banner">
          <p>
            Your saved profile does not pass the checks: {problem}. It is shown below as far as it could be read; fix the marked fields and
            save.
          </p>
        </div>
      ) : null}
      {elsewhere ? (
        <div role="alert" className="banner">
          <p>The saved profile was changed elsewhere while you were editing.</p>
          <button type="button" onClick={() => adopt(elsewhere)}>
            Discard my changes and load it
          </button>
        </div>
      ) : null}

      <ResumeImport draft={draft} now={api.now} onAccept={(accepted) => setDraft((d) => (d ? mergeProposals(d, accepted) : d))} />

      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Profile">
        <EducationSection rows={draft.education} update={update} />

        <section className="card" aria-labelledby="skills-title">
          <h2 id="skills-title">Skills</h2>
          <TagInput
            path="skills"
            label="Add a skill"
            noun="skill"
            values={draft.skills}
            onChange={(skills) => update('skills', skills)}
            suggest={suggestSkill}
            normalize={normalizeSkill}
            keyOf={skillKey}
            placeholder="Python, PyTorch, Spark…"
            hint="Suggestions come from Job Lens's skill list (names and other spellings: golang → Go). Arrow keys choose, Enter adds, Escape closes."
          />
        </section>

        <section className="card" aria-labelledby="languages-title">
          <h2 id="languages-title">Languages</h2>
          <TagInput
            path="languages"
            label="Add a language"
            noun="language"
            values={draft.languages}
            onChange={(languages) => update('languages', languages)}
            placeholder="English (native)"
            hint="Add a level where it matters: “Mandarin (native)”, “Japanese - basic”."
          />
        </section>

        <AvailabilitySection rows={draft.availability} update={update} />

        <section className="card" aria-labelledby="locations-title">
          <h2 id="locations-title">Locations</h2>
          <TagInput
            path="locations"
            label="Add a location"
            noun="location"
            values={draft.locations}
            onChange={(locations) => update('locations', locations)}
            placeholder="Singapore, London…"
            hint="Cities, countries or regions where you can work on site."
          />
        </section>

        <ExperienceSection rows={draft.experience} update={update} />
        <PublicationsSection rows={draft.publications} update={update} />
        <WorkAuthorizationSection rows={draft.workAuthorization} update={update} />

        <div className="save-bar">
          <button type="submit" className="primary" disabled={status.kind === 'saving'}>
            Save profile
          </button>
          <p role="status" id="save-status" className={`status-line status-${status.kind}`}>
            {statusText}
          </p>
        </div>
      </form>

      <section className="card" aria-labelledby="transfer-title">
        <h2 id="transfer-title">Export and import</h2>
        <p>
          Your profile travels with the rest of your data: the full export from the Job Lens toolbar button holds your jobs, notes and this
          profile, and its import restores them.
          {api.dataPageUrl ? (
            <>
              {' '}
              <a href={api.dataPageUrl} target="_blank" rel="noreferrer">
                Open the Job Lens data page
              </a>
              .
            </>
          ) : null}
        </p>
        <p className="hint">
          The profile on its own, as JSON, is what <code>npm run match -- --profile &lt;file&gt;</code> reads.
          {dirty ? ' The download is the last saved version.' : ''}
        </p>
        <div className="actions">
          <button
            type="button"
            disabled={!stored.profile}
            onClick={() => stored.profile && api.download(profileFileName(api.now()), profileFileText(stored.profile), 'application/json')}
          >
            Download profile (JSON)
          </button>
          <label className="file-button">
            Load a profile file (JSON)
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void loadFile(file);
              }}
            />
          </label>
        </div>
        <p role="status" className="status-line">
          {fileMessage}
        </p>
      </section>
    </FieldContext.Provider>
  );
}
