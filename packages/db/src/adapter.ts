/**
 * Driver-adapter factory chosen from a database URL (ARCHITECTURE.md, "Database and Prisma"):
 *   postgres://… | postgresql://…  → @prisma/adapter-pg (a real PostgreSQL server)
 *   pglite:<dir> | pglite:memory   → pglite-prisma-adapter (embedded, in-process PGlite)
 * Shared by the application client and the offline migration runner.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/**
 * The schema engine's introspection queries return PostgreSQL's internal "char" type (OID 18), which
 * @prisma/adapter-pg 7.10.1 cannot deserialize. Report it as text (OID 25): the value is a plain string.
 */
function charAsText<T>(res: T): T {
  for (const r of (Array.isArray(res) ? res : [res]) as QueryResultLike[]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
  }
  return res;
}

class CharAsTextClient extends pg.Client {
  // pg.Pool#query calls client.query(config, values, callback); transactions use the promise form.
  override query(...args: unknown[]): never {
    const [config, values, cb] = args;
    const call = super.query.bind(this) as (...a: unknown[]) => unknown;
    if (typeof values === "function") {
      const done = values as (e: Error | null, r: unknown) => void;
      return call(config, (e: Error | null, r: unknown) => done(e, e ? r : charAsText(r))) as never;
    }
    if (typeof cb === "function") {
      const done = cb as (e: Error | null, r: unknown) => void;
      return call(config, values, (e: Error | null, r: unknown) => done(e, e ? r : charAsText(r))) as never;
    }
    const r = call(config, values) as Promise<unknown> | undefined;
    return (r && typeof r.then === "function" ? r.then(charAsText) : r) as never;
  }
}

/** The pools one factory opened, so that closing one database never touches another's. */
class PoolSet {
  readonly #open = new Set<pg.Pool>();

  create(config: pg.PoolConfig): pg.Pool {
    const pool = new pg.Pool({ ...config, Client: CharAsTextClient, allowExitOnIdle: true });
    this.#open.add(pool);
    const end = pool.end.bind(pool);
    pool.end = (() => {
      if (!this.#open.delete(pool)) return Promise.resolve();
      return end();
    }) as typeof pool.end;
    return pool;
  }

  /** Closes the pools that their users (e.g. the schema engine) did not dispose. */
  async endAll(): Promise<void> {
    await Promise.all([...this.#open].map((p) => p.end()));
  }
}

export type PgConnection = { config: pg.PoolConfig; schema: string | undefined };

/**
 * Splits a PostgreSQL URL into discrete fields. pg lets `connectionString` override `database`, and
 * @prisma/adapter-pg's shadow-database support relies on overriding `database`: discrete fields avoid that.
 */
export function parsePgUrl(url: string): PgConnection {
  const u = new URL(url);
  const config: pg.PoolConfig = {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
  const max = u.searchParams.get("connection_limit");
  if (max) config.max = Number(max);
  return { config, schema: u.searchParams.get("schema") ?? undefined };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * @prisma/adapter-pg 7.10.1 runs a migration script by splitting it on ";", which breaks any statement that
 * contains one (a PL/pgSQL function body, a string literal). Send the script whole instead: PostgreSQL's simple
 * query protocol runs a multi-statement script in one implicit transaction, as Prisma's native engine does.
 */
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const internals = adapter as unknown as { client: pg.Pool; onError: (e: unknown) => never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

class PgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  readonly #conn: PgConnection;
  readonly pools = new PoolSet();

  constructor(url: string) {
    this.#conn = parsePgUrl(url);
  }

  async connect() {
    return wholeScripts(await new PrismaPg(this.pools.create(this.#conn.config), { schema: this.#conn.schema, disposeExternalPool: true }).connect());
  }

  /** A throw-away database for `migrate dev` diffs, dropped when the engine disposes of it. */
  async connectToShadowDb() {
    const admin = await new PrismaPg(this.pools.create({ ...this.#conn.config, database: "postgres" }), {
      disposeExternalPool: true,
    }).connect();
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = wholeScripts(
      await new PrismaPg(this.pools.create({ ...this.#conn.config, database: name }), { disposeExternalPool: true }).connect(),
    );
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

export type DatabaseKind = "postgres" | "pglite";

export type OpenedAdapter = {
  kind: DatabaseKind;
  factory: SqlMigrationAwareDriverAdapterFactory | SqlDriverAdapterFactory;
  /** The embedded database, when kind is "pglite". */
  pglite?: PGlite;
  close: () => Promise<void>;
};

export const isPgliteUrl = (url: string): boolean => url.startsWith("pglite:");

/** Opens the adapter factory for a database URL (see the module comment for the accepted forms). */
export async function openAdapter(url: string): Promise<OpenedAdapter> {
  if (isPgliteUrl(url)) {
    const target = url.slice("pglite:".length);
    const inMemory = target === "memory" || target === "";
    if (!inMemory) fs.mkdirSync(target, { recursive: true });
    const db = new PGlite(inMemory ? undefined : target);
    await db.waitReady;
    return { kind: "pglite", factory: new PrismaPGlite(db), pglite: db, close: () => db.close() };
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`Unsupported database URL: expected postgresql://…, pglite:<folder> or pglite:memory`);
  }
  const factory = new PgFactory(url);
  return { kind: "postgres", factory, close: () => factory.pools.endAll() };
}
