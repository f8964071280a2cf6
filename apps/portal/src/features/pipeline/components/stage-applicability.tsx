import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import type { ProjectStage, ProjectStagesFragment } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { STAGE_LABELS } from "../../../shared/labels";
import { SET_STAGE_APPLICABILITY } from "../graphql/set-stage-applicability.mutation";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

type StageStateRow = ProjectStagesFragment["stageStates"][number];

type StageApplicabilityProps = {
  projectId: string;
  stageStates: readonly StageStateRow[];
};

/**
 * Stages a project may skip (immobilier for a multi-site MSP, financements without funding): staff mark them
 * « non applicable » with a reason, or applicable again.
 */
export function StageApplicability({ projectId, stageStates }: StageApplicabilityProps) {
  const titleId = useId();
  const optional = stageStates.filter((state) => state.canBeNotApplicable);
  const [editing, setEditing] = useState<ProjectStage | null>(null);
  const [notice, setNotice] = useState("");
  const [setApplicability, { loading }] = useMutation(SET_STAGE_APPLICABILITY);
  const [error, setError] = useState<string | null>(null);

  if (optional.length === 0) return null;

  async function change(stage: ProjectStage, notApplicable: boolean, reason?: string): Promise<string | null> {
    setError(null);
    setNotice("");
    try {
      await setApplicability({
        variables: { input: { projectId, stage, notApplicable, ...(reason ? { reason } : {}) } },
        update: (cache) => refreshProjectCache(cache, projectId, STALE_AFTER.stageMove),
      });
      setEditing(null);
      setNotice(
        notApplicable
          ? `L’étape « ${STAGE_LABELS[stage]} » est marquée non applicable.`
          : `L’étape « ${STAGE_LABELS[stage]} » s’applique de nouveau.`,
      );
      return null;
    } catch (caught) {
      const reasonError = getFieldErrors(caught)["reason"];
      if (reasonError) return reasonError;
      setError(describeError(caught));
      return null;
    }
  }

  return (
    <div className="stage-applicability" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>Étapes facultatives</h3>
      <ul className="plain-list">
        {optional.map((state) => (
          <li key={state.stage} className="stage-applicability__row">
            <p>
              <strong>{STAGE_LABELS[state.stage]}</strong> :{" "}
              {state.notApplicable ? (
                <>
                  non applicable{state.notApplicableReason ? ` (${state.notApplicableReason})` : ""}
                </>
              ) : (
                "applicable"
              )}
            </p>
            {state.notApplicable ? (
              <button
                type="button"
                className="button button--small"
                disabled={loading}
                onClick={() => void change(state.stage, false)}
              >
                Rendre applicable
                <span className="visually-hidden"> l’étape « {STAGE_LABELS[state.stage]} »</span>
              </button>
            ) : editing === state.stage ? (
              <NotApplicableForm
                stage={state.stage}
                isSubmitting={loading}
                onSubmit={(reason) => change(state.stage, true, reason)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <button type="button" className="button button--small" onClick={() => setEditing(state.stage)}>
                Marquer non applicable
                <span className="visually-hidden"> l’étape « {STAGE_LABELS[state.stage]} »</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <LiveStatus message={notice} />
    </div>
  );
}

type NotApplicableFormProps = {
  stage: ProjectStage;
  isSubmitting: boolean;
  /** Resolves to the server's message about the reason, if any. */
  onSubmit: (reason: string) => Promise<string | null>;
  onCancel: () => void;
};

function NotApplicableForm({ stage, isSubmitting, onSubmit, onCancel }: NotApplicableFormProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    if (!reason.trim()) {
      setError("Indiquez pourquoi cette étape ne s’applique pas (ex. MSP multisite « hors les murs »).");
      return;
    }
    setError((await onSubmit(reason.trim())) ?? undefined);
  }

  return (
    <form className="inline-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Marquer « ${STAGE_LABELS[stage]} » non applicable`}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Pourquoi cette étape ne s’applique-t-elle pas ?</label>
        <input
          id={`${id}-reason`}
          type="text"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-reason-error` : undefined}
          autoFocus
        />
        <FieldError id={`${id}-reason-error`} message={error} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={isSubmitting}>
          {isSubmitting && <Spinner />} Confirmer
        </button>
        <button type="button" className="button button--link button--small" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
