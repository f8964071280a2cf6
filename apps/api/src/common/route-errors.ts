import type { Logger } from "@nestjs/common";
import type { FastifyReply, FastifyRequest } from "fastify";
import { GraphQLError } from "graphql";

/** HTTP status of each typed error code on the REST routes (exports, downloads). */
const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  PRIVACY_BUDGET_EXHAUSTED: 429,
  TOO_MANY_REQUESTS: 429,
};

/** An error of a REST route, with the same codes as GraphQL's `extensions.code`. */
export class RouteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Answers a failed REST request with `{ "error": { code, message, fields? } }` and the code's HTTP status: the
 * route's own errors, the services' typed (GraphQL) errors, or a logged 500 that reveals nothing.
 */
export async function sendRouteError(req: FastifyRequest, reply: FastifyReply, error: unknown, logger: Logger, what: string): Promise<void> {
  let code = "INTERNAL_SERVER_ERROR";
  let message = "Erreur interne du serveur.";
  let fields: unknown;
  if (error instanceof RouteError) ({ code, message } = error);
  else if (error instanceof GraphQLError && typeof error.extensions.code === "string" && STATUS[error.extensions.code]) {
    code = error.extensions.code;
    message = error.message;
    fields = error.extensions.fields;
  } else logger.error({ err: error, url: req.url }, `${what} failed`);
  if (reply.sent) return;
  await reply
    .code(STATUS[code] ?? 500)
    .header("cache-control", "no-store")
    .send({ error: { code, message, ...(fields ? { fields } : {}) } });
}
