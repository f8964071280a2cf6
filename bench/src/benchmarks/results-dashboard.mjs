/**
 * results-dashboard: the federation dashboard of results (`resultsDashboard`: every table — by year, by
 * département, by size band, by experiment, PEPS vs fee-for-service with its MSP-year points, ACI indicators) of
 * the biggest federation of a national-scale dataset (src/datasets/national.mjs: 15 federations, 2,640 running
 * MSPs, ten years of approved ACI, PEPS and IPEP periods), through the GraphQL API on Mercurius (production build)
 * versus a bare node:http server running THE SAME aggregate statement (src/servers/results-dashboard-raw-sql.mjs);
 * same autocannon settings for both, run one after the other.
 *
 * Then single isolated requests: SQL statements per request (x-sql-statements) and time, for the whole history
 * and for one year of ACI only. The dashboard is one aggregate statement: the benchmark fails if a request takes
 * more than the session lookup plus two statements.
 */
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";

import { buildNationalDataset } from "../datasets/national.mjs";
import { startApi } from "../lib/api.mjs";
import { startChild } from "../lib/child.mjs";
import { apiPoolSize } from "../lib/database.mjs";
import { login, postJson, waitForOk } from "../lib/http.mjs";
import { round, runLoad, throughputRatio } from "../lib/load.mjs";
import { cpuBusyPercent, table } from "../lib/results.mjs";

export const QUERY = `query ResultsDashboard($filter: ResultsDashboardFilter) { resultsDashboard(filter: $filter) {
  illustrative availableYears
  totals { mspCount periodCount departementCount computedEur receivedEur }
  byYear { year programme mspCount patients computedEur perPatientEur q1PerPatientEur medianPerPatientEur q3PerPatientEur receivedEur receivedCount }
  byDepartement { departementCode departementName mspCount patients aciEur pepsEur ipepEur totalEur }
  bySizeBand { sizeBand sizeBandLabel programme mspCount patients computedEur perPatientEur medianPerPatientEur }
  byExperiment { year experiment mspCount patients aciEur perPatientEur medianPerPatientEur }
  pepsVsFeeForService { years { year mspCount patients forfaitEur feeForServiceEur ratio illustrative } points { projectId projectName departementCode year patients forfaitEur feeForServiceEur illustrative } }
  aciIndicators { year code label mspCount achievedCount achievedShare }
} }`;

const body = (/** @type {unknown} */ filter) => JSON.stringify({ operationName: "ResultsDashboard", query: QUERY, variables: { filter } });
const ALL = body(null);
const ONE_YEAR_ACI = body({ years: [2025], programmes: ["ACI"] });

const FLOOR_SERVER = fileURLToPath(new URL("../servers/results-dashboard-raw-sql.mjs", import.meta.url));
const STATEMENT_SAMPLES = 7;
const SINGLE_WARMUP_REQUESTS = 10;
/** Session lookup (1, sometimes 2 with its "last seen" touch) + the aggregate statement. */
const MAX_API_STATEMENTS = 3;
const SETTLE_MS = 1000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/**
 * A full check of an answer: 200, no errors, the expected number of periods, every table present.
 * @param {string} label @param {{ status: number; text: string; json: any }} res @param {number} expectedPeriods
 */
