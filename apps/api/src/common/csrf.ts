import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * CSRF protection for cookie-authenticated requests (ARCHITECTURE.md, "Security model"): a browser sends
 * a cross-site request without a CORS preflight only with a "simple" content type (form, multipart, text)
 * and no custom header. /graphql therefore accepts POST only as application/json, or with the
 * `apollo-require-preflight` / `x-apollo-operation-name` header that forces a preflight — the same rule as
 * Apollo Server's csrfPrevention, applied whatever the GraphQL driver. The research exports that ask a question
 * (`POST /research/…`) follow the same rule: a cross-site form cannot send JSON.
 */
export function registerCsrfProtection(app: FastifyInstance): void {
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split("?")[0] ?? "";
    if (path.startsWith("/research/") && req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
      const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (type === "application/json") return;
      await reply.code(400).send({ error: { code: "CSRF_PREVENTED", message: "Requête refusée : envoyez la question en JSON (Content-Type: application/json)." } });
      return;
    }
    if (path !== "/graphql") return;
    const hasPreflightHeader = Boolean(req.headers["apollo-require-preflight"] || req.headers["x-apollo-operation-name"]);
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    const isJson = type === "application/json" || type === "application/graphql-response+json";
    if (req.method === "POST" && (isJson || hasPreflightHeader)) return;
    if (req.method === "GET" && hasPreflightHeader) return;
    if (req.method === "OPTIONS") return;
    await reply.code(400).send({
      errors: [
        {
          message: "Requête refusée : envoyez du JSON (Content-Type: application/json) ou l'en-tête apollo-require-preflight.",
          extensions: { code: "CSRF_PREVENTED" },
        },
      ],
    });
  });
}
