import { createContext, type ReactNode, use } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { fieldDomId, getIn } from "../utils/paths";

/** What every field of a period form reads: the draft, where to write, the error of its path. */
export type PeriodFormContextValue = {
  formId: string;
  draft: unknown;
  setAt: (path: string, value: unknown) => void;
  /** The message to show next to the field at `path` (browser validation once touched, or the server's). */
  errorAt: (path: string) => string | undefined;
  touch: (path: string) => void;
};

export const PeriodFormContext = createContext<PeriodFormContextValue | null>(null);

export function usePeriodForm(): PeriodFormContextValue {
  const context = use(PeriodFormContext);
  if (!context) throw new Error("usePeriodForm outside a PeriodFormContext");
  return context;
}

type FieldProps = {
  path: string;
  label: string;
  hint?: ReactNode;
  /** For grid cells: the label is read by screen readers but not shown. */
  hideLabel?: boolean;
  className?: string;
};

function describedBy(id: string, error: string | undefined, hint: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

type InputFieldProps = FieldProps & {
  kind?: "text" | "number" | "date";
  /** Shown after the input (« € », « % »). */
  suffix?: string;
};

/** The frame of a labelled field: label (or visually hidden), hint, the control, its error. */
function FieldShell({ id, label, hint, hideLabel, className, error, children }: { id: string; label: string; hint?: ReactNode; hideLabel?: boolean | undefined; className?: string | undefined; error: string | undefined; children: ReactNode }) {
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * A text, number or date field. Numbers are typed as text (`inputMode="decimal"`) so that the French comma works and
 * an unfinished value is kept as typed.
 */
export function InputField({ path, label, hint, hideLabel, className, kind = "text", suffix }: InputFieldProps) {
  const { formId, draft, setAt, errorAt, touch } = usePeriodForm();
  const id = fieldDomId(formId, path);
  const error = errorAt(path);
  const value = getIn(draft, path);
  return (
    <FieldShell id={id} label={label} hint={hint} hideLabel={hideLabel} className={className} error={error}>
      <div className="results-input">
        <input
          id={id}
          type={kind === "date" ? "date" : "text"}
          inputMode={kind === "number" ? "decimal" : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => setAt(path, e.target.value)}
          onBlur={() => touch(path)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
        {suffix && <span className="results-input__suffix" aria-hidden="true">{suffix}</span>}
      </div>
    </FieldShell>
  );
}

type SelectFieldProps = FieldProps & { options: readonly { value: string; label: string }[]; onChanged?: (value: string) => void };

export function SelectField({ path, label, hint, hideLabel, className, options, onChanged }: SelectFieldProps) {
  const { formId, draft, setAt, errorAt, touch } = usePeriodForm();
  const id = fieldDomId(formId, path);
  const error = errorAt(path);
  const value = getIn(draft, path);
  const current = typeof value === "string" ? value : "";
  // A stored value the choices no longer offer (another table was picked) stays visible until it is changed.
  const choices = options.some((o) => o.value === current) ? options : [{ value: current, label: current ? `${current} (inconnu)` : "—" }, ...options];
  return (
    <FieldShell id={id} label={label} hint={hint} hideLabel={hideLabel} className={className} error={error}>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          setAt(path, e.target.value);
          onChanged?.(e.target.value);
        }}
        onBlur={() => touch(path)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {choices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ path, label, hint, hideLabel, className }: FieldProps) {
  const { formId, draft, setAt, errorAt } = usePeriodForm();
  const id = fieldDomId(formId, path);
  const error = errorAt(path);
  return (
    <div className={["field field--checkbox", className].filter(Boolean).join(" ")}>
      <input
        id={id}
        type="checkbox"
        checked={getIn(draft, path) === true}
        onChange={(e) => setAt(path, e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** An error that concerns a whole row or list (a duplicated group, a split that does not add up). */
export function GroupError({ path }: { path: string }) {
  const { formId, errorAt } = usePeriodForm();
  const message = errorAt(path);
  if (!message) return null;
  return (
    <p className="field__error" id={`${fieldDomId(formId, path)}-error`}>
      {message}
    </p>
  );
}
