import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The per-request GraphQL context, the same whichever driver (Mercurius or Apollo) runs the schema. */
export type GqlContext = {
  req: FastifyRequest;
  reply: FastifyReply;
  /** Set by the AuthGuard: the signed-in actor, or null when the request carries no valid session. */
  actor?: Actor | null;
  sessionId?: string | null;
  /** Set when the request authenticated with a personal API token (`Authorization: Bearer …`) instead of a session. */
  apiTokenId?: string | null;
  /** The token's scopes (token-scopes.ts); null for a session. */
  tokenScopes?: string[] | null;
};

/** Mercurius calls context(request, reply); Apollo's Fastify integration calls context({ request, reply }). */
export function buildContext(a: unknown, b?: unknown): GqlContext {
  if (b) return { req: a as FastifyRequest, reply: b as FastifyReply };
  const o = a as { request?: FastifyRequest; req?: FastifyRequest; reply?: FastifyReply; res?: FastifyReply };
  return { req: (o.request ?? o.req) as FastifyRequest, reply: (o.reply ?? o.res) as FastifyReply };
}
