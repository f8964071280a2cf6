import { type FormEvent, useId, useState } from "react";
import type { ProjectStage } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { isProjectStage, PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";

type StageBackFormProps = {
  /** The earlier stages, in lifecycle order. */
  stages: readonly ProjectStage[];
  isSubmitting: boolean;
  /** Resolves to whether the move succeeded. */
  onSubmit: (stage: ProjectStage, reason: string) => Promise<boolean>;
  onCancel: () => void;
};

/** Admins move a project back to an earlier stage, always with a reason (kept in the timeline). */
export function StageBackForm({ stages, isSubmitting, onSubmit, onCancel }: StageBackFormProps) {
  const id = useId();
  const [stage, setStage] = useState<ProjectStage | "">(stages.at(-1) ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ stage?: string; reason?: string }>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    const found: { stage?: string; reason?: string } = {};
    if (!stage) found.stage = "Choisissez l’étape à laquelle revenir.";
    if (!reason.trim()) found.reason = "Indiquez le motif du retour à une étape précédente.";
    setErrors(found);
    if (!stage || found.reason) return;
    void onSubmit(stage, reason.trim());
  }

  return (
    <form className="form inline-form" onSubmit={handleSubmit} noValidate aria-label="Revenir à une étape précédente">
      <div className="field">
        <label htmlFor={`${id}-stage`}>Revenir à l’étape</label>
        <select
          id={`${id}-stage`}
          value={stage}
          onChange={(e) => setStage(isProjectStage(e.target.value) ? e.target.value : "")}
          aria-invalid={errors.stage ? true : undefined}
          aria-describedby={errors.stage ? `${id}-stage-error` : undefined}
        >
          {stages.map((candidate) => (
            <option key={candidate} value={candidate}>
              {PROJECT_STAGES.indexOf(candidate) + 1}. {STAGE_LABELS[candidate]}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-stage-error`} message={errors.stage} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Motif (obligatoire)</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} message={errors.reason} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting && <Spinner />} Revenir à cette étape
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
