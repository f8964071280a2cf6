import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { FileUploadField, useFileUploads } from "../../files";
import { SUBMIT_MILESTONE } from "../graphql/submit-milestone.mutation";
import { fieldValuesToInput, type MilestoneFieldSpec, validateFieldValues } from "../utils/milestone-fields";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

export const COMMENT_MAX_LENGTH = 2000;

type SubmissionFormProps = {
  projectId: string;
  milestone: { key: string; label: string; fields: readonly MilestoneFieldSpec[] };
  /** Called with a French confirmation once the submission is recorded. */
  onSubmitted: (message: string) => void;
  onCancel?: () => void;
};

type Errors = Partial<Record<string, string>>;

const EMPTY_SUBMISSION = "Joignez au moins un document, ou renseignez le formulaire du jalon.";

/**
 * Submits a milestone: documents (each uploaded as soon as it is picked, with its progress), the milestone's
 * typed fields and a comment. Errors show next to their field (`fields.<key>`, `fileIds`, `comment`).
 */
export function SubmissionForm({ projectId, milestone, onSubmitted, onCancel }: SubmissionFormProps) {
  const id = useId();
  const uploads = useFileUploads(projectId);
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [submitMilestone, { loading }] = useMutation(SUBMIT_MILESTONE);

  const fieldId = (key: string) => `${id}-field-${key}`;
  const errorIdOf = (errorKey: string, elementId: string) => (errors[errorKey] ? `${elementId}-error` : undefined);

  function focusFirstError() {
    // After React has drawn the messages.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function update(key: string, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [`fields.${key}`]: undefined }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    if (uploads.isUploading) {
      setFormError("Attendez la fin de l’envoi des documents avant de déposer.");
      return;
    }
    const fields = fieldValuesToInput(milestone.fields, values);
    const trimmedComment = comment.trim();
    const found: Errors = validateFieldValues(milestone.key, fields);
    if (uploads.fileIds.length === 0 && fields.length === 0 && !trimmedComment) found["fileIds"] = EMPTY_SUBMISSION;
    if ([...trimmedComment].length > COMMENT_MAX_LENGTH) {
      found["comment"] = `Le commentaire ne peut pas dépasser ${COMMENT_MAX_LENGTH} caractères.`;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError();
      return;
    }

    try {
      await submitMilestone({
        variables: {
          input: {
            projectId,
            milestoneKey: milestone.key,
            fileIds: uploads.fileIds,
            fields,
            ...(trimmedComment ? { comment: trimmedComment } : {}),
          },
        },
        update: (cache) => refreshProjectCache(cache, projectId, STALE_AFTER.submission),
      });
      uploads.reset();
      setValues({});
      setComment("");
      onSubmitted(`« ${milestone.label} » est déposé : la fédération va le relire.`);
    } catch (error) {
      const fieldErrors = getFieldErrors(error);
      const known: Errors = {};
      const others: string[] = [];
      for (const [key, message] of Object.entries(fieldErrors)) {
        if (!message) continue;
        if (key === "fileIds" || key === "comment" || milestone.fields.some((f) => `fields.${f.key}` === key)) {
          known[key] = message;
        } else {
          others.push(message);
        }
      }
      setErrors(known);
      setFormError(
        others.length > 0
          ? others.join(" ")
          : Object.keys(known).length > 0
            ? "Le dépôt contient des erreurs : corrigez les champs signalés."
            : describeError(error),
      );
      focusFirstError();
    }
  }

  return (
    <form
      ref={formRef}
      className="form submission-form"
      onSubmit={(e) => void handleSubmit(e)}
      noValidate
      aria-label={`Déposer « ${milestone.label} »`}
    >
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      <FileUploadField
        id={`${id}-files`}
        items={uploads.items}
        onAddFiles={uploads.addFiles}
        onRemove={uploads.remove}
        error={errors["fileIds"]}
      />

      {milestone.fields.map((field) => {
        const elementId = fieldId(field.key);
        const errorKey = `fields.${field.key}`;
        const describedBy = errorIdOf(errorKey, elementId);
        const label = `${field.label}${field.required ? " (obligatoire)" : ""}`;
        if (field.type === "BOOLEAN") {
          return (
            <div className="field" key={field.key}>
              <div className="field--checkbox">
                <input
                  id={elementId}
                  type="checkbox"
                  checked={values[field.key] === "true"}
                  onChange={(e) => update(field.key, e.target.checked ? "true" : "false")}
                  aria-invalid={describedBy ? true : undefined}
                  aria-describedby={describedBy}
                />
                <label htmlFor={elementId}>{label}</label>
              </div>
              <FieldError id={`${elementId}-error`} message={errors[errorKey]} />
            </div>
          );
        }
        return (
          <div className="field" key={field.key}>
            <label htmlFor={elementId}>{label}</label>
            <input
              id={elementId}
              type={field.type === "DATE" ? "date" : "text"}
              inputMode={field.type === "NUMBER" ? "decimal" : undefined}
              maxLength={field.type === "FINESS" ? 9 : field.type === "TEXT" ? 2000 : undefined}
              autoCapitalize={field.type === "FINESS" ? "characters" : undefined}
              required={field.required}
              value={values[field.key] ?? ""}
              onChange={(e) => update(field.key, e.target.value)}
              aria-invalid={describedBy ? true : undefined}
              aria-describedby={[field.type === "FINESS" || field.type === "NUMBER" ? `${elementId}-hint` : "", describedBy ?? ""]
                .filter(Boolean)
                .join(" ") || undefined}
            />
            {field.type === "FINESS" && (
              <p className="field__hint" id={`${elementId}-hint`}>
                9 caractères, clé de contrôle comprise.
              </p>
            )}
            {field.type === "NUMBER" && (
              <p className="field__hint" id={`${elementId}-hint`}>
                Nombre positif, par exemple 12500 ou 12500,50.
              </p>
            )}
            <FieldError id={`${elementId}-error`} message={errors[errorKey]} />
          </div>
        );
      })}

      <div className="field">
        <label htmlFor={`${id}-comment`}>Commentaire (facultatif)</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setErrors((current) => ({ ...current, comment: undefined }));
          }}
          aria-invalid={errors["comment"] ? true : undefined}
          aria-describedby={errorIdOf("comment", `${id}-comment`)}
        />
        <FieldError id={`${id}-comment-error`} message={errors["comment"]} />
      </div>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading || uploads.isUploading}>
          {loading ? (
            <>
              <Spinner /> Dépôt en cours…
            </>
          ) : (
            "Déposer"
          )}
        </button>
        {onCancel && (
          <button type="button" className="button button--link" onClick={onCancel}>
            Annuler
          </button>
        )}
      </div>
      {uploads.isUploading && <p className="field__hint">Envoi des documents en cours…</p>}
    </form>
  );
}
