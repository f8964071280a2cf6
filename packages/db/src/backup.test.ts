/**
 * infra/backup.sh and infra/restore.sh against the PostgreSQL server: a seeded database is dumped, restored
 * into a new one, and both hold the same rows — and the restored audit log is still append-only.
 * Runs when DATABASE_URL names a PostgreSQL server and pg_dump is installed (CI); skipped otherwise.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { openDatabase } from "./client";
import { seedDemo } from "./seed";
import { createTestDatabase, type TestDatabase } from "./testing";

const infra = path.resolve(__dirname, "../../../infra");
const hasPgDump = (() => {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const server = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;

describe.runIf(Boolean(server && hasPgDump))("backup and restore (infra/)", () => {
  const dbs: TestDatabase[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-backup-"));
  afterAll(async () => {
    for (const d of dbs) await d.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restores a backup into an empty database with the same rows", async () => {
    const source = await createTestDatabase(server);
    const target = await createTestDatabase(server);
    dbs.push(source, target);
    const a = await openDatabase(source.url);
    await a.migrate();
    await seedDemo(a.prisma, {});
    const file = path.join(dir, "demo.dump");
    execFileSync("bash", [path.join(infra, "backup.sh"), source.url, file], { stdio: "pipe" });
    execFileSync("bash", [path.join(infra, "restore.sh"), file, target.url], { stdio: "pipe" });
    const b = await openDatabase(target.url);
    try {
      for (const table of ["Federation", "User", "MspProject", "Departement", "Territory", "_prisma_migrations"]) {
        const [x] = await a.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
        const [y] = await b.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
        expect(y?.n, table).toBe(x?.n);
        expect(Number(x?.n), table).toBeGreaterThan(0);
      }
      expect(await b.migrate()).toEqual([]);
      await b.prisma.auditEvent.create({ data: { action: "test", targetType: "Test" } });
      await expect(b.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
