/**
 * board: the pipeline board (every project of the federation in its eleven stage columns, with the progress of
 * the required milestones of its current stage and its last activity) through the GraphQL API on Mercurius
 * (graphql-jit, the chosen driver), versus the same board computed by ONE raw SQL statement and serialized to
 * JSON by a bare node:http server (the "floor"); same autocannon settings for both, run one after the other.
 *
 * Then the data-access shape: the SQL statements of one isolated board request (x-sql-statements) for a small
 * federation (the demo's Bretagne one) and again once synthetic projects have brought it to 1,000. The count
 * must not grow with the number of projects: the benchmark fails if it does.
 */
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";

import { startApi } from "../lib/api.mjs";
import { startChild } from "../lib/child.mjs";
import { apiPoolSize, countProjects, demoFixtures, loadDbPackages } from "../lib/database.mjs";
import { login, postJson, waitForOk } from "../lib/http.mjs";
import { round, runLoad, throughputRatio } from "../lib/load.mjs";
import { cpuBusyPercent, table } from "../lib/results.mjs";

export const QUERY = `query Board($filter: ProjectFilter) { board(filter: $filter) { stage label count projects { id name communeName departementCode status chargeName milestoneProgress { approved required } stageEnteredAt lastActivityAt } } }`;

const REQUEST_BODY = JSON.stringify({ operationName: "Board", query: QUERY, variables: { filter: null } });

const FLOOR_SERVER = fileURLToPath(new URL("../servers/board-raw-sql.mjs", import.meta.url));

/** The eleven stages of the lifecycle: one column each. */
const COLUMNS = 11;

/** How many single, isolated requests are sampled for the statement count and single-request time (medians). */
const STATEMENT_SAMPLES = 5;

/** Unmeasured isolated requests before sampling, in the statements part (JIT, pool, plan caches). */
const SINGLE_WARMUP_REQUESTS = 20;

/** Size of the federation for the second statement count. */
const LARGE_PROJECTS = 1000;

/** Pause after a load phase, so that requests still queued in the server do not overlap what follows. */
const SETTLE_MS = 1000;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
};

/** The second demo federation (Bretagne, 12 projects) and its administrator. */
async function bretagneFixtures() {
  const { seed } = await loadDbPackages();
  return {
    federationId: seed.DEMO_IDS.federations.bretagne,
    admin: { email: "admin2@demo.maillage.fr", password: seed.DEMO_PASSWORD },
  };
}

/**
 * Checks a board answer in full: HTTP 200, no `errors`, eleven columns, each column's count equal to its cards,
 * every project of the federation once, and a sane progress on every card.
 * @param {string} label @param {{ status: number; text: string; json: any }} res @param {number} expectedTotal
 */
function checkBoard(label, res, expectedTotal) {
  const board = res.json?.data?.board;
  const problems = [];
  if (res.status !== 200) problems.push(`HTTP ${res.status}`);
  if (res.json?.errors) problems.push(`errors: ${JSON.stringify(res.json.errors).slice(0, 300)}`);
  if (!Array.isArray(board)) problems.push("no data.board");
  else {
    if (board.length !== COLUMNS) problems.push(`${board.length} columns instead of ${COLUMNS}`);
    const ids = new Set();
    let cards = 0;
    for (const column of board) {
      if (column.count !== column.projects?.length) problems.push(`column ${column.stage}: count ${column.count} for ${column.projects?.length} cards`);
      for (const card of column.projects ?? []) {
        cards++;
        ids.add(card.id);
        const p = card.milestoneProgress;
        if (!p || !Number.isInteger(p.approved) || !Number.isInteger(p.required) || p.approved < 0 || p.approved > p.required) {
          problems.push(`card ${card.id}: milestoneProgress ${JSON.stringify(p)}`);
        }
      }
    }
    if (cards !== expectedTotal || ids.size !== expectedTotal) problems.push(`${cards} cards (${ids.size} distinct) instead of the federation's ${expectedTotal} projects`);
  }
  if (problems.length) throw new Error(`${label}: unexpected answer to the board query (${problems.slice(0, 5).join("; ")}): ${res.text.slice(0, 300)}`);
}

/**
 * The board's data in a comparable form: the cards of each column sorted by id (the order among projects with
 * the same lastActivityAt is not part of the contract).
 * @param {any} data
 */
