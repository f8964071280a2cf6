import { HttpException } from "@nestjs/common";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

import { ErrorCode } from "./errors.js";

export type ErrorLogger = (error: unknown) => void;

/**
 * `instanceof GraphQLError` is not reliable: a driver may load graphql's CommonJS build and our code its ES
 * module build (two classes). GraphQLError tags itself, which both builds share.
 */
const isGraphQLError = (e: unknown): e is GraphQLError => Object.prototype.toString.call(e) === "[object GraphQLError]";

/**
 * One formatting of errors for both drivers: our typed errors pass as they are; GraphQL syntax and
 * validation errors keep their message with a code; anything else becomes INTERNAL_SERVER_ERROR with a
 * generic message (details go to the log, never to the client).
 */
export function formatGraphqlError(error: GraphQLError, log: ErrorLogger): GraphQLFormattedError {
  const original = error.originalError;
  const base = { message: error.message, locations: error.locations, path: error.path };
  if (isGraphQLError(original) && original.extensions?.code) {
    return { ...base, message: original.message, extensions: original.extensions };
  }
  if (!original || isGraphQLError(original)) {
    const code = error.extensions?.code ?? (/^Variable "\$/.test(error.message) ? ErrorCode.BAD_USER_INPUT : "GRAPHQL_VALIDATION_FAILED");
    return { ...base, extensions: { ...error.extensions, code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    if (status === 400) return { ...base, message: "Saisie invalide.", extensions: { code: ErrorCode.BAD_USER_INPUT } };
    if (status === 401) return { ...base, message: "Vous devez vous connecter.", extensions: { code: ErrorCode.UNAUTHENTICATED } };
    if (status === 403) return { ...base, message: "Vous n'avez pas accès à cette action.", extensions: { code: ErrorCode.FORBIDDEN } };
  }
  log(original);
  return { ...base, message: "Erreur interne du serveur.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
