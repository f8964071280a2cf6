/**
 * A fresh, migrated database for one test run: PGlite in memory by default, or, when `DATABASE_URL` names a
 * PostgreSQL server, a new database on that server (dropped by `drop()`).
 */
import { randomUUID } from "node:crypto";

import pg from "pg";

import { isPgliteUrl, parsePgUrl } from "./adapter";

export type TestDatabase = { url: string; drop: () => Promise<void> };

export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl || isPgliteUrl(serverUrl)) return { url: "pglite:memory", drop: async () => {} };
  const { config } = parsePgUrl(serverUrl);
  const name = `maillage_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ ...config, database: config.database });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ ...config });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
