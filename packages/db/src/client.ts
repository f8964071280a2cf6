/**
 * The Prisma client factory. With a `postgresql://` URL it talks to that server; with `pglite:<folder>` or
 * `pglite:memory` to an embedded PGlite database (one process only may open a folder).
 */
import path from "node:path";

import { PrismaClient } from "../generated/prisma/client";
import { openAdapter, type DatabaseKind } from "./adapter";
import { applyPendingMigrations } from "./migrate";

export type Database = {
  prisma: PrismaClient;
  kind: DatabaseKind;
  url: string;
  /** Applies pending migrations through the same connection; returns the names applied. */
  migrate: () => Promise<string[]>;
  close: () => Promise<void>;
};

/** The URL used when DATABASE_URL is not set: an embedded database under the data folder. */
export function defaultDatabaseUrl(dataDir: string): string {
  return `pglite:${path.resolve(dataDir, "pglite")}`;
}

export type OpenOptions = {
  /** Called for every SQL statement the client sends (benchmarks count statements per request). */
  onStatement?: () => void;
};

/** Wraps an adapter factory so that every statement, in or out of a transaction, is reported. */
function countingFactory<F extends { connect: () => Promise<object> }>(factory: F, onStatement: () => void): F {
  type Queryable = { queryRaw: (...a: unknown[]) => Promise<unknown>; executeRaw: (...a: unknown[]) => Promise<unknown> };
  const wrap = <Q extends Queryable>(q: Q): Q => {
    const queryRaw = q.queryRaw.bind(q);
    const executeRaw = q.executeRaw.bind(q);
    q.queryRaw = (...a) => (onStatement(), queryRaw(...a));
    q.executeRaw = (...a) => (onStatement(), executeRaw(...a));
    return q;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = wrap((await connect()) as Queryable & { startTransaction: (...a: unknown[]) => Promise<Queryable> });
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...a) => wrap(await start(...a));
    return adapter;
  };
  return factory;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const opened = await openAdapter(url);
  const factory = options.onStatement ? countingFactory(opened.factory, options.onStatement) : opened.factory;
  const prisma = new PrismaClient({ adapter: factory });
  return {
    prisma,
    kind: opened.kind,
    url,
    migrate: () => applyPendingMigrations(opened.factory),
    close: async () => {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}
