// First, so this component's own rules and its children's come after the shared ones.
import '../shared/options-tones.css';
import '../shared/options-fields.css';
import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldErrors } from './draft';

/**
 * How a field finds its message: the editor validates the whole draft with the schema on every
 * change and shares the result; a field shows its message once the user has left it, or after a
 * save attempt, so nobody is scolded for a field they have not reached yet.
 */
export interface FieldState {
  errors: FieldErrors;
  visible(path: string): boolean;
  touch(path: string): void;
}

export const FieldContext = createContext<FieldState>({ errors: new Map(), visible: () => false, touch: () => undefined });

/** Element ids from field paths: "education.0.graduation" → "profile-education-0-graduation". */
export const fieldId = (path: string) => `profile-${path.replace(/\./g, '-')}`;
export const errorId = (path: string) => `${fieldId(path)}-error`;

export function useFieldError(path: string): string | undefined {
  const state = useContext(FieldContext);
  return state.visible(path) ? state.errors.get(path) : undefined;
}

/** aria-invalid and aria-describedby for a control, and its blur handler. */
function useFieldProps(path: string, hintId?: string) {
  const state = useContext(FieldContext);
  const error = state.visible(path) ? state.errors.get(path) : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ');
  return {
    error,
    props: {
      id: fieldId(path),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy || undefined,
      onBlur: () => state.touch(path),
    },
  };
}

export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className="field-error">
      {message}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export function TextField({
  path,
  label,
  value,
  onChange,
  hint,
  ...rest
}: { path: string; label: ReactNode; value: string; onChange: (value: string) => void; hint?: string } & InputProps) {
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  const { error, props } = useFieldProps(path, hintId);
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      <input type="text" {...rest} {...props} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError path={path} message={error} />
    </div>
  );
}

export function SelectField({
  path,
  label,
  value,
  onChange,
  options,
}: {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const { error, props } = useFieldProps(path);
  // A stored value the options do not know (a hand-edited file) stays visible, and invalid.
  const known = options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={props.id}>{label}</label>
      <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
        {known ? null : <option value={value}>{value || '(choose)'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError path={path} message={error} />
    </div>
  );
}

export function CheckboxField({
  path,
  label,
  checked,
  onChange,
}: {
  path: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { error, props } = useFieldProps(path);
  return (
    <div className="field field-checkbox">
      <input type="checkbox" {...props} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={props.id}>{label}</label>
      <FieldError path={path} message={error} />
    </div>
  );
}