function check(label, res, expectedPeriods) {
  const d = res.json?.data?.resultsDashboard;
  const problems = [];
  if (res.status !== 200) problems.push(`HTTP ${res.status}`);
  if (res.json?.errors) problems.push(`errors: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
  if (!d) problems.push("no data.resultsDashboard");
  else {
    if (d.totals?.periodCount !== expectedPeriods) problems.push(`periodCount ${d.totals?.periodCount} instead of ${expectedPeriods}`);
    for (const key of ["byYear", "byDepartement", "bySizeBand", "byExperiment", "aciIndicators"]) if (!Array.isArray(d[key]) || d[key].length === 0) problems.push(`empty ${key}`);
  }
  if (problems.length) throw new Error(`${label}: unexpected answer (${problems.join("; ")}): ${res.text.slice(0, 300)}`);
}

/** @param {string} reference @param {number} expectedPeriods */
const bodyVerifier = (reference, expectedPeriods) => (/** @type {string} */ text) => {
  if (text === reference) return true;
  try {
    const json = JSON.parse(text);
    return !json.errors && json.data?.resultsDashboard?.totals?.periodCount === expectedPeriods;
  } catch {
    return false;
  }
};

/** @param {string} url @param {Record<string, string>} headers @param {string} payload */
async function timed(url, headers, payload) {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: payload });
  const text = await res.text();
  const ms = performance.now() - t0;
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported by check()
  }
  return { ms, res: { status: res.status, headers: res.headers, text, json } };
}

/**
 * Isolated requests (statements, time), then the measured load.
 * @param {import("../run.mjs").Context} ctx
 * @param {{ label: string; url: string; headers: Record<string, string>; expectedPeriods: number; oneYearPeriods: number; countsStatements: boolean }} target
 */
async function measure(ctx, target) {
  for (let i = 0; i < SINGLE_WARMUP_REQUESTS; i++) check(`${target.label} (warm-up)`, (await timed(target.url, target.headers, ALL)).res, target.expectedPeriods);
  /** @param {string} payload @param {number} periods */
  const sample = async (payload, periods) => {
    /** @type {number[]} */
    const statements = [];
    /** @type {number[]} */
    const times = [];
    let last;
    for (let i = 0; i < STATEMENT_SAMPLES; i++) {
      const { ms, res } = await timed(target.url, target.headers, payload);
      check(target.label, res, periods);
      times.push(ms);
      last = res;
      if (target.countsStatements) {
        const header = res.headers.get("x-sql-statements");
        if (header === null) throw new Error(`${target.label}: no x-sql-statements header (is MAILLAGE_QUERY_METRICS honoured by this build?)`);
        statements.push(Number(header));
      }
    }
    if (!last) throw new Error("unreachable");
    return {
      singleRequestMs: round(median(times) ?? 0, 1),
      singleRequestMsSamples: times.map((t) => round(t, 1)),
      sqlStatementsPerRequest: target.countsStatements ? median(statements) : 1,
      ...(target.countsStatements && new Set(statements).size > 1 ? { sqlStatementsSamples: statements } : {}),
      responseBytes: Buffer.byteLength(last.text),
      reference: last,
    };
  };
  const all = await sample(ALL, target.expectedPeriods);
  const oneYear = await sample(ONE_YEAR_ACI, target.oneYearPeriods);
  const backgroundCpuPercent = await cpuBusyPercent();
  if (backgroundCpuPercent > 15) ctx.log(`${target.label}: warning: ${backgroundCpuPercent}% CPU busy while idle — something else runs on this machine; figures will be low and noisy`);
  if (ctx.settings.warmupSec > 0) {
    ctx.log(`${target.label}: warm-up ${ctx.settings.warmupSec} s`);
    await runLoad({ url: target.url, method: "POST", headers: target.headers, body: ALL, connections: ctx.settings.connections, durationSec: ctx.settings.warmupSec });
    await settle();
  }
  ctx.log(`${target.label}: measuring ${ctx.settings.durationSec} s, ${ctx.settings.connections} connections`);
  const load = await runLoad({
    url: target.url,
    method: "POST",
    headers: target.headers,
    body: ALL,
    connections: ctx.settings.connections,
    durationSec: ctx.settings.durationSec,
    verifyBody: bodyVerifier(all.reference.text, target.expectedPeriods),
  });
  await settle();
  const strip = (/** @type {any} */ s) => {
    const { reference: _reference, ...rest } = s;
    return rest;
  };
  return {
    result: { ...load, backgroundCpuPercent, allYears: strip(all), oneYearAci: strip(oneYear) },
    data: { all: all.reference.json.data, oneYear: oneYear.reference.json.data },
  };
}

/** Approved periods of the federation with a summary (what periodCount must say), all years and 2025 ACI. @param {string} url @param {string} federationId */
async function periodCounts(url, federationId) {
  const { default: pg } = await import("pg");
  const { connectionConfig } = await import("../lib/pg-url.mjs");
  const client = new pg.Client(connectionConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS "all", (count(*) FILTER (WHERE year = 2025 AND programme = 'ACI'))::int AS "oneYear"
         FROM "ResultPeriod" WHERE "federationId" = $1 AND status = 'APPROVED' AND jsonb_typeof(outputs->'summary') = 'object'`,
      [federationId],
    );
    return { all: Number(rows[0]?.all ?? 0), oneYear: Number(rows[0]?.oneYear ?? 0) };
  } finally {
    await client.end();
  }
}