function normalized(data) {
  return {
    board: data.board.map((/** @type {any} */ column) => ({
      ...column,
      projects: [...column.projects].sort((/** @type {any} */ a, /** @type {any} */ b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    })),
  };
}

/**
 * A cheap per-response check for the load phase: byte-identical to the verified reference answer, or else a
 * 2xx JSON answer without `errors`, with the eleven columns and every project.
 * @param {string} reference @param {number} expectedTotal
 */
function bodyVerifier(reference, expectedTotal) {
  return (/** @type {string} */ body) => {
    if (body === reference) return true;
    try {
      const json = JSON.parse(body);
      const board = json.data?.board;
      return !json.errors && Array.isArray(board) && board.length === COLUMNS && board.reduce((n, c) => n + c.count, 0) === expectedTotal;
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
    await runLoad({ url: target.url, method: "POST", headers: target.headers, body: REQUEST_BODY, connections: ctx.settings.connections, durationSec: ctx.settings.warmupSec });
    await settle();
  }
  // Isolated requests (nothing else in flight): reference answer and SQL statements per request.
  /** @type {number[]} */
  const statements = [];
  /** @type {import("../lib/http.mjs").JsonResponse | undefined} */
  let reference;
  for (let i = 0; i < STATEMENT_SAMPLES; i++) {
    reference = await postJson(target.url, JSON.parse(REQUEST_BODY), target.headers);
    checkBoard(target.label, reference, target.expectedTotal);
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
    verifyBody: bodyVerifier(reference.text, target.expectedTotal),
  });
  await settle();
  return {
    result: {
      ...load,
      responseBytes: Buffer.byteLength(reference.text),
      backgroundCpuPercent,
      sqlStatementsPerRequest: target.countsStatements ? median(statements) : 1,
      ...(target.countsStatements && new Set(statements).size > 1 ? { sqlStatementsSamples: statements } : {}),
    },
    data: reference.json.data,
    text: reference.text,
  };
}

/** @param {import("../run.mjs").Context} ctx @param {number} expectedTotal */
async function measureApi(ctx, expectedTotal) {
  const { admin } = await demoFixtures();
  ctx.log("mercurius: starting the API (GRAPHQL_DRIVER=mercurius, NODE_ENV=production)");
  const api = await startApi({ databaseUrl: ctx.databaseUrl, driver: "mercurius" });
  try {
    const cookie = await login(api.baseUrl, admin);
    return await measure(ctx, {
      label: "mercurius",
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
      url: `${floor.baseUrl}/board`,
      headers: { "content-type": "application/json" },
      expectedTotal,
      countsStatements: false,
    });
  } finally {
    await floor.stop();
  }
}

/**
 * One isolated board request, timed from sending to the last byte of the answer (before parsing it).
 * @param {string} url @param {Record<string, string>} headers
 */
async function timedBoardRequest(url, headers) {
  const t0 = performance.now();
  const res = await fetch(url, { method: "POST", headers, body: REQUEST_BODY });
  const text = await res.text();
  const ms = performance.now() - t0;
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: checkBoard reports the text
  }
  return { ms, res: { status: res.status, headers: res.headers, text, json } };
}

/**
 * Statements and time of single isolated board requests for the signed-in federation at its current size.
 * @param {import("../run.mjs").Context} ctx @param {string} url @param {Record<string, string>} headers @param {string} label @param {number} projects
 */
async function sampleStatements(ctx, url, headers, label, projects) {
  for (let i = 0; i < SINGLE_WARMUP_REQUESTS; i++) checkBoard(`${label} (warm-up)`, (await timedBoardRequest(url, headers)).res, projects);
  /** @type {number[]} */
  const statements = [];
  /** @type {number[]} */
  const times = [];
  let bytes = 0;
  for (let i = 0; i < STATEMENT_SAMPLES; i++) {
    const { ms, res } = await timedBoardRequest(url, headers);
    checkBoard(label, res, projects);
    const header = res.headers.get("x-sql-statements");
    if (header === null) throw new Error(`${label}: no x-sql-statements header (is MAILLAGE_QUERY_METRICS honoured by this build?)`);
    statements.push(Number(header));
    times.push(ms);
    bytes = Buffer.byteLength(res.text);
  }
  const result = {
    projects,
    sqlStatementsPerRequest: median(statements),
    singleRequestMs: round(median(times) ?? 0, 1),
    responseBytes: bytes,
    ...(new Set(statements).size > 1 ? { sqlStatementsSamples: statements } : {}),
    singleRequestMsSamples: times.map((t) => round(t, 1)),
  };
  ctx.log(`${label}: ${projects} projects → ${result.sqlStatementsPerRequest} SQL statements, ${result.singleRequestMs} ms per request`);
  return result;
}

/**
 * Adds synthetic projects (seedScaleProjects) to the federation until it has `target` of them.
 * @param {string} databaseUrl @param {string} federationId @param {number} target
 */
async function growFederation(databaseUrl, federationId, target) {
  const { db, seed } = await loadDbPackages();
  const database = await db.openDatabase(databaseUrl);
  try {
    // Same seed → same ids: a second round (should names or ids collide and rows be skipped) uses the next seed.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const missing = target - (await countProjects(databaseUrl, federationId));
      if (missing <= 0) break;
      await seed.seedScaleProjects(database.prisma, { federationId, count: missing, seed: attempt });
    }
  } finally {
    await database.close();
  }
  const total = await countProjects(databaseUrl, federationId);
  if (total !== target) throw new Error(`seedScaleProjects brought the federation to ${total} projects instead of ${target}`);
  return total;
}

