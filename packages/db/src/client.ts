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

export async function openDatabase(url: string): Promise<Database> {
  const opened = await openAdapter(url);
  const prisma = new PrismaClient({ adapter: opened.factory });
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
