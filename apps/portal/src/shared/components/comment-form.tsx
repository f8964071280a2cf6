import type { FormEvent, Ref } from "react";
import { FieldError } from "./field-error";
import { Spinner } from "./spinner";

type CommentFormProps = {
  /** Prefix of the ids (`<id>-comment`, `<id>-comment-error`). */
  id: string;
  /** Accessible name of the form. */
  ariaLabel: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  textareaRef: Ref<HTMLTextAreaElement>;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
};

/** A decision that needs a written comment (send back for changes, unlock…): the comment, its error, send / cancel. */
export function CommentForm({ id, ariaLabel, label, value, onChange, error, textareaRef, busy, submitLabel, onSubmit, onCancel }: CommentFormProps) {
  return (
    <form className="inline-form" noValidate onSubmit={onSubmit} aria-label={ariaLabel}>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{label}</label>
        <textarea
          id={`${id}-comment`}
          ref={textareaRef}
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-comment-error` : undefined}
          autoFocus
        />
        <FieldError id={`${id}-comment-error`} message={error} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy && <Spinner />} {submitLabel}
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
