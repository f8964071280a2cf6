import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** Error codes the API puts in `extensions.code`. */
export type ApiErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "TOO_MANY_REQUESTS"
  | "STAGE_GATE_NOT_MET";

function graphQLErrorsOf(error: unknown) {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

/** Whether the API answered with the given `extensions.code`. */
export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.["code"] === code);
}

export type FieldErrors = Partial<Record<string, string>>;

type FieldProblem = { field: string; message: string };

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FieldProblem).field === "string" &&
    typeof (value as FieldProblem).message === "string"
  );
}

/** The invalid fields of one BAD_USER_INPUT error: `extensions.fields` (all), else `extensions.field` (the first). */
function fieldProblemsOf(extensions: Record<string, unknown> | undefined, message: string): FieldProblem[] {
  const fields = extensions?.["fields"];
  if (Array.isArray(fields) && fields.some(isFieldProblem)) return fields.filter(isFieldProblem);
  const field = extensions?.["field"];
  return typeof field === "string" ? [{ field, message }] : [];
}

/**
 * BAD_USER_INPUT errors keyed by the input field they name, e.g.
 * `{ communeCode: "Aucune commune ne correspond à ce code INSEE." }`. A leading `input.` is ignored.
 */
export function getFieldErrors(error: unknown): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const e of graphQLErrorsOf(error)) {
    if (e.extensions?.["code"] !== "BAD_USER_INPUT") continue;
    for (const problem of fieldProblemsOf(e.extensions, e.message)) {
      fieldErrors[problem.field.replace(/^input\./, "")] ??= problem.message;
    }
  }
  return fieldErrors;
}

/** `extensions.retryAfterSeconds` of a TOO_MANY_REQUESTS error, or null when the API did not say. */
export function getRetryAfterSeconds(error: unknown): number | null {
  const limited = graphQLErrorsOf(error).find((e) => e.extensions?.["code"] === "TOO_MANY_REQUESTS");
  const seconds = limited?.extensions?.["retryAfterSeconds"];
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/** « dans 15 minutes », « dans une minute » or « dans quelques minutes » (unknown delay), for a rate limit. */
export function retryDelayText(seconds: number | null): string {
  if (seconds === null) return "dans quelques minutes";
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "dans une minute" : `dans ${minutes} minutes`;
}

/** A French sentence for errors that are not attached to a field. */
export function describeError(error: unknown): string {
  if (hasErrorCode(error, "FORBIDDEN")) return "Vous n’avez pas les droits nécessaires pour cette action.";
  if (hasErrorCode(error, "NOT_FOUND")) return "L’élément demandé est introuvable.";
  if (hasErrorCode(error, "UNAUTHENTICATED")) return "Votre session a expiré. Reconnectez-vous.";
  if (hasErrorCode(error, "TOO_MANY_REQUESTS")) return "Trop de requêtes, réessayez dans quelques minutes.";
  const gate = graphQLErrorsOf(error).find((e) => e.extensions?.["code"] === "STAGE_GATE_NOT_MET");
  if (gate) return gate.message;
  const badInput = graphQLErrorsOf(error).find(
    (e) => e.extensions?.["code"] === "BAD_USER_INPUT" && fieldProblemsOf(e.extensions, e.message).length === 0,
  );
  if (badInput) return badInput.message;
  return "Une erreur est survenue. Vérifiez votre connexion et réessayez.";
}

/** A condition that prevents a stage move (`extensions.unmet` of STAGE_GATE_NOT_MET); `message` is French. */
export type UnmetRequirement = { key: string; stage: string; message: string };

function isUnmetRequirement(value: unknown): value is UnmetRequirement {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as UnmetRequirement).key === "string" &&
    typeof (value as UnmetRequirement).message === "string"
  );
}

/**
 * Every unmet requirement of a refused stage move, in the API's order (empty when the error is not a
 * STAGE_GATE_NOT_MET refusal). Falls back to the error message when the list is missing.
 */
export function getUnmetRequirements(error: unknown): UnmetRequirement[] {
  const requirements: UnmetRequirement[] = [];
  for (const e of graphQLErrorsOf(error)) {
    if (e.extensions?.["code"] !== "STAGE_GATE_NOT_MET") continue;
    const unmet = e.extensions["unmet"];
    const listed = Array.isArray(unmet) ? unmet.filter(isUnmetRequirement) : [];
    if (listed.length > 0) {
      requirements.push(...listed.map((u) => ({ key: u.key, stage: typeof u.stage === "string" ? u.stage : "", message: u.message })));
    } else {
      requirements.push({ key: "STAGE_GATE_NOT_MET", stage: "", message: e.message });
    }
  }
  return requirements;
}
