// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import { useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FieldContext, FieldError, errorId, fieldId, useFieldError } from './Field';
import type { Suggestion } from './suggest';
import './TagInput.css';

/**
 * A list of short entries (skills, languages, locations) edited as removable chips.
 *
 * Keyboard: type and press Enter (or paste a comma-separated list) to add; with suggestions,
 * ArrowDown/ArrowUp move through them (the ARIA combobox pattern: focus stays in the box,
 * aria-activedescendant names the highlighted option), Enter takes the highlighted one, Escape
 * closes the list and a second Escape clears the box. Each chip's remove button takes Enter,
 * Space, Delete or Backspace, and focus moves to the neighbouring chip so the user can keep going;
 * Backspace in an empty box moves to the last chip.
 */
export interface TagInputProps {
  /** Field path of the list ("skills"); entries are "skills.0", "skills.1", … */
  path: string;
  label: string;
  /** One word for a single entry, for button names: "Remove skill Python". */
  noun: string;
  values: string[];
  onChange: (values: string[]) => void;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  suggest?: (query: string, exclude: readonly string[]) => Suggestion[];
  /** Turns what was typed into the stored form (an alias into its canonical skill name). */
  normalize?: (typed: string) => string;
  /** Two entries are the same when their keys are ("golang" and "Go"). */
  keyOf?: (value: string) => string;
}

const defaultKey = (value: string) => value.trim().toLowerCase();

export function TagInput({
  path,
  label,
  noun,
  values,
  onChange,
  hint,
  placeholder,
  maxLength = 100,
  suggest,
  normalize = (typed) => typed.trim(),
  keyOf = defaultKey,
}: TagInputProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [notice, setNotice] = useState('');
  // After a removal, the chip index to focus once the list has re-rendered without it.
  const [focusAfterRemove, setFocusAfterRemove] = useState<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const uid = useId();
  const inputId = fieldId(path);
  const listboxId = `${inputId}-suggestions`;
  const hintId = `${inputId}-hint`;
  const noticeId = `${inputId}-notice`;
  const listError = useFieldError(path);
  // Entry messages show at once: a chip is only ever added on purpose.
  const { errors } = useContext(FieldContext);
  const entryErrors = values.flatMap((value, i) => {
    const message = errors.get(`${path}.${i}`);
    return message ? [{ value, i, message }] : [];
  });

  const suggestions = suggest && query.trim() ? suggest(query, values) : [];
  const expanded = open && suggestions.length > 0;
  const optionId = (i: number) => `${uid}-option-${i}`;

  const add = (raw: string[]) => {
    const next = [...values];
    const keys = new Set(next.map(keyOf));
    const added: string[] = [];
    const duplicates: string[] = [];
    for (const piece of raw) {
      const value = normalize(piece);
      if (!value) continue;
      const key = keyOf(value);
      if (keys.has(key)) {
        duplicates.push(value);
        continue;
      }
      keys.add(key);
      next.push(value);
      added.push(value);
    }
    if (added.length) onChange(next);
    setNotice(
      [
        added.length ? `Added ${added.join(', ')}.` : '',
        duplicates.length ? `${duplicates.join(', ')} ${duplicates.length === 1 ? 'is' : 'are'} already in the list.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const remove = (index: number) => {
    const removed = values[index];
    onChange(values.filter((_, i) => i !== index));
    setNotice(`Removed ${removed ?? ''}.`);
    setFocusAfterRemove(index);
  };

  useEffect(() => {
    if (focusAfterRemove === null) return;
    const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const target = buttons.length ? buttons[Math.min(focusAfterRemove, buttons.length - 1)] : null;
    (target ?? inputRef.current)?.focus();
    setFocusAfterRemove(null);
  }, [focusAfterRemove, values]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!suggest || !query.trim()) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(event.key === 'ArrowDown' ? 0 : suggestions.length - 1);
          return;
        }
        const n = suggestions.length;
        // Both directions wrap; Up from "nothing highlighted" goes to the last.
        setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
        return;
      }
      case 'Enter': {
        // Enter never submits the form from here: it is how entries are added.
        event.preventDefault();
        const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
        if (chosen) add([chosen.value]);
        else if (query.trim()) add(query.split(/[,;\n]/));
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          event.preventDefault();
          setQuery('');
        }
        return;
      case 'Backspace':
        if (query === '' && values.length > 0) {
          event.preventDefault();
          chipsRef.current?.querySelectorAll<HTMLButtonElement>('button')[values.length - 1]?.focus();
        }
        return;
      default:
    }
  };

  const onChipKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
    }
  };

  const describedBy = [hint ? hintId : '', listError ? errorId(path) : '', noticeId].filter(Boolean).join(' ');

  return (
    <div className="tag-input">
      <label htmlFor={inputId}>{label}</label>
      {values.length > 0 ? (
        <ul className="chips" ref={chipsRef} aria-label={`${label}: ${values.length} added`}>
          {values.map((value, i) => (
            <li key={`${value}-${i}`} className={entryErrors.some((e) => e.i === i) ? 'chip chip-invalid' : 'chip'}>
              <span>{value}</span>
              <button type="button" aria-label={`Remove ${noun} ${value}`} onClick={() => remove(i)} onKeyDown={(e) => onChipKeyDown(e, i)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="combobox">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          // Room for a pasted comma-separated list; each entry's own limit is the schema's to report.
          maxLength={maxLength * 20}
          placeholder={placeholder}
          value={query}
          aria-invalid={listError || entryErrors.length ? true : undefined}
          aria-describedby={describedBy}
          {...(suggest
            ? {
                role: 'combobox',
                'aria-autocomplete': 'list' as const,
                'aria-expanded': expanded,
                'aria-controls': listboxId,
                'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
              }
            : {})}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
            setNotice('');
          }}
          onKeyDown={onInputKeyDown}
          onBlur={() => setOpen(false)}
        />
        {suggest ? (
          <ul id={listboxId} role="listbox" aria-label={`Suggested ${noun}s`} className="suggestions" hidden={!expanded}>
            {expanded
              ? suggestions.map((s, i) => (
                  <li
                    key={s.value}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'active' : undefined}
                    // Keeps focus in the box, so the click does not blur it first.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => add([s.value])}
                  >
                    {s.value}
                    {s.matched ? <span className="matched"> ({s.matched})</span> : null}
                  </li>
                ))
              : null}
          </ul>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError path={path} message={listError} />
      {entryErrors.map((e) => (
        <p key={e.i} className="field-error">
          {shorten(e.value)}: {e.message}
        </p>
      ))}
      <p id={noticeId} className="hint" aria-live="polite">
        {notice}
      </p>
    </div>
  );
}

const shorten = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);
