/**
 * The lock of approved result periods lives in the database (migration "result_periods"): whatever path
 * writes, an APPROVED period cannot be updated or deleted unless the transaction declares its unlock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "./client";
import { DEMO_IDS, seedDemo } from "./seed";
import { createTestDatabase, type TestDatabase } from "./testing";

describe("approved result periods are locked in the database", () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = await openDatabase(t.url);
    await db.migrate();
    await seedDemo(db.prisma, {});
  });
  afterAll(async () => {
    await db.close();
    await t.drop();
  });

  const create = (year: number, status: "DRAFT" | "APPROVED") =>
    db.prisma.resultPeriod.create({
      data: { federationId: DEMO_IDS.federations.nouvelleAquitaine, projectId: DEMO_IDS.projects.msp, programme: "ACI", year, status, inputs: { patientele: 4000 } },
    });

  it("lets drafts change freely", async () => {
    const p = await create(2023, "DRAFT");
    const u = await db.prisma.resultPeriod.update({ where: { id: p.id }, data: { inputs: { patientele: 4100 } } });
    expect(u.inputs).toEqual({ patientele: 4100 });
  });

  it("refuses any update or delete of an approved period, through Prisma or raw SQL", async () => {
    const p = await create(2024, "APPROVED");
    await expect(db.prisma.resultPeriod.update({ where: { id: p.id }, data: { inputs: { patientele: 1 } } })).rejects.toThrow(/locked/);
    await expect(db.prisma.resultPeriod.update({ where: { id: p.id }, data: { status: "DRAFT" } })).rejects.toThrow(/locked/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE "ResultPeriod" SET "year" = 2020 WHERE id = '${p.id}'`)).rejects.toThrow(/locked/);
    await expect(db.prisma.resultPeriod.delete({ where: { id: p.id } })).rejects.toThrow(/locked/);
    const after = await db.prisma.resultPeriod.findUniqueOrThrow({ where: { id: p.id } });
    expect(after).toMatchObject({ status: "APPROVED", year: 2024, inputs: { patientele: 4000 } });
  });

  it("allows the change only inside a transaction that declares the unlock of that very period", async () => {
    const p = await create(2025, "APPROVED");
    const other = await create(2022, "APPROVED");
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('maillage.unlock_period', '${other.id}', true)`);
        await tx.resultPeriod.update({ where: { id: p.id }, data: { status: "DRAFT" } });
      }),
    ).rejects.toThrow(/locked/);
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('maillage.unlock_period', '${p.id}', true)`);
      await tx.resultPeriod.update({ where: { id: p.id }, data: { status: "DRAFT" } });
    });
    expect((await db.prisma.resultPeriod.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("DRAFT");
    // The unlock was local to that transaction.
    await expect(db.prisma.resultPeriod.update({ where: { id: other.id }, data: { status: "DRAFT" } })).rejects.toThrow(/locked/);
  });

  it("keeps one period per MSP, programme and year", async () => {
    await expect(create(2023, "DRAFT")).rejects.toThrow();
  });
});
