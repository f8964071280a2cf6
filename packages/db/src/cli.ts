#!/usr/bin/env node
/**
 * maillage-db: migrations without the native Prisma schema engine, and the demo seed.
 *   node dist/src/cli.js deploy              apply pending migrations
 *   node dist/src/cli.js dev --name <name>   create a migration from schema.prisma (needs a PostgreSQL server
 *                                            or pglite:memory as DATABASE_URL; uses a shadow database)
 *   node dist/src/cli.js diff [--from-migrations]   print SQL
 *   node dist/src/cli.js status | reset | seed
 * DATABASE_URL: postgresql://… | pglite:<folder> | pglite:memory (default: pglite under ./.data)
 */
import path from "node:path";

import { openAdapter } from "./adapter";
import { defaultDatabaseUrl, openDatabase } from "./client";
import { createMigration, diffSql, migrationStatus, resetDatabase, applyPendingMigrations } from "./migrate";
import { seedDemo } from "./seed";

async function main(): Promise<number> {
  const [cmd, ...rest] = process.argv.slice(2);
  const opt = (flag: string) => (rest.includes(flag) ? rest[rest.indexOf(flag) + 1] : undefined);
  const url = process.env.DATABASE_URL || defaultDatabaseUrl(process.env.DATA_DIR ?? path.resolve(".data"));
  if (cmd === "seed") {
    const db = await openDatabase(url);
    try {
      await db.migrate();
      const r = await seedDemo(db.prisma, { force: rest.includes("--force") });
      console.error(r.seeded ? `seeded: ${JSON.stringify(r.counts)}` : `not seeded: ${r.reason}`);
      return 0;
    } finally {
      await db.close();
    }
  }
  const opened = await openAdapter(url);
  const factory = opened.factory as Parameters<typeof diffSql>[0];
  try {
    switch (cmd) {
      case "deploy": {
        const applied = await applyPendingMigrations(factory);
        console.error(applied.length ? `applied: ${applied.join(", ")}` : "No pending migrations.");
        return 0;
      }
      case "dev": {
        const dir = await createMigration(factory, opt("--name") ?? "migration");
        console.error(dir ? `created ${path.relative(process.cwd(), dir)}/migration.sql` : "Already in sync, no migration created.");
        return 0;
      }
      case "diff":
        process.stdout.write(await diffSql(factory, rest.includes("--from-migrations") ? "migrations" : "empty"));
        return 0;
      case "status": {
        const r = await migrationStatus(factory);
        console.log(JSON.stringify(r, null, 2));
        return r.history || r.failedMigrationNames.length || r.editedMigrationNames.length ? 1 : 0;
      }
      case "reset":
        await resetDatabase(factory);
        console.error("Database reset.");
        return 0;
      default:
        console.error("usage: maillage-db deploy|dev --name <n>|diff [--from-migrations]|status|reset|seed [--force]");
        return 2;
    }
  } finally {
    await opened.close();
  }
}

// The WASM engine leaves a 10 s timer (advisory-lock timeout) armed: exit explicitly.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
