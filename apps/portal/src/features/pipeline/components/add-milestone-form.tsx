import { useMutation } from "@apollo/client/react";
import { validateCustomMilestone } from "@maillage/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import type { ProjectStage } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { isProjectStage, PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { ADD_MILESTONE_DEFINITION } from "../graphql/add-milestone-definition.mutation";
import { MILESTONE_CATALOGUE } from "../graphql/milestone-catalogue.query";
import { refreshAllChecklists } from "../utils/refresh-project-cache";

type Field = "stage" | "label" | "description" | "key";
type Errors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ["stage", "label", "description", "key"];
const isField = (value: string): value is Field => (FIELDS as readonly string[]).includes(value);

type AddMilestoneFormProps = {
  /** Keys of the federation's own milestones (a new key must differ). */
  existingKeys: readonly string[];
  onAdded: (message: string) => void;
};

/** Adds a milestone to a stage's checklist, for every project of the federation (admins). */
export function AddMilestoneForm({ existingKeys, onAdded }: AddMilestoneFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [stage, setStage] = useState<ProjectStage | "">("");
  const [label, setLabel] = useState("");
  const [description, setDescription] = useState("");
  const [required, setRequired] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [addMilestone, { loading }] = useMutation(ADD_MILESTONE_DEFINITION, {
    update(cache, { data }) {
      const added = data?.addMilestoneDefinition;
      if (!added) return;
      cache.updateQuery({ query: MILESTONE_CATALOGUE }, (current) =>
        current ? { ...current, milestoneCatalogue: [...current.milestoneCatalogue, added] } : current,
      );
      // Checklists cached so far do not list it yet.
      refreshAllChecklists(cache);
    },
  });

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const input = {
      stage,
      label,
      required,
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    const checked = validateCustomMilestone(input, existingKeys);
    const found: Errors = {};
    if (!stage) found.stage = "Choisissez l’étape du jalon.";
    if (!checked.ok) for (const error of checked.error) if (isField(error.field)) found[error.field] ??= error.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !isProjectStage(stage)) {
      focusFirstError();
      return;
    }
    try {
      const { data } = await addMilestone({ variables: { input: { ...input, stage, label: label.trim() } } });
      setLabel("");
      setDescription("");
      setRequired(false);
      onAdded(
        `Le jalon « ${data?.addMilestoneDefinition.label ?? label.trim()} » est ajouté à l’étape « ${STAGE_LABELS[stage]} ».`,
      );
    } catch (error) {
      const serverErrors: Errors = {};
      const others: string[] = [];
      for (const [field, message] of Object.entries(getFieldErrors(error))) {
        if (!message) continue;
        if (isField(field)) serverErrors[field] = message;
        else others.push(message);
      }
      setErrors(serverErrors);
      setFormError(others.length > 0 ? others.join(" ") : Object.keys(serverErrors).length > 0 ? null : describeError(error));
      focusFirstError();
    }
  }

  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form ref={formRef} className="form card" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Ajouter un jalon</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-stage`}>Étape</label>
          <select
            id={`${id}-stage`}
            value={stage}
            onChange={(e) => {
              setStage(isProjectStage(e.target.value) ? e.target.value : "");
              setErrors((current) => ({ ...current, stage: undefined }));
            }}
            aria-invalid={errors.stage ? true : undefined}
            aria-describedby={describedBy("stage")}
          >
            <option value="">Choisir une étape</option>
            {PROJECT_STAGES.map((candidate, index) => (
              <option key={candidate} value={candidate}>
                {index + 1}. {STAGE_LABELS[candidate]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-stage-error`} message={errors.stage} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-label`}>Libellé</label>
          <input
            id={`${id}-label`}
            type="text"
            maxLength={120}
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              setErrors((current) => ({ ...current, label: undefined, key: undefined }));
            }}
            aria-invalid={errors.label || errors.key ? true : undefined}
            aria-describedby={[describedBy("label"), describedBy("key")].filter(Boolean).join(" ") || undefined}
          />
          <FieldError id={`${id}-label-error`} message={errors.label} />
          <FieldError id={`${id}-key-error`} message={errors.key} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (facultatif)</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy("description")}
        />
        <FieldError id={`${id}-description-error`} message={errors.description} />
      </div>
      <div className="field field--checkbox">
        <input id={`${id}-required`} type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        <label htmlFor={`${id}-required`}>Obligatoire pour passer à l’étape suivante</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading && <Spinner />} Ajouter le jalon
        </button>
      </div>
    </form>
  );
}