/**
 * The statement count of the board at the small federation's size, then at LARGE_PROJECTS (after adding
 * synthetic projects, which have no submissions: the submission statement is the same one either way).
 * @param {import("../run.mjs").Context} ctx
 */
async function measureStatementsBySize(ctx) {
  const { federationId, admin } = await bretagneFixtures();
  const smallProjects = await countProjects(ctx.databaseUrl, federationId);
  if (smallProjects >= LARGE_PROJECTS) throw new Error(`the Bretagne demo federation already has ${smallProjects} projects (expected far fewer than ${LARGE_PROJECTS})`);
  ctx.log("statements: starting the API (GRAPHQL_DRIVER=mercurius, NODE_ENV=production), signed in as admin2@");
  const api = await startApi({ databaseUrl: ctx.databaseUrl, driver: "mercurius" });
  try {
    const cookie = await login(api.baseUrl, admin);
    const url = `${api.baseUrl}/graphql`;
    const headers = { "content-type": "application/json", cookie };
    const small = await sampleStatements(ctx, url, headers, "statements (small)", smallProjects);
    ctx.log(`statements: adding ${LARGE_PROJECTS - smallProjects} synthetic projects (seedScaleProjects) to the Bretagne federation`);
    const t0 = performance.now();
    const largeProjects = await growFederation(ctx.databaseUrl, federationId, LARGE_PROJECTS);
    ctx.log(`statements: ${largeProjects} projects (${Math.round(performance.now() - t0)} ms to seed)`);
    const large = await sampleStatements(ctx, url, headers, "statements (large)", largeProjects);
    return { federation: "demo-bretagne", account: admin.email, small, large };
  } finally {
    await api.stop();
  }
}

