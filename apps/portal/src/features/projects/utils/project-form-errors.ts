import { describeError, getFieldErrors } from "../../../shared/graphql-errors";

export type ProjectFormField = "name" | "commune" | "chargeId" | "status" | "statusReason" | "legalForm";
export type ProjectFormErrors = Partial<Record<ProjectFormField, string>>;

/** Input field named by the API (`extensions.field`) → form field. */
const FIELD_BY_INPUT_FIELD: Record<string, ProjectFormField> = {
  name: "name",
  communeCode: "commune",
  chargeId: "chargeId",
  status: "status",
  statusReason: "statusReason",
  legalForm: "legalForm",
};

/** Splits a failed create/update into messages next to fields and one message for the form. */
export function projectFormErrors(error: unknown): { fieldErrors: ProjectFormErrors; formError: string | null } {
  const fieldErrors: ProjectFormErrors = {};
  const otherMessages: string[] = [];
  for (const [inputField, message] of Object.entries(getFieldErrors(error))) {
    const formField = FIELD_BY_INPUT_FIELD[inputField];
    if (formField) fieldErrors[formField] = message;
    else if (message) otherMessages.push(message);
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError =
    otherMessages.length > 0
      ? otherMessages.join(" ")
      : hasFieldErrors
        ? "Le formulaire contient des erreurs : corrigez les champs signalés."
        : describeError(error);
  return { fieldErrors, formError };
}
