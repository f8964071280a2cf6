#!/usr/bin/env node
/**
 * Maillage benchmarks: `corepack pnpm bench` (root: builds the API first) or `node src/run.mjs` here.
 *
 *   node src/run.mjs [--only <name>[,<name>…]] [--list] [--help]
 *
 * Environment: DATABASE_URL (a postgresql:// server, default postgresql://postgres@127.0.0.1:5432/postgres),
 * BENCH_DURATION (seconds measured per target, default 10), BENCH_WARMUP (seconds, default 3),
 * BENCH_CONNECTIONS (default 10).
 *
 * Each run creates a fresh database on the server, migrates and seeds the demo data, runs the selected
 * benchmarks one after another, writes bench/results/<name>.json per benchmark and drops the database.
 */
import { benchmarks } from "./benchmarks/index.mjs";
import { stopAllChildren } from "./lib/child.mjs";
import { NoDatabaseError, checkServer, createFreshDatabase, prepareDemoDatabase, redact, serverUrlFromEnv } from "./lib/database.mjs";
import { gitCommit, machineInfo, writeResult } from "./lib/results.mjs";

/**
 * @typedef {{ durationSec: number; warmupSec: number; connections: number }} Settings
 * @typedef {{ databaseUrl: string; serverUrl: string; settings: Settings; log: (message: string) => void }} Context
 * @typedef {{
 *   name: string;
 *   description: string;
 *   run: (ctx: Context) => Promise<Record<string, unknown>>;
 *   summarize?: (record: Record<string, unknown>) => string;
 * }} Benchmark
 */

const USAGE = `usage: node src/run.mjs [--only <name>[,<name>…]] [--list] [--help]

  --only <names>  run only these benchmarks (comma-separated, or repeat the flag)
  --list          list the benchmarks and exit

environment:
  DATABASE_URL       PostgreSQL server to use (postgresql://…); default postgresql://postgres@127.0.0.1:5432/postgres.
                     A fresh database is created there for the run and dropped at the end.
  BENCH_DURATION     seconds of measured load per target (default 10)
  BENCH_WARMUP       seconds of warm-up load per target, not measured (default 3)
  BENCH_CONNECTIONS  concurrent connections of the load generator (default 10)`;

class UsageError extends Error {}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {string[]} */
  const only = [];
  let list = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--list") list = true;
    else if (arg === "--only") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) throw new UsageError("--only needs a benchmark name");
      only.push(...value.split(","));
    } else if (arg.startsWith("--only=")) only.push(...arg.slice("--only=".length).split(","));
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  return { only: only.map((s) => s.trim()).filter(Boolean), list, help };
}

/** @param {string} name @param {number} fallback @param {number} min @param {number} max */
function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  return n;
}

/** @param {string[]} only */
function selectBenchmarks(only) {
  if (only.length === 0) return benchmarks;
  const known = new Map(benchmarks.map((b) => [b.name, b]));
  const unknown = only.filter((n) => !known.has(n));
  if (unknown.length) throw new UsageError(`unknown benchmark(s): ${unknown.join(", ")} (available: ${[...known.keys()].join(", ")})`);
  return benchmarks.filter((b) => only.includes(b.name));
}

/** @param {string} message */
const log = (message) => console.log(`[bench] ${message}`);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    for (const b of benchmarks) console.log(`${b.name}\n  ${b.description}`);
    return 0;
  }
  const selected = selectBenchmarks(args.only);
  /** @type {Settings} */
  const settings = {
    durationSec: intEnv("BENCH_DURATION", 10, 1, 3600),
    warmupSec: intEnv("BENCH_WARMUP", 3, 0, 600),
    connections: intEnv("BENCH_CONNECTIONS", 10, 1, 1000),
  };

  const serverUrl = serverUrlFromEnv();
  const postgresqlVersion = await checkServer(serverUrl);
  log(`PostgreSQL ${postgresqlVersion} at ${redact(serverUrl)}`);

  /** @type {{ url: string; drop: () => Promise<void> } | null} */
  let fresh = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopAllChildren();
    if (fresh) {
      await fresh.drop().then(
        () => log("dropped the run's database"),
        (error) => console.error(`[bench] could not drop the run's database ${redact(fresh?.url ?? "")}: ${error?.message ?? error}`),
      );
    }
  };
  const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
    console.error(`\n[bench] ${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let failed = 0;
  try {
    fresh = await createFreshDatabase(serverUrl);
    log(`fresh database ${new URL(fresh.url).pathname.slice(1)}: migrating and seeding the demo data`);
    await prepareDemoDatabase(fresh.url);

    const machine = machineInfo();
    const commit = gitCommit();
    for (const benchmark of selected) {
      log(`${benchmark.name}: ${benchmark.description}`);
      const date = new Date().toISOString();
      /** @type {Context} */
      const ctx = { databaseUrl: fresh.url, serverUrl, settings, log: (m) => log(`${benchmark.name} · ${m}`) };
      try {
        const outcome = await benchmark.run(ctx);
        const record = {
          benchmark: benchmark.name,
          description: benchmark.description,
          date,
          commit,
          machine,
          database: "postgresql",
          postgresqlVersion,
          ...outcome,
        };
        const file = writeResult(benchmark.name, record);
        console.log(`\n${benchmark.name}\n${benchmark.summarize ? benchmark.summarize(record) : JSON.stringify(outcome, null, 2)}\n`);
        log(`results written to ${file}`);
      } catch (error) {
        failed++;
        console.error(`[bench] ${benchmark.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await stopAllChildren();
      }
    }
  } finally {
    await cleanup();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof NoDatabaseError || error instanceof UsageError) {
      console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error.message);
    } else {
      console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    process.exit(1);
  },
);
