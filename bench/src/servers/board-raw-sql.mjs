/**
 * The raw-SQL floor of the board benchmark: the least a Node server can do to answer the same pipeline board.
 * Runs as a child process (its own event loop, as the API has); on every POST it runs ONE SQL statement for
 * every project of the federation (lastActivityAt desc, id), with its chargé·e's name and the progress of the
 * REQUIRED milestones of its current stage — the required count, and how many of them have an APPROVED latest
 * submission (latest by createdAt, id), both computed in SQL — then groups the rows in the eleven stage columns
 * (lifecycle order) and answers JSON shaped like the GraphQL answer (same fields, same order).
 *
 * The required milestones are the API's: the default catalogue of @maillage/domain (`checklistFor(stage, [])`,
 * required ones), computed once at start-up and passed to the statement as two parallel arrays (stage, key),
 * plus the federation's own required MilestoneDefinition rows, read by the same statement.
 *
 * Deliberately minimal: no authentication (the API looks the session up on every request), no GraphQL
 * parsing or validation, no filters, no framework. The federation is fixed by the environment.
 *
 * Environment: PORT, DATABASE_URL (postgresql://), FEDERATION_ID, POOL_SIZE (default 10, the API's).
 */
import http from "node:http";
import { createRequire } from "node:module";

import pg from "pg";

import { connectionConfig } from "../lib/pg-url.mjs";
import { send } from "../lib/json-response.mjs";

const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL ?? "";
const federationId = process.env.FEDERATION_ID ?? "";
const poolSize = Number(process.env.POOL_SIZE || 10);
if (!port || !/^postgres(ql)?:\/\//.test(databaseUrl) || !federationId) {
  console.error("usage: PORT=… DATABASE_URL=postgresql://… FEDERATION_ID=… node board-raw-sql.mjs");
  process.exit(2);
}

/**
 * @maillage/domain is not a dependency of the bench package: it is resolved from @maillage/db (a dependency of
 * both), so that the floor uses the very catalogue the API uses. Its CommonJS build (same source as the ESM one).
 * @type {any}
 */
const domain = (() => {
  try {
    const requireHere = createRequire(import.meta.url);
    return createRequire(requireHere.resolve("@maillage/db"))("@maillage/domain");
  } catch (error) {
    console.error(`@maillage/domain could not be loaded (${/** @type {Error} */ (error).message.split("\n")[0]}): build it first (corepack pnpm build).`);
    process.exit(2);
  }
})();

/** @type {string[]} */
const STAGES = [...domain.PROJECT_STAGES];
/** @type {Record<string, string>} */
const LABELS = domain.STAGE_LABELS;

// The required milestones of the default catalogue, per stage, as two parallel arrays (one row per (stage, key)).
/** @type {string[]} */
const requiredStages = [];
/** @type {string[]} */
const requiredKeys = [];
for (const stage of STAGES) {
  for (const m of domain.checklistFor(stage, [])) {
    if (m.required) {
      requiredStages.push(stage);
      requiredKeys.push(m.key);
    }
  }
}

const pool = new pg.Pool({ ...connectionConfig(databaseUrl), max: poolSize });

// One statement. `required`: the catalogue's required (stage, key) pairs plus the federation's required custom
// milestones (UNION ALL, as checklistFor concatenates them). Per project: the required milestones of its stage,
// and among them those whose latest submission (createdAt desc, id desc) is APPROVED — an index lookup on
// Submission(projectId, milestoneKey, createdAt) per required milestone. The API's order: lastActivityAt desc, id.
const SQL = `
WITH required AS (
  SELECT r.stage, r.key FROM unnest($2::text[], $3::text[]) AS r(stage, key)
  UNION ALL
  SELECT d.stage::text, d.key FROM "MilestoneDefinition" d WHERE d."federationId" = $1 AND d.required
)
SELECT p.id, p.name, p."communeName", p."departementCode", p.stage, p.status, u."displayName" AS "chargeName",
       p."stageEnteredAt", p."lastActivityAt", m.required, m.approved
  FROM "MspProject" p
  LEFT JOIN "User" u ON u.id = p."chargeId"
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS required,
           (count(*) FILTER (WHERE (
              SELECT s.status FROM "Submission" s
               WHERE s."projectId" = p.id AND s."milestoneKey" = r.key
               ORDER BY s."createdAt" DESC, s.id DESC
               LIMIT 1) = 'APPROVED'))::int AS approved
      FROM required r
     WHERE r.stage = p.stage::text
  ) m
 WHERE p."federationId" = $1
 ORDER BY p."lastActivityAt" DESC, p.id`;

async function board() {
  const { rows } = await pool.query(SQL, [federationId, requiredStages, requiredKeys]);
  /** @type {Map<string, { stage: string; label: string; count: number; projects: unknown[] }>} */
  const columns = new Map(STAGES.map((stage) => [stage, { stage, label: LABELS[stage] ?? stage, count: 0, projects: [] }]));
  for (const r of rows) {
    const column = columns.get(r.stage);
    if (!column) continue;
    column.count++;
    column.projects.push({
      id: r.id,
      name: r.name,
      communeName: r.communeName,
      departementCode: r.departementCode,
      status: r.status,
      chargeName: r.chargeName,
      milestoneProgress: { approved: r.approved, required: r.required },
      stageEnteredAt: r.stageEnteredAt,
      lastActivityAt: r.lastActivityAt,
    });
  }
  return { data: { board: [...columns.values()] } };
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") return send(res, 200, { status: "ok" });
  if (req.method !== "POST") return send(res, 404, { error: "Not Found" });
  /** @type {Buffer[]} */
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString("utf8")); // read like the API reads it; the query is fixed
    } catch {
      return send(res, 400, { errors: [{ message: "invalid JSON" }] });
    }
    board().then(
      (body) => send(res, 200, body),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error) }] }),
    );
  });
});
server.keepAliveTimeout = 72_000; // Fastify's default, so that both keep autocannon's connections alike

server.listen(port, "127.0.0.1", () =>
  console.log(JSON.stringify({ msg: "raw-SQL floor ready", port, poolSize, requiredMilestones: requiredKeys.length })),
);

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
