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
  /** Largest accepted upload, in bytes (MAX_UPLOAD_BYTES; default 20 MB). */
  maxUploadBytes: number;
  /** Where uploaded files are stored, content-addressed (DATA_DIR/files). */
  filesDir: string;
  /** Adds `x-sql-statements` to responses (benchmarks; exact only when requests do not overlap). */
  queryMetrics: boolean;
  /** Minutes between two alert refreshes (ALERTS_INTERVAL_MINUTES; default 15, 0 under NODE_ENV=test); 0 disables the alert job and the daily digest. */
  alertsIntervalMinutes: number;
  /** Override of the default stalled-project threshold, in days (ALERT_STALLED_DAYS); null keeps the domain default. */
  alertStalledDays: number | null;
  /** Override of the review-wait threshold, in days (ALERT_REVIEW_WAIT_DAYS); null keeps the domain default. */
  alertReviewWaitDays: number | null;
  /** Local hour (0–23) at which the daily e-mail digests go out (DIGEST_HOUR; default 7). */
  digestHour: number;
  /** smtp://user:pass@host:587 or smtps://…; null disables e-mail (SMTP_URL). */
  smtpUrl: string | null;
  /** Sender of the e-mails (MAIL_FROM). */
  mailFrom: string;
  /** The portal's public address, for links in e-mails (PUBLIC_URL; no trailing slash). */
  publicUrl: string;
  loginThrottle: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMinutes: number; lockMinutes: number };
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed (TRUSTED_PROXIES: comma-separated addresses or CIDR
   * ranges, or `loopback`, `linklocal`, `uniquelocal`); none by default, so the client address is the socket's.
   * Behind a trusted proxy, the client is the address that proxy appended (the right-most untrusted one).
   */
  trustedProxies: string[];
  /**
   * The deployment's research settings (docs/research.md, "Settings"): disclosure thresholds (RESEARCH_THRESHOLDS, a
   * JSON object; the only way to go below the defaults, logged at start) and the optional noisy mode
   * (RESEARCH_NOISE=laplace, RESEARCH_EPSILON_PER_QUERY, RESEARCH_EPSILON_BUDGET). Federation admins may only make
   * the thresholds stricter, for their own federation's data.
   */
  research: ResearchConfig;
};

export type ResearchConfig = {
  thresholds: Record<string, number>;
  privacyMode: "OFF" | "LAPLACE";
  epsilonPerQuery: number;
  epsilonBudget: number;
};

const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;

function trustedProxiesVar(env: NodeJS.ProcessEnv): string[] {
  const raw = env.TRUSTED_PROXIES?.trim();
  if (!raw) return [];
  const entries = raw.split(",").map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !PROXY_ENTRY.test(e));
  if (bad) throw new ConfigError(`TRUSTED_PROXIES: "${bad}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`);
  return entries;
}

function researchConfig(env: NodeJS.ProcessEnv): ResearchConfig {
  let thresholds: Record<string, number> = {};
  if (env.RESEARCH_THRESHOLDS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.RESEARCH_THRESHOLDS);
    } catch {
      throw new ConfigError("RESEARCH_THRESHOLDS must be a JSON object, e.g. {\"minContributors\":4}");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === "number")) {
      throw new ConfigError("RESEARCH_THRESHOLDS must be a JSON object of numbers, e.g. {\"minContributors\":4}");
    }
    thresholds = parsed as Record<string, number>;
  }
  const mode = (env.RESEARCH_NOISE || "off").toLowerCase();
  if (mode !== "off" && mode !== "laplace") throw new ConfigError(`RESEARCH_NOISE must be off or laplace (got "${mode}")`);
  const positive = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!(n > 0 && n <= max)) throw new ConfigError(`${name} must be a number above 0 and at most ${max} (got "${raw}")`);
    return n;
  };
  return {
    thresholds,
    privacyMode: mode === "laplace" ? "LAPLACE" : "OFF",
    epsilonPerQuery: positive("RESEARCH_EPSILON_PER_QUERY", 0.5, 10),
    epsilonBudget: positive("RESEARCH_EPSILON_BUDGET", 10, 1000),
  };
}

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

function smtpUrlVar(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL;
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/]/.test(raw)) throw new ConfigError("SMTP_URL must look like smtp://user:pass@host:587 or smtps://…");
  return raw;
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
    alertsIntervalMinutes: intVar(env, "ALERTS_INTERVAL_MINUTES", env.NODE_ENV === "test" ? 0 : 15, 0, 24 * 60),
    alertStalledDays: env.ALERT_STALLED_DAYS ? intVar(env, "ALERT_STALLED_DAYS", 0, 1, 3650) : null,
    alertReviewWaitDays: env.ALERT_REVIEW_WAIT_DAYS ? intVar(env, "ALERT_REVIEW_WAIT_DAYS", 0, 1, 3650) : null,
    digestHour: intVar(env, "DIGEST_HOUR", 7, 0, 23),
    smtpUrl: smtpUrlVar(env),
    mailFrom: env.MAIL_FROM || "Maillage <no-reply@maillage.local>",
    publicUrl: (env.PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, ""),
    maxUploadBytes: intVar(env, "MAX_UPLOAD_BYTES", 20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    filesDir: path.join(dataDir, "files"),
    loginThrottle: {
      maxFailuresPerAccount: intVar(env, "LOGIN_MAX_FAILURES", 5, 1, 1000),
      maxFailuresPerAddress: intVar(env, "LOGIN_MAX_FAILURES_PER_ADDRESS", 50, 1, 100000),
      windowMinutes: 15,
      lockMinutes: intVar(env, "LOGIN_LOCK_MINUTES", 15, 1, 24 * 60),
    },
    research: researchConfig(env),
    trustedProxies: trustedProxiesVar(env),
    ...overrides,
  };
}
