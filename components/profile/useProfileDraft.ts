import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { failureMessage } from '../../lib/messages/client';
import type { Profile } from '../../lib/profile/schema';
import { loadProfile, type HasProfileTable } from '../../lib/profile/store';
import { getProfileRow } from '../../lib/store/queries';
import type { ExtensionApi } from '../shared/api';
import { describePath, draftFromProfile, draftFromUnknown, validateDraft, type ProfileDraft } from './draft';
import type { FieldState } from './Field';
import { readProfileFile } from './file';

export interface Stored {
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
  const row = await getProfileRow(db);
  return { draft: draftFromUnknown(row?.data), profile: null, updatedAt: row?.updatedAt ?? null, problem: loaded.reason };
}

export type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'note'; text: string };

/**
 * The profile editor's state: the saved profile (live), the draft the form shows, whether it has
 * unsaved changes (and the browser's warning on leaving then), which fields show their errors,
 * the save through the background, and what happens when the saved profile changes elsewhere.
 */
export function useProfileDraft(api: ExtensionApi) {
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

  const update = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft || status.kind === 'saving') return;
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

  return {
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
  };
}
