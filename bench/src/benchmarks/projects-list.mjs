/**
 * projects-list: the project list of the whole demo federation (first 100 of its 150 projects, with
 * département, région and chargé·e, plus the total count) through the GraphQL API — once on Mercurius
 * (graphql-jit), once on Apollo — versus the same rows fetched by ONE raw SQL query and serialized to JSON by a
 * bare node:http server (the "floor"). Same autocannon settings for the three targets, run one after another.
 */
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";

import { startApi } from "../lib/api.mjs";
import { startChild } from "../lib/child.mjs";
import { apiPoolSize, countProjects, demoFixtures } from "../lib/database.mjs";
import { login, postJson, waitForOk } from "../lib/http.mjs";
import { round, runLoad, throughputRatio } from "../lib/load.mjs";
import { cpuBusyPercent, table } from "../lib/results.mjs";

const ROWS = 100;

export const QUERY = `query Projects($first:Int!,$after:String,$filter:ProjectFilter){ projects(first:$first, after:$after, filter:$filter){ totalCount pageInfo{hasNextPage endCursor} edges{ cursor node{ id name communeCode communeName stage status updatedAt departement{ code name region{ code name } } charge{ id displayName email role } } } } }`;

const REQUEST_BODY = JSON.stringify({ operationName: "Projects", query: QUERY, variables: { first: ROWS } });

const FLOOR_SERVER = fileURLToPath(new URL("../servers/projects-list-raw-sql.mjs", import.meta.url));

/** How many single, isolated requests are sampled for the statement count (the median is reported). */
const STATEMENT_SAMPLES = 5;

/** Pause after a load phase, so that requests still queued in the server do not overlap what follows. */
const SETTLE_MS = 1000;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Checks a reference answer in full: HTTP 200, no `errors`, ROWS edges, the federation's total, a next page.
 * @param {string} label @param {{ status: number; text: string; json: any }} res @param {number} expectedTotal
 */