/** @type {import("../run.mjs").Benchmark} */
export default {
  name: "results-dashboard",
  description:
    "Results dashboard (all tables, ten years) of the biggest federation of a national dataset (15 federations, 2,640 running MSPs, ~14,000 approved periods): " +
    "GraphQL on Mercurius versus the same aggregate statement served by node:http; SQL statements and time per request.",

  async run(ctx) {
    ctx.log("building the national dataset (src/datasets/national.mjs)");
    const dataset = await buildNationalDataset(ctx.databaseUrl, { log: ctx.log });
    ctx.log(`dataset: ${JSON.stringify(dataset.counts)} in ${dataset.seconds} s`);
    const federation = [...dataset.federations].sort((a, b) => b.projects - a.projects)[0];
    if (!federation) throw new Error("no federation in the dataset");
    const expected = await periodCounts(ctx.databaseUrl, federation.id);
    ctx.log(`biggest federation: ${federation.name} (${federation.projects} MSPs, ${expected.all} approved periods)`);

    ctx.log("mercurius: starting the API (GRAPHQL_DRIVER=mercurius, NODE_ENV=production)");
    const api = await startApi({ databaseUrl: ctx.databaseUrl, driver: "mercurius" });
    let mercurius;
    try {
      const cookie = await login(api.baseUrl, federation.admin);
      mercurius = await measure(ctx, { label: "mercurius", url: `${api.baseUrl}/graphql`, headers: { "content-type": "application/json", cookie }, expectedPeriods: expected.all, oneYearPeriods: expected.oneYear, countsStatements: true });
    } finally {
      await api.stop();
    }

    const poolSize = apiPoolSize(ctx.databaseUrl);
    ctx.log(`rawSql: starting the raw-SQL floor server (pg pool of ${poolSize})`);
    const floor = await startChild({
      name: "raw-SQL floor",
      script: FLOOR_SERVER,
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, FEDERATION_ID: federation.id, POOL_SIZE: String(poolSize) },
      ready: /raw-SQL floor ready/,
      timeoutMs: 30_000,
    });
    let rawSql;
    try {
      await waitForOk(`${floor.baseUrl}/health`);
      rawSql = await measure(ctx, { label: "rawSql", url: `${floor.baseUrl}/dashboard`, headers: { "content-type": "application/json" }, expectedPeriods: expected.all, oneYearPeriods: expected.oneYear, countsStatements: false });
    } finally {
      await floor.stop();
    }

    // Same statement, same figures: the two answers must hold the same data, or the comparison means nothing.
    for (const key of /** @type {const} */ (["all", "oneYear"])) {
      if (!isDeepStrictEqual(mercurius.data[key], rawSql.data[key])) {
        const a = mercurius.data[key].resultsDashboard;
        const b = rawSql.data[key].resultsDashboard;
        const diff = Object.keys(a).filter((k) => !isDeepStrictEqual(a[k], b[k]));
        throw new Error(`rawSql did not answer the same dashboard as mercurius (${key}): differs in ${diff.join(", ")}: ${JSON.stringify(a[diff[0] ?? ""]).slice(0, 200)} vs ${JSON.stringify(b[diff[0] ?? ""]).slice(0, 200)}`);
      }
    }
    const statements = mercurius.result.allYears.sqlStatementsPerRequest ?? Infinity;
    if (statements > MAX_API_STATEMENTS || (mercurius.result.oneYearAci.sqlStatementsPerRequest ?? Infinity) > MAX_API_STATEMENTS) {
      throw new Error(`the dashboard takes ${statements} SQL statements per request (more than the session lookup and one aggregate statement)`);
    }
    const d = mercurius.data.all.resultsDashboard;
    const targets = { rawSql: rawSql.result, mercurius: mercurius.result };
    return {
      settings: {
        durationSec: ctx.settings.durationSec,
        warmupSec: ctx.settings.warmupSec,
        connections: ctx.settings.connections,
        pipelining: 1,
        pgPoolSize: poolSize,
        apiEnv: { NODE_ENV: "production", LOG_LEVEL: "warn", MAILLAGE_QUERY_METRICS: "1", GRAPHQL_DRIVER: "mercurius" },
        order: ["mercurius", "rawSql"],
        statementSamples: STATEMENT_SAMPLES,
        singleWarmupRequests: SINGLE_WARMUP_REQUESTS,
      },
      dataset: { ...dataset.counts, buildSeconds: dataset.seconds, federation: { slug: federation.slug, name: federation.name, msps: federation.projects, approvedPeriods: expected.all, approvedAci2025: expected.oneYear } },
      answer: {
        tables: { byYear: d.byYear.length, byDepartement: d.byDepartement.length, bySizeBand: d.bySizeBand.length, byExperiment: d.byExperiment.length, pepsYears: d.pepsVsFeeForService.years.length, pepsPoints: d.pepsVsFeeForService.points.length, aciIndicators: d.aciIndicators.length },
        totals: d.totals,
        illustrative: d.illustrative,
      },
      targets,
      ratios: { mercuriusVsRaw: throughputRatio(targets.mercurius, targets.rawSql), singleRequestMercuriusVsRaw: targets.rawSql.allYears.singleRequestMs > 0 ? round(targets.mercurius.allYears.singleRequestMs / targets.rawSql.allYears.singleRequestMs, 2) : null },
      notes: [
        "Load phase: every year, every programme (no filter). requestsPerSec is autocannon's mean of per-second samples; latencies in whole milliseconds under load (queueing included).",
        "mercuriusVsRaw is a throughput ratio (requests/s of the API over the floor's); singleRequestMercuriusVsRaw a ratio of median single-request times (lower is better for the API).",
        "Both targets run the same aggregate statement (apps/api/src/modules/dashboards/dashboards.sql.ts, the floor imports the API's build of it). The floor does no authentication, no GraphQL parsing or validation; the API looks the session up (SQL) on every request.",
        "The two answers (all years; 2025 ACI only) were compared field by field and are identical.",
        `sqlStatementsPerRequest is the API's x-sql-statements header on isolated requests (median of ${STATEMENT_SAMPLES}); the benchmark fails above ${MAX_API_STATEMENTS}.`,
        "Load generator, servers and PostgreSQL share the same machine; on a shared machine every figure is lower and noisier — see backgroundCpuPercent (CPU busy over 1 s with the target idle, just before the load).",
      ],
    };
  },

  summarize(record) {
    const r = /** @type {any} */ (record);
    /** @param {string} key @param {string} label */
    const row = (key, label) => {
      const t = r.targets[key];
      return [label, t.requestsPerSec, t.latencyP50Ms, t.latencyP99Ms, t.failures, t.allYears.sqlStatementsPerRequest, t.allYears.singleRequestMs, t.oneYearAci.singleRequestMs, Math.round(t.allYears.responseBytes / 1024), t.backgroundCpuPercent];
    };
    return [
      `dataset: ${r.dataset.federations} federations, ${r.dataset.projects} MSPs, ${r.dataset.periods} approved periods (${JSON.stringify(r.dataset.byProgramme)}), built in ${r.dataset.buildSeconds} s`,
      `federation measured: ${r.dataset.federation.name}, ${r.dataset.federation.msps} MSPs, ${r.dataset.federation.approvedPeriods} approved periods`,
      table(
        ["target", "req/s", "p50 ms", "p99 ms", "failures", "SQL/request", "single ms (all)", "single ms (2025 ACI)", "KiB/response", "background CPU %"],
        [row("rawSql", "same SQL + node:http (floor)"), row("mercurius", "GraphQL mercurius (jit)")],
      ),
      "",
      `ratio (throughput): mercurius/raw ${r.ratios.mercuriusVsRaw}; single request mercurius/raw ${r.ratios.singleRequestMercuriusVsRaw}`,
      `(${r.settings.durationSec} s per target after ${r.settings.warmupSec} s warm-up, ${r.settings.connections} connections)`,
    ].join("\n");
  },
};
