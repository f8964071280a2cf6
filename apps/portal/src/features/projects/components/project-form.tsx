import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { LegalForm, ProjectStatus } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import {
  isLegalForm,
  isProjectStatus,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  PROJECT_STATUSES,
  STATUS_LABELS,
} from "../../../shared/labels";
import type { ProjectFormErrors, ProjectFormField } from "../utils/project-form-errors";
import { type CommuneOption, CommuneCombobox } from "./commune-combobox";

export type ProjectFormValues = {
  name: string;
  commune: CommuneOption | null;
  /** "" = nobody. */
  chargeId: string;
  status: ProjectStatus;
  /** Why the project is on hold or abandoned (required then). */
  statusReason: string;
  legalForm: LegalForm | null;
};

export type StaffOption = { id: string; displayName: string };

type ProjectFormProps = {
  /** The creation form has no status (a new project is active). */
  mode: "create" | "edit";
  initialValues: ProjectFormValues;
  staff: readonly StaffOption[];
  isSubmitting: boolean;
  /** Errors sent back by the API. */
  serverErrors: ProjectFormErrors;
  formError: string | null;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ProjectFormValues) => void;
};

/** Same limit as the API (`@maillage/domain`). */
const PROJECT_NAME_MAX_LENGTH = 120;

/** Same limit as the API. */
const STATUS_REASON_MAX_LENGTH = 1000;

const FIELD_ORDER: readonly ProjectFormField[] = ["name", "commune", "chargeId", "status", "statusReason", "legalForm"];

/** On hold and abandoned projects say why (the API refuses the change without a reason). */
export const needsStatusReason = (status: ProjectStatus): boolean => status !== "ACTIVE";

function validate(values: ProjectFormValues): ProjectFormErrors {
  const errors: ProjectFormErrors = {};
  if (!values.name.trim()) errors.name = "Saisissez le nom du projet.";
  if (!values.commune) errors.commune = "Choisissez une commune dans la liste proposée.";
  if (needsStatusReason(values.status) && !values.statusReason.trim()) {
    errors.statusReason = "Indiquez la raison de la mise en pause ou de l’abandon.";
  }
  return errors;
}

export function ProjectForm({
  mode,
  initialValues,
  staff,
  isSubmitting,
  serverErrors,
  formError,
  submitLabel,
  cancelTo,
  onSubmit,
}: ProjectFormProps) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<ProjectFormErrors>({});
  const errors: ProjectFormErrors = { ...serverErrors, ...clientErrors };
  const fieldRefs = useRef<
    Partial<Record<ProjectFormField, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null>>
  >({});

  function focusFirstInvalid(fieldErrors: ProjectFormErrors) {
    const first = FIELD_ORDER.find((field) => fieldErrors[field]);
    if (first) fieldRefs.current[first]?.focus();
  }

  // Bring the user to the first field the API rejected.
  useEffect(() => {
    focusFirstInvalid(serverErrors);
  }, [serverErrors]);

  function update<K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: undefined }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSubmitting) return;
    const validationErrors = validate(values);
    setClientErrors(validationErrors);
    if (Object.keys(validationErrors).length > 0) {
      focusFirstInvalid(validationErrors);
      return;
    }
    onSubmit(values);
  }

  const errorId = (field: ProjectFormField) => (errors[field] ? `project-${field}-error` : undefined);

  return (
    <form className="form card" onSubmit={handleSubmit} noValidate>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}

      <div className="field">
        <label htmlFor="project-name">Nom du projet</label>
        <input
          id="project-name"
          ref={(element) => {
            fieldRefs.current.name = element;
          }}
          type="text"
          required
          maxLength={PROJECT_NAME_MAX_LENGTH}
          value={values.name}
          onChange={(e) => update("name", e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errorId("name")}
        />
        <FieldError id="project-name-error" message={errors.name} />
      </div>

      <div className="field">
        <label htmlFor="project-commune">Commune</label>
        <CommuneCombobox
          id="project-commune"
          inputRef={(element) => {
            fieldRefs.current.commune = element;
          }}
          value={values.commune}
          onChange={(commune) => update("commune", commune)}
          errorId={errorId("commune")}
        />
        <FieldError id="project-commune-error" message={errors.commune} />
      </div>

      <div className="field">
        <label htmlFor="project-chargeId">Chargé·e de développement</label>
        <select
          id="project-chargeId"
          ref={(element) => {
            fieldRefs.current.chargeId = element;
          }}
          value={values.chargeId}
          onChange={(e) => update("chargeId", e.target.value)}
          aria-invalid={errors.chargeId ? true : undefined}
          aria-describedby={errorId("chargeId")}
        >
          <option value="">Non attribué</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
        <FieldError id="project-chargeId-error" message={errors.chargeId} />
      </div>

      {mode === "edit" && (
        <div className="field">
          <label htmlFor="project-status">Statut</label>
          <select
            id="project-status"
            ref={(element) => {
              fieldRefs.current.status = element;
            }}
            value={values.status}
            onChange={(e) => {
              const status = e.target.value;
              if (!isProjectStatus(status)) return;
              update("status", status);
              // A new status needs its own reason; going back to the saved one restores the saved reason.
              update("statusReason", status === initialValues.status ? initialValues.statusReason : "");
            }}
            aria-invalid={errors.status ? true : undefined}
            aria-describedby={errorId("status")}
          >
            {PROJECT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError id="project-status-error" message={errors.status} />
        </div>
      )}

      {mode === "edit" && needsStatusReason(values.status) && (
        <div className="field">
          <label htmlFor="project-statusReason">
            {values.status === "ABANDONED" ? "Raison de l’abandon" : "Raison de la mise en pause"}
          </label>
          <textarea
            id="project-statusReason"
            ref={(element) => {
              fieldRefs.current.statusReason = element;
            }}
            rows={3}
            maxLength={STATUS_REASON_MAX_LENGTH}
            required
            value={values.statusReason}
            onChange={(e) => update("statusReason", e.target.value)}
            aria-invalid={errors.statusReason ? true : undefined}
            aria-describedby={errorId("statusReason")}
          />
          <FieldError id="project-statusReason-error" message={errors.statusReason} />
        </div>
      )}

      {mode === "edit" && (
        <div className="field">
          <label htmlFor="project-legalForm">Structure juridique</label>
          <select
            id="project-legalForm"
            ref={(element) => {
              fieldRefs.current.legalForm = element;
            }}
            value={values.legalForm ?? ""}
            onChange={(e) => update("legalForm", isLegalForm(e.target.value) ? e.target.value : null)}
            aria-invalid={errors.legalForm ? true : undefined}
            aria-describedby={errorId("legalForm")}
          >
            <option value="">Non renseignée</option>
            {LEGAL_FORMS.map((legalForm) => (
              <option key={legalForm} value={legalForm}>
                {LEGAL_FORM_LABELS[legalForm]}
              </option>
            ))}
          </select>
          <FieldError id="project-legalForm-error" message={errors.legalForm} />
        </div>
      )}

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? (
            <>
              <Spinner /> Enregistrement…
            </>
          ) : (
            submitLabel
          )}
        </button>
        <Link className="button button--link" to={cancelTo}>
          Annuler
        </Link>
      </div>
    </form>
  );
}
