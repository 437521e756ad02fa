// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-card.css';
import '../shared/options-tones.css';
import '../shared/options-controls.css';
import '../shared/buttons.css';
import { canonicalSkill } from '../../lib/skills/lookup';
import { mergeProposals, skillKey } from './draft';
import { FieldContext } from './Field';
import { profileFileName, profileFileText } from './file';
import { ResumeImport } from './ResumeImport';
import { AvailabilitySection, EducationSection, ExperienceSection, PublicationsSection, WorkAuthorizationSection } from './Sections';
import { suggestSkill } from './suggest';
import { TagInput } from './TagInput';
import { useApi } from '../shared/api';
import { useProfileDraft } from './useProfileDraft';
import './ProfileEditor.css';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const normalizeSkill = (typed: string) => {
  const target = canonicalSkill(typed);
  return target?.kind === 'skill' ? target.name : typed.trim();
};

export function ProfileEditor() {
  const api = useApi();
  const {
    stored,
    draft,
    setDraft,
    dirty,
    status,
    problem,
    elsewhere,
    adopt,
    fieldState,
    formRef,
    update,
    onSubmit,
    loadFile,
    fileMessage,
  } = useProfileDraft(api);

  if (!draft || !stored) {
    return (
      <p role="status" className="status-line">
        Loading your profile…
      </p>
    );
  }

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
