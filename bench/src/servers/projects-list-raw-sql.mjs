/**
 * The raw-SQL floor of the projects-list benchmark: the least a Node server can do to answer the same list.
 * Runs as a child process (its own event loop, as the API has); on every POST it runs ONE SQL query for the
 * same rows, joins and total count as the GraphQL `projects(first:)` query, and answers JSON shaped like the
 * GraphQL answer (same fields, same order, same cursors).
 *
 * Deliberately minimal: no authentication (the API looks the session up on every request), no GraphQL
 * parsing or validation, no framework. The federation is fixed by the environment; only the first page.
 *
 * Environment: PORT, DATABASE_URL (postgresql://), FEDERATION_ID, POOL_SIZE (default 10, the API's).
 */
import http from "node:http";

import pg from "pg";

import { connectionConfig } from "../lib/pg-url.mjs";
import { send } from "../lib/json-response.mjs";

const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL ?? "";
const federationId = process.env.FEDERATION_ID ?? "";
const poolSize = Number(process.env.POOL_SIZE || 10);
if (!port || !/^postgres(ql)?:\/\//.test(databaseUrl) || !federationId) {
  console.error("usage: PORT=… DATABASE_URL=postgresql://… FEDERATION_ID=… node projects-list-raw-sql.mjs");
  process.exit(2);
}

const pool = new pg.Pool({ ...connectionConfig(databaseUrl), max: poolSize });

// The API's order (name, id) and joins: département → région, and the chargé·e (optional).
const SQL = `
SELECT p.id, p.name, p."communeCode", p."communeName", p.stage, p.status, p."updatedAt",
       d.code AS "depCode", d.name AS "depName", r.code AS "regCode", r.name AS "regName",
       u.id AS "chargeId", u."displayName" AS "chargeDisplayName", u.email AS "chargeEmail", u.role AS "chargeRole",
       count(*) OVER () AS "totalCount"
  FROM "MspProject" p
  JOIN "Departement" d ON d.code = p."departementCode"
  JOIN "Region" r ON r.code = d."regionCode"
  LEFT JOIN "User" u ON u.id = p."chargeId"
 WHERE p."federationId" = $1
 ORDER BY p.name, p.id
 LIMIT $2`;

/** The API's cursor format (@maillage/domain encodeCursor): base64url, unpadded, of ASCII-only JSON. @param {string[]} values */
function encodeCursor(values) {
  const ascii = JSON.stringify(values).replace(/[\u0080-\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return Buffer.from(ascii, "latin1").toString("base64url");
}

/** @param {number} first */
async function projectsPage(first) {
  const { rows } = await pool.query(SQL, [federationId, first]);
  const totalCount = rows.length ? Number(rows[0].totalCount) : 0;
  const edges = rows.map((/** @type {Record<string, any>} */ r) => ({
    cursor: encodeCursor([r.name, r.id]),
    node: {
      id: r.id,
      name: r.name,
      communeCode: r.communeCode,
      communeName: r.communeName,
      stage: r.stage,
      status: r.status,
      updatedAt: r.updatedAt,
      departement: { code: r.depCode, name: r.depName, region: { code: r.regCode, name: r.regName } },
      charge: r.chargeId ? { id: r.chargeId, displayName: r.chargeDisplayName, email: r.chargeEmail, role: r.chargeRole } : null,
    },
  }));
  return {
    data: {
      projects: {
        totalCount,
        pageInfo: { hasNextPage: totalCount > edges.length, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/health") return send(res, 200, { status: "ok" });
  if (req.method !== "POST") return send(res, 404, { error: "Not Found" });
  /** @type {Buffer[]} */
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    let first = 100;
    try {
      const requested = JSON.parse(Buffer.concat(chunks).toString("utf8"))?.variables?.first;
      if (Number.isInteger(requested)) first = Math.min(Math.max(requested, 1), 100);
    } catch {
      return send(res, 400, { errors: [{ message: "invalid JSON" }] });
    }
    projectsPage(first).then(
      (body) => send(res, 200, body),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error) }] }),
    );
  });
});
server.keepAliveTimeout = 72_000; // Fastify's default, so that both keep autocannon's connections alike

server.listen(port, "127.0.0.1", () => console.log(JSON.stringify({ msg: "raw-SQL floor ready", port, poolSize })));

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
