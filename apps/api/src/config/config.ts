/**
 * The API's configuration, read once from the environment and validated. The only module that reads
 * process.env (STYLE.md §11.12).
 */
import fs from "node:fs";
import path from "node:path";

export type GraphqlDriverName = "mercurius" | "apollo";

export type AppConfig = {
  port: number;
  host: string;
  /** postgresql://… for a server; pglite:<folder> or pglite:memory for the embedded database. */
  databaseUrl: string;
  dataDir: string;
  isProduction: boolean;
  /** Seed the demo federation when the database is empty (never in production). */
  seedDemo: boolean;
  graphqlDriver: GraphqlDriverName;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** The built portal to serve at "/", or null when it is not built. */
  portalDist: string | null;
  /** Adds `x-sql-statements` to responses (benchmarks; exact only when requests do not overlap). */
  queryMetrics: boolean;
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMinutes: number; lockMinutes: number };
};

export class ConfigError extends Error {}

function findWorkspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  return n;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const root = findWorkspaceRoot(process.cwd());
  const isProduction = env.NODE_ENV === "production";
  const dataDir = path.resolve(root, env.DATA_DIR || ".data");
  const databaseUrl = env.DATABASE_URL || `pglite:${path.join(dataDir, "pglite")}`;
  if (!/^(postgres(ql)?:\/\/|pglite:)/.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with postgresql:// (or pglite:<folder> / pglite:memory)");
  }
  const driver = (env.GRAPHQL_DRIVER || "mercurius") as GraphqlDriverName;
  if (driver !== "mercurius" && driver !== "apollo") throw new ConfigError(`GRAPHQL_DRIVER must be mercurius or apollo (got "${driver}")`);
  const portalDist = path.resolve(root, env.PORTAL_DIST || "apps/portal/dist");
  return {
    port: intVar(env, "PORT", 3000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    databaseUrl,
    dataDir,
    isProduction,
    seedDemo: !isProduction && boolVar(env, "MAILLAGE_SEED_DEMO", true),
    graphqlDriver: driver,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === "test" ? "warn" : "info"),
    sessionTtlHours: intVar(env, "SESSION_TTL_HOURS", 12, 1, 24 * 30),
    cookieSecure: boolVar(env, "COOKIE_SECURE", isProduction),
    portalDist: fs.existsSync(path.join(portalDist, "index.html")) ? portalDist : null,
    queryMetrics: boolVar(env, "MAILLAGE_QUERY_METRICS", false),
    loginThrottle: {
      maxFailuresPerAccount: intVar(env, "LOGIN_MAX_FAILURES", 5, 1, 1000),
      maxFailuresPerAddress: intVar(env, "LOGIN_MAX_FAILURES_PER_ADDRESS", 50, 1, 100000),
      windowMinutes: 15,
      lockMinutes: intVar(env, "LOGIN_LOCK_MINUTES", 15, 1, 24 * 60),
    },
    ...overrides,
  };
}
