/**
 * The PostgreSQL server the benchmarks run against, and the fresh database each run creates (and drops).
 * PGlite is not an option here: the point is to measure against the database used in production.
 */
import pg from "pg";

import { connectionConfig, redact } from "./pg-url.mjs";

export { apiPoolSize, connectionConfig, redact } from "./pg-url.mjs";

export const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export class NoDatabaseError extends Error {}

const HOW_TO =
  "The benchmarks need a PostgreSQL server (they create a fresh database on it and drop it at the end).\n" +
  `Start one on ${redact(DEFAULT_SERVER_URL)}, or point DATABASE_URL at a server whose user may create databases:\n` +
  "  DATABASE_URL=postgresql://user:password@host:5432/postgres corepack pnpm bench";

/** DATABASE_URL when it names a PostgreSQL server, else the local default. */
export function serverUrlFromEnv(env = process.env) {
  const url = env.DATABASE_URL;
  if (!url) return DEFAULT_SERVER_URL;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new NoDatabaseError(`DATABASE_URL is "${redact(url)}", not a postgresql:// URL.\n${HOW_TO}`);
  }
  return url;
}

/** Connects once to check that the server answers; throws NoDatabaseError with directions otherwise. @param {string} serverUrl */
export async function checkServer(serverUrl) {
  const client = new pg.Client({ ...connectionConfig(serverUrl), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query("SHOW server_version");
    return String(rows[0]?.server_version ?? "unknown");
  } catch (error) {
    const reason = /** @type {{ code?: string; message?: string }} */ (error).code ?? /** @type {Error} */ (error).message;
    throw new NoDatabaseError(`No PostgreSQL server reachable at ${redact(serverUrl)} (${reason}).\n${HOW_TO}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** @type {Promise<{ db: typeof import("@maillage/db"); seed: typeof import("@maillage/db/seed") }> | undefined} */
let dbPackages;

/** @maillage/db (CommonJS, built into packages/db/dist), loaded on first use with a clear message when it is not built. */
export function loadDbPackages() {
  dbPackages ??= Promise.all([import("@maillage/db"), import("@maillage/db/seed")]).then(
    ([db, seed]) => ({ db: db.default, seed: seed.default }),
    (error) => {
      throw new Error(
        `@maillage/db could not be loaded (${/** @type {Error} */ (error).message.split("\n")[0]}). ` +
          "Build it first: corepack pnpm turbo run build --filter=@maillage/api (or run `corepack pnpm bench` from the repository root).",
      );
    },
  );
  return dbPackages;
}

/** A fresh, empty database on the server: `{ url, drop() }`. @param {string} serverUrl */
export async function createFreshDatabase(serverUrl) {
  const { db } = await loadDbPackages();
  return db.createTestDatabase(serverUrl);
}

/**
 * Migrates the database and seeds the demo federations (what the API does at its first start in
 * development), so that every API start — in production mode — finds it ready.
 * @param {string} url
 */
export async function prepareDemoDatabase(url) {
  const { db, seed } = await loadDbPackages();
  const database = await db.openDatabase(url);
  try {
    const migrations = await database.migrate();
    const result = await seed.seedDemo(database.prisma, {});
    if (!result.seeded) throw new Error(`the demo seed did not run: ${result.reason ?? "unknown reason"}`);
    return { migrations: migrations.length, counts: result.counts };
  } finally {
    await database.close();
  }
}

/** The demo federation the benchmarks read, and its administrator's account. */
export async function demoFixtures() {
  const { seed } = await loadDbPackages();
  return {
    federationId: seed.DEMO_IDS.federations.nouvelleAquitaine,
    admin: { email: "admin@demo.maillage.fr", password: seed.DEMO_PASSWORD },
  };
}

/** How many projects a federation has (what `totalCount` must say). @param {string} url @param {string} federationId */
export async function countProjects(url, federationId) {
  const client = new pg.Client(connectionConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "MspProject" WHERE "federationId" = $1', [federationId]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
