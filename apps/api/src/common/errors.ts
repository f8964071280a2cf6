/**
 * Typed API errors. Clients read `extensions.code`; messages are French, for people.
 */
import { GraphQLError } from "graphql";

export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  STAGE_GATE_NOT_MET: "STAGE_GATE_NOT_MET",
  PRIVACY_BUDGET_EXHAUSTED: "PRIVACY_BUDGET_EXHAUSTED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type FieldProblem = { field: string; code: string; message: string };

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = "Vous devez vous connecter.") => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = "Vous n'avez pas accès à cette action.") => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what = "Ressource") => new AppError(ErrorCode.NOT_FOUND, `${what} introuvable.`);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds });

/** One or more invalid input fields: `extensions.field` names the first, `extensions.fields` lists them all. */
export function badUserInput(problems: FieldProblem[]): AppError {
  const first = problems[0] ?? { field: "input", code: "INVALID", message: "Saisie invalide." };
  return new AppError(ErrorCode.BAD_USER_INPUT, first.message, { field: first.field, reason: first.code, fields: problems });
}

/** A stage move refused by the gates: `extensions.unmet` lists every requirement (key, stage, French message). */
export function stageGateNotMet(unmet: { key: string; stage: string; message: string }[]): AppError {
  const message = unmet.length === 1 ? (unmet[0]?.message ?? "") : `${unmet.length} conditions ne sont pas remplies pour changer d'étape.`;
  return new AppError(ErrorCode.STAGE_GATE_NOT_MET, message, { unmet });
}