/** @type {import("../run.mjs").Benchmark} */
export default {
  name: "board",
  description:
    "Pipeline board of the demo federation (all 150 projects in 11 stage columns, with required-milestone progress and last activity): " +
    "GraphQL on Mercurius versus one raw SQL statement serialized to JSON by node:http; SQL statements per request at 12 and at 1,000 projects.",

  async run(ctx) {
    const { federationId } = await demoFixtures();
    const expectedTotal = await countProjects(ctx.databaseUrl, federationId);

    const mercurius = await measureApi(ctx, expectedTotal);
    const rawSql = await measureFloor(ctx, federationId, expectedTotal);

    // Both must have served the same board (columns, counts, projects, progress), or the comparison means nothing.
    if (!isDeepStrictEqual(normalized(rawSql.data), normalized(mercurius.data))) {
      const a = normalized(mercurius.data).board;
      const b = normalized(rawSql.data).board;
      /** @type {string[]} */
      const diffs = [];
      a.forEach((/** @type {any} */ col, /** @type {number} */ i) => {
        if (!isDeepStrictEqual(col, b[i])) {
          const other = b[i]?.projects ?? [];
          const card = col.projects.find((/** @type {any} */ p, /** @type {number} */ j) => !isDeepStrictEqual(p, other[j]));
          diffs.push(`${col.stage}: mercurius ${JSON.stringify(card ?? col).slice(0, 240)} vs rawSql ${JSON.stringify(other.find((/** @type {any} */ p) => p.id === card?.id) ?? b[i] ?? null).slice(0, 240)}`);
        }
      });
      throw new Error(`rawSql did not answer the same board as mercurius:\n${diffs.slice(0, 5).join("\n")}`);
    }
    const cards = /** @type {any[]} */ (mercurius.data.board).flatMap((c) => c.projects);

    // Statements vs size last: it adds projects to the Bretagne federation of the run's database.
    const statements = await measureStatementsBySize(ctx);
    // Medians, and the worst sample of each size (they only differ if some request overlapped another one).
    const worst = (/** @type {{ sqlStatementsPerRequest: number | null; sqlStatementsSamples?: number[] }} */ s) =>
      Math.max(...(s.sqlStatementsSamples ?? [s.sqlStatementsPerRequest ?? Infinity]));
    if ((statements.large.sqlStatementsPerRequest ?? Infinity) > (statements.small.sqlStatementsPerRequest ?? 0) || worst(statements.large) > worst(statements.small)) {
      throw new Error(
        `the board's SQL statements grow with the number of projects: ${statements.small.sqlStatementsPerRequest} per request at ` +
          `${statements.small.projects} projects, ${statements.large.sqlStatementsPerRequest} at ${statements.large.projects} (N+1?)`,
      );
    }

    const targets = { rawSql: rawSql.result, mercurius: mercurius.result };
    return {
      settings: {
        durationSec: ctx.settings.durationSec,
        warmupSec: ctx.settings.warmupSec,
        connections: ctx.settings.connections,
        pipelining: 1,
        columns: COLUMNS,
        federationProjects: expectedTotal,
        projectsWithApprovedMilestones: cards.filter((c) => c.milestoneProgress.approved > 0).length,
        requiredMilestonesOnBoard: cards.reduce((n, c) => n + c.milestoneProgress.required, 0),
        approvedMilestonesOnBoard: cards.reduce((n, c) => n + c.milestoneProgress.approved, 0),
        pgPoolSize: apiPoolSize(ctx.databaseUrl),
        apiEnv: { NODE_ENV: "production", LOG_LEVEL: "warn", MAILLAGE_QUERY_METRICS: "1", GRAPHQL_DRIVER: "mercurius" },
        order: ["mercurius", "rawSql", "statements"],
        statementSamples: STATEMENT_SAMPLES,
        singleWarmupRequests: SINGLE_WARMUP_REQUESTS,
      },
      targets,
      ratios: {
        mercuriusVsRaw: throughputRatio(targets.mercurius, targets.rawSql),
      },
      statements,
      identicalBodies: { mercuriusRawSql: mercurius.text === rawSql.text },
      notes: [
        "requestsPerSec is autocannon's mean of per-second samples; latencies are per request, in whole milliseconds, under the load above (queueing included).",
        "mercuriusVsRaw is a throughput ratio (requests/s of the API over the floor's).",
        "The raw-SQL floor does no authentication, no GraphQL parsing/validation and no framework work; the API looks the session up (SQL) and checks the scope on every request. The floor answers with ONE statement (projects, chargé·e, required and approved milestones in SQL); its statement count is 1 by construction.",
        "The two answers were compared after sorting the cards of each column by id: same columns, counts, projects, fields and milestone progress.",
        "sqlStatementsPerRequest is the x-sql-statements header of single isolated requests (the API counts statements; exact only when requests do not overlap).",
        `statements: admin2@ on the Bretagne demo federation, at its seeded size, then after seedScaleProjects brought it to ${LARGE_PROJECTS} projects (synthetic projects have no submissions); singleRequestMs is the median time of ${STATEMENT_SAMPLES} isolated requests (send to last byte, over loopback) after ${SINGLE_WARMUP_REQUESTS} unmeasured ones. The benchmark fails if the count at ${LARGE_PROJECTS} is larger.`,
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
    /** @param {string} key */
    const size = (key) => {
      const s = r.statements[key];
      return [key, s.projects, s.sqlStatementsPerRequest, s.singleRequestMs, Math.round(s.responseBytes / 1024)];
    };
    return [
      table(
        ["target", "req/s", "p50 ms", "p99 ms", "failures", "SQL/request", "KiB/response", "background CPU %"],
        [row("rawSql", "raw SQL + JSON (floor)"), row("mercurius", "GraphQL mercurius (jit)")],
      ),
      "",
      `ratio (throughput): mercurius/raw ${r.ratios.mercuriusVsRaw}`,
      `(${r.settings.durationSec} s per target after ${r.settings.warmupSec} s warm-up, ${r.settings.connections} connections, ${r.settings.federationProjects} projects in ${r.settings.columns} columns per answer; the floor does no authentication)`,
      "",
      `SQL statements per board request vs federation size (${r.statements.account}, ${r.statements.federation}; isolated requests):`,
      table(["size", "projects", "SQL/request", "single request ms", "KiB/response"], [size("small"), size("large")]),
    ].join("\n");
  },
};
