/**
 * The raw-SQL floor of the results-dashboard benchmark: the least a Node server can do to answer the same
 * dashboard. It runs THE SAME aggregate statement as the API — imported from the API's build
 * (apps/api/dist/src/modules/dashboards/dashboards.sql.js) — through `pg`, then shapes the answer like the GraphQL
 * one (same fields; size bands by their GraphQL names; ACI indicator labels from @maillage/domain's rule sets).
 *
 * Deliberately minimal: no authentication (the API looks the session up on every request), no GraphQL parsing or
 * validation of the filter beyond reading `variables.filter`, no framework. The federation is fixed by the
 * environment.
 *
 * Environment: PORT, DATABASE_URL (postgresql://), FEDERATION_ID, POOL_SIZE (default 10, the API's).
 */
import http from "node:http";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

import pg from "pg";

import { API_MAIN } from "../lib/api.mjs";
import { connectionConfig } from "../lib/pg-url.mjs";
import { send } from "../lib/json-response.mjs";

const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL ?? "";
const federationId = process.env.FEDERATION_ID ?? "";
const poolSize = Number(process.env.POOL_SIZE || 10);
if (!port || !/^postgres(ql)?:\/\//.test(databaseUrl) || !federationId) {
  console.error("usage: PORT=… DATABASE_URL=postgresql://… FEDERATION_ID=… node results-dashboard-raw-sql.mjs");
  process.exit(2);
}

const SQL_MODULE = new URL("modules/dashboards/dashboards.sql.js", pathToFileURL(API_MAIN));
/** @type {any} */
const dashboardSql = await import(SQL_MODULE.href).catch((error) => {
  console.error(`${SQL_MODULE.pathname} could not be loaded (${error?.message}): build the API first (corepack pnpm turbo run build --filter=@maillage/api).`);
  process.exit(2);
});

/** @type {any} @maillage/domain, resolved from @maillage/db (see board-raw-sql.mjs). */
const domain = (() => {
  const requireHere = createRequire(import.meta.url);
  return createRequire(requireHere.resolve("@maillage/db"))("@maillage/domain");
})();

/** @type {Record<string, string>} */
const GRAPHQL_BAND = { LT_4000: "LT_4000", "4000_7999": "FROM_4000_TO_7999", "8000_11999": "FROM_8000_TO_11999", GE_12000: "GE_12000" };
const DOMAIN_BAND = Object.fromEntries(Object.entries(GRAPHQL_BAND).map(([d, g]) => [g, d]));
/** @type {Map<string, string>} */
const ACI_LABELS = new Map(Object.values(domain.ACI_RULE_SETS).flatMap((/** @type {any} */ rs) => rs.indicators.map((/** @type {any} */ i) => [i.code, i.label])));

const pool = new pg.Pool({ ...connectionConfig(databaseUrl), max: poolSize });

/** @param {any} filter */
async function dashboard(filter) {
  const f = filter ?? {};
  const params = dashboardSql.resultsDashboardParams(federationId, {
    years: f.years ?? null,
    programmes: f.programmes ?? null,
    departements: f.departements ?? null,
    sizeBands: (f.sizeBands ?? null)?.map((/** @type {string} */ b) => DOMAIN_BAND[b] ?? b) ?? null,
  });
  const { rows } = await pool.query(dashboardSql.RESULTS_DASHBOARD_SQL, params);
  const d = dashboardSql.parseResultsDashboardRow(rows[0]);
  const { illustrative, ...totals } = d.totals;
  return {
    data: {
      resultsDashboard: {
        illustrative,
        availableYears: d.availableYears,
        totals,
        byYear: d.byYear,
        byDepartement: d.byDepartement,
        bySizeBand: d.bySizeBand.map((/** @type {any} */ r) => ({ ...r, sizeBand: GRAPHQL_BAND[r.sizeBand], sizeBandLabel: domain.MSP_SIZE_BAND_LABELS[r.sizeBand] })),
        byExperiment: d.byExperiment,
        pepsVsFeeForService: { years: d.pepsYears, points: d.pepsPoints },
        aciIndicators: d.aciIndicators.map((/** @type {any} */ r) => ({ ...r, label: ACI_LABELS.get(r.code) ?? r.code, achievedShare: r.mspCount > 0 ? r.achievedCount / r.mspCount : 0 })),
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
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(res, 400, { errors: [{ message: "invalid JSON" }] });
    }
    dashboard(body?.variables?.filter).then(
      (answer) => send(res, 200, answer),
      (error) => send(res, 500, { errors: [{ message: String(error?.message ?? error) }] }),
    );
  });
});
server.keepAliveTimeout = 72_000;

server.listen(port, "127.0.0.1", () => console.log(JSON.stringify({ msg: "raw-SQL floor ready", port, poolSize })));

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
