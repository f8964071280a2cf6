/**
 * Offline Prisma Migrate: drives @prisma/schema-engine-wasm through a driver adapter, so that no native
 * schema-engine binary has to be downloaded (ARCHITECTURE.md, "Database and Prisma"). Migrations stay in the
 * standard Prisma folder format, so `prisma migrate deploy` also works where the native binary is available.
 * Re-test on every Prisma upgrade: the engine package is internal.
 */
import fs from "node:fs";
import path from "node:path";

import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

/** This package's root, found from the running file (dist/src/*.js when built, src/*.ts under vitest). */
function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "prisma", "schema.prisma"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find packages/db/prisma/schema.prisma");
    dir = parent;
  }
  return dir;
}

/** Where the schema and migrations live (inside this package). */
export const prismaDir = path.join(packageRoot(), "prisma");
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");

const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

let engineModule: Promise<SchemaEngineModule> | undefined;

async function loadEngineModule(): Promise<SchemaEngineModule> {
  // The package entry does `import x from "./schema_engine_bg.wasm"` (bundler target), which Node cannot
  // load: instantiate the module by hand instead.
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(bgPath)) as SchemaEngineModule & { __wbg_set_wasm: (e: unknown) => void };
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  // @types/node 20 does not declare the WebAssembly global.
  const wasm = (globalThis as unknown as { WebAssembly: { instantiate: (b: Buffer, i: object) => Promise<{ instance: { exports: Record<string, unknown> } }> } }).WebAssembly;
  const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

function schemaFiles() {
  return [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
}

/** The migrations folder in the shape the schema engine expects. */
export function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: "missing migration.sql" },
        },
      };
    }),
  };
}

async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory): Promise<SchemaEngine> {
  engineModule ??= loadEngineModule();
  const mod = await engineModule;
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  return mod.SchemaEngine.new(
    { datamodels: schemaFiles().map((f) => [f.path, f.content]) } as never,
    log,
    bindMigrationAwareSqlAdapterFactory(factory as SqlMigrationAwareDriverAdapterFactory),
  );
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory, fn: (e: SchemaEngine) => Promise<T>): Promise<T> {
  const engine = await openEngine(factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Applies the pending migrations; returns the names of those applied. */
export function applyPendingMigrations(factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters } as never);
    return out.appliedMigrationNames;
  });
}

/** SQL that takes an empty database (or the migrations history) to the current schema. */
export function diffSql(factory: SqlMigrationAwareDriverAdapterFactory, from: "empty" | "migrations"): Promise<string> {
  return withEngine(factory, async (engine) => {
    const source = from === "migrations" ? { tag: "migrations", ...migrationsList() } : { tag: "empty" };
    const r = await engine.diff({
      from: source,
      to: { tag: "schemaDatamodel", files: schemaFiles() },
      script: true,
      exitCode: null,
      filters,
    } as never);
    return r.stdout ?? "";
  });
}

/** Creates a migration folder from the schema (like `prisma migrate dev --create-only`). */
export function createMigration(factory: SqlMigrationAwareDriverAdapterFactory, name: string): Promise<string | null> {
  return withEngine(factory, async (engine) => {
    const diag = await engine.devDiagnostic({ migrationsList: migrationsList(), filters } as never);
    if (diag.action.tag === "reset") throw new Error(`Drift detected, reset needed: ${diag.action.reason}`);
    await engine.applyMigrations({ migrationsList: migrationsList(), filters } as never);
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: migrationsList(),
      schema: { files: schemaFiles() },
      filters,
    } as never);
    if (out.migrationScript == null) return null;
    fs.mkdirSync(migrationsDir, { recursive: true });
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`);
    }
    const dir = path.join(migrationsDir, out.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), out.migrationScript);
    return dir;
  });
}

/** The migration history diagnosis (like `prisma migrate status`). */
export function migrationStatus(factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory) {
  return withEngine(factory, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters } as never),
  );
}

/** Drops every object of the database's schema. */
export function resetDatabase(factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory): Promise<void> {
  return withEngine(factory, (engine) => engine.reset({ filter: filters } as never));
}