function checkReference(label, res, expectedTotal) {
  const projects = res.json?.data?.projects;
  const problems = [];
  if (res.status !== 200) problems.push(`HTTP ${res.status}`);
  if (res.json?.errors) problems.push(`errors: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
  if (!projects) problems.push("no data.projects");
  else {
    if (projects.edges?.length !== Math.min(ROWS, expectedTotal)) problems.push(`${projects.edges?.length} edges instead of ${Math.min(ROWS, expectedTotal)}`);
    if (projects.totalCount !== expectedTotal) problems.push(`totalCount ${projects.totalCount} instead of ${expectedTotal}`);
    if (projects.pageInfo?.hasNextPage !== expectedTotal > ROWS) problems.push("wrong pageInfo.hasNextPage");
  }
  if (problems.length) throw new Error(`${label}: unexpected answer to the list query (${problems.join("; ")}): ${res.text.slice(0, 300)}`);
}

/**
 * A cheap per-response check for the load phase: byte-identical to the verified reference answer, or else a
 * 2xx JSON answer without `errors` and with the same number of edges.
 * @param {string} reference
 */
function bodyVerifier(reference) {
  return (/** @type {string} */ body) => {
    if (body === reference) return true;
    try {
      const json = JSON.parse(body);
      return !json.errors && json.data?.projects?.edges?.length === ROWS;
    } catch {
      return false;
    }
  };
}

/**
 * Warm-up, reference answer and statement count (isolated requests), then the measured load.
 * @param {import("../run.mjs").Context} ctx
 * @param {{ label: string; url: string; headers: Record<string, string>; expectedTotal: number; countsStatements: boolean }} target
 */
async function measure(ctx, target) {
  if (ctx.settings.warmupSec > 0) {
    ctx.log(`${target.label}: warm-up ${ctx.settings.warmupSec} s`);
    const body = REQUEST_BODY;
    await runLoad({ url: target.url, method: "POST", headers: target.headers, body, connections: ctx.settings.connections, durationSec: ctx.settings.warmupSec });
    await settle();
  }
  // Isolated requests (nothing else in flight): reference answer and SQL statements per request.
  /** @type {number[]} */
  const statements = [];
  /** @type {import("../lib/http.mjs").JsonResponse | undefined} */
  let reference;
  for (let i = 0; i < STATEMENT_SAMPLES; i++) {
    reference = await postJson(target.url, JSON.parse(REQUEST_BODY), target.headers);
    checkReference(target.label, reference, target.expectedTotal);
    const header = reference.headers.get("x-sql-statements");
    if (target.countsStatements) {
      if (header === null) throw new Error(`${target.label}: no x-sql-statements header (is MAILLAGE_QUERY_METRICS honoured by this build?)`);
      statements.push(Number(header));
    }
  }
  if (!reference) throw new Error("unreachable");
  // CPU use while the target is idle: anything well above 0 is another process competing with the run.
  const backgroundCpuPercent = await cpuBusyPercent();
  if (backgroundCpuPercent > 15) ctx.log(`${target.label}: warning: ${backgroundCpuPercent}% CPU busy while idle — something else runs on this machine; figures will be low and noisy`);

  ctx.log(`${target.label}: measuring ${ctx.settings.durationSec} s, ${ctx.settings.connections} connections`);
  const load = await runLoad({
    url: target.url,
    method: "POST",
    headers: target.headers,
    body: REQUEST_BODY,
    connections: ctx.settings.connections,
    durationSec: ctx.settings.durationSec,
    verifyBody: bodyVerifier(reference.text),
  });
  await settle();
  const sorted = [...statements].sort((a, b) => a - b);
  return {
    result: {
      ...load,
      responseBytes: Buffer.byteLength(reference.text),
      backgroundCpuPercent,
      sqlStatementsPerRequest: target.countsStatements ? (sorted[Math.floor(sorted.length / 2)] ?? null) : 1,
      ...(target.countsStatements && new Set(statements).size > 1 ? { sqlStatementsSamples: statements } : {}),
    },
    data: reference.json.data,
    text: reference.text,
  };
}

/** @param {import("../run.mjs").Context} ctx @param {"mercurius" | "apollo"} driver @param {number} expectedTotal */
async function measureApi(ctx, driver, expectedTotal) {
  const { admin } = await demoFixtures();
  ctx.log(`${driver}: starting the API (GRAPHQL_DRIVER=${driver}, NODE_ENV=production)`);
  const api = await startApi({ databaseUrl: ctx.databaseUrl, driver });
  try {
    const cookie = await login(api.baseUrl, admin);
    return await measure(ctx, {
      label: driver,
      url: `${api.baseUrl}/graphql`,
      headers: { "content-type": "application/json", cookie },
      expectedTotal,
      countsStatements: true,
    });
  } finally {
    await api.stop();
  }
}

/** @param {import("../run.mjs").Context} ctx @param {string} federationId @param {number} expectedTotal */
async function measureFloor(ctx, federationId, expectedTotal) {
  const poolSize = apiPoolSize(ctx.databaseUrl);
  ctx.log(`rawSql: starting the raw-SQL floor server (pg pool of ${poolSize})`);
  const floor = await startChild({
    name: "raw-SQL floor",
    script: FLOOR_SERVER,
    env: { ...process.env, DATABASE_URL: ctx.databaseUrl, FEDERATION_ID: federationId, POOL_SIZE: String(poolSize) },
    ready: /raw-SQL floor ready/,
    timeoutMs: 30_000,
  });
  try {
    await waitForOk(`${floor.baseUrl}/health`);
    return await measure(ctx, {
      label: "rawSql",
      url: `${floor.baseUrl}/projects`,
      headers: { "content-type": "application/json" },
      expectedTotal,
      countsStatements: false,
    });
  } finally {
    await floor.stop();
  }
}

/** @type {import("../run.mjs").Benchmark} */
export default {
  name: "projects-list",
  description:
    "Project list of the demo federation (first 100 of 150, with département/région/chargé·e and totalCount): " +
    "GraphQL on Mercurius (graphql-jit) and on Apollo versus one raw SQL query serialized to JSON by node:http.",

  async run(ctx) {
    const { federationId } = await demoFixtures();
    const expectedTotal = await countProjects(ctx.databaseUrl, federationId);

    const mercurius = await measureApi(ctx, "mercurius", expectedTotal);
    const apollo = await measureApi(ctx, "apollo", expectedTotal);
    const rawSql = await measureFloor(ctx, federationId, expectedTotal);

    // The three must have served the same rows, or the comparison means nothing.
    for (const [label, other] of /** @type {const} */ ([["apollo", apollo], ["rawSql", rawSql]])) {
      if (!isDeepStrictEqual(other.data, mercurius.data)) throw new Error(`${label} did not answer the same data as mercurius`);
    }

    const targets = { rawSql: rawSql.result, mercurius: mercurius.result, apollo: apollo.result };
    return {
      settings: {
        durationSec: ctx.settings.durationSec,
        warmupSec: ctx.settings.warmupSec,
        connections: ctx.settings.connections,
        pipelining: 1,
        rows: ROWS,
        federationProjects: expectedTotal,
        pgPoolSize: apiPoolSize(ctx.databaseUrl),
        apiEnv: { NODE_ENV: "production", LOG_LEVEL: "warn", MAILLAGE_QUERY_METRICS: "1" },
        order: ["mercurius", "apollo", "rawSql"],
      },
      targets,
      ratios: {
        mercuriusVsRaw: throughputRatio(targets.mercurius, targets.rawSql),
        apolloVsRaw: throughputRatio(targets.apollo, targets.rawSql),
        mercuriusVsApollo: throughputRatio(targets.mercurius, targets.apollo),
      },
      identicalBodies: { mercuriusApollo: mercurius.text === apollo.text, mercuriusRawSql: mercurius.text === rawSql.text },
      notes: [
        "requestsPerSec is autocannon's mean of per-second samples; latencies are per request, in whole milliseconds, under the load above (queueing included).",
        "Ratios are throughput ratios (requests/s of the first over the second).",
        "The raw-SQL floor does no authentication, no GraphQL parsing/validation and no framework work; the API looks the session up (SQL) and checks the scope on every request. Its statement count is 1 by construction.",
        "sqlStatementsPerRequest is the x-sql-statements header of single isolated requests (the API counts statements; exact only when requests do not overlap).",
        "Every response under load was checked: failures = connection errors/timeouts + non-2xx + 2xx bodies that were not the verified answer.",
        "Load generator (autocannon), servers and PostgreSQL share the same machine; on few cores they compete for CPU, which lowers every figure.",
        "backgroundCpuPercent is the CPU use (all cores) over 1 s just before the measured phase, with the target idle: well above 0 means another process competed with this target's measurement.",
      ],
    };
  },

  summarize(record) {
    const r = /** @type {any} */ (record);
    /** @param {string} key @param {string} label */
    const row = (key, label) => {
      const t = r.targets[key];
      return [label, t.requestsPerSec, t.latencyP50Ms, t.latencyP99Ms, t.failures, t.sqlStatementsPerRequest, Math.round(t.responseBytes / 1024), t.backgroundCpuPercent];
    };
    return [
      table(
        ["target", "req/s", "p50 ms", "p99 ms", "failures", "SQL/request", "KiB/response", "background CPU %"],
        [row("rawSql", "raw SQL + JSON (floor)"), row("mercurius", "GraphQL mercurius (jit)"), row("apollo", "GraphQL apollo")],
      ),
      "",
      `ratios (throughput): mercurius/raw ${r.ratios.mercuriusVsRaw} · apollo/raw ${r.ratios.apolloVsRaw} · mercurius/apollo ${r.ratios.mercuriusVsApollo}`,
      `(${r.settings.durationSec} s per target after ${r.settings.warmupSec} s warm-up, ${r.settings.connections} connections, ${r.settings.rows} rows per answer; the floor does no authentication)`,
    ].join("\n");
  },
};
