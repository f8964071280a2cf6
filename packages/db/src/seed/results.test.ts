/**
 * The demo results (./results.ts): computed by the domain's calculators, plausible, deterministic, with their
 * workflow in the audit log — in memory (buildDemoDataset) and in a real database (PGlite, or a fresh PostgreSQL
 * database when DATABASE_URL is set).
 */
import { DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod, type Programme } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing";
import { buildDemoDataset, DEMO_ACCOUNTS, DEMO_IDS, type DemoDataset, seedDemo } from "./demo";
import { RESULT_YEARS, type ResultPeriodRow } from "./results";

const NOW_A = new Date("2026-11-23T09:00:00.000Z");
const NOW_B = new Date("2027-03-01T15:30:00.000Z");
const ADMINS: Record<string, string> = {
  [DEMO_IDS.federations.nouvelleAquitaine]: DEMO_IDS.users.admin,
  [DEMO_IDS.federations.bretagne]: DEMO_IDS.users.admin2,
};

type Summary = { patients: number; computedEur: number; perPatientEur: number; receivedEur: number | null; illustrative: boolean };
const summaryOf = (p: { outputs: unknown }) => (p.outputs as { summary: Summary }).summary;
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** evaluatePeriod on the stored inputs, as the API would on submission. */
function recompute(p: { programme: Programme; year: number; inputs: unknown }, today: Date) {
  const r = evaluatePeriod(p.programme, p.year, p.inputs, DEFAULT_RESULTS_REFERENCE_DATA, today);
  if (!r.ok) throw new Error(`${p.programme} ${p.year}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Running MSPs: an approved CONTRAT_ACI at SIGNATURE_ACI or EN_FONCTIONNEMENT, with its signature date. */
function runningOf(d: DemoDataset): Map<string, string> {
  const signed = new Map<string, string>();
  const stages = new Map(d.projects.map((p) => [p.id, p.stage]));
  for (const s of d.submissions) {
    const stage = stages.get(s.projectId);
    if (s.milestoneKey === "CONTRAT_ACI" && s.status === "APPROVED" && (stage === "SIGNATURE_ACI" || stage === "EN_FONCTIONNEMENT") && s.fields.signedAt) {
      signed.set(s.projectId, s.fields.signedAt);
    }
  }
  return signed;
}

const participants = (periods: readonly ResultPeriodRow[], programme: Programme) => new Set(periods.filter((p) => p.programme === programme).map((p) => p.projectId));

describe("demo results (in memory)", () => {
  let a: DemoDataset;
  let b: DemoDataset;
  let twin: DemoDataset;
  let buildMs = 0;

  beforeAll(() => {
    const t0 = Date.now();
    a = buildDemoDataset(NOW_A, "hash");
    buildMs = Date.now() - t0;
    twin = buildDemoDataset(NOW_A, "hash");
    b = buildDemoDataset(NOW_B, "hash");
  });

  it("stores for every period exactly what evaluatePeriod computes from its inputs (DEFAULT_RESULTS_REFERENCE_DATA)", () => {
    expect(a.resultPeriods.length).toBeGreaterThan(20);
    for (const p of a.resultPeriods) {
      const r = recompute(p, NOW_A);
      expect(json(r.outputs), `${p.programme} ${p.year} ${p.projectId}`).toEqual(json(p.outputs));
      expect(json(r.inputs)).toEqual(json(p.inputs));
      expect(p.ruleSetId).toBe(r.referenceId);
    }
  });

  it("gives ACI results to every running MSP from its signature year, for the last closed years, and a draft of the current year to some", () => {
    const running = runningOf(a);
    const aci = a.resultPeriods.filter((p) => p.programme === "ACI");
    expect(participants(a.resultPeriods, "ACI").size).toBeGreaterThan(15);
    for (const p of aci) {
      const signedAt = running.get(p.projectId);
      expect(signedAt, p.projectId).toBeDefined();
      expect(p.year).toBeGreaterThanOrEqual(Math.max(Number(signedAt!.slice(0, 4)), 2026 - RESULT_YEARS));
      expect(p.year).toBeLessThanOrEqual(2026);
      expect((p.inputs as { contractStart: string }).contractStart).toBe(signedAt);
      if (p.year === 2026) expect(p.status).toBe("DRAFT");
    }
    // Every active running MSP signed before the current year has last year's period.
    const operating = a.projects.filter((p) => p.stage === "EN_FONCTIONNEMENT" && p.status === "ACTIVE" && Number(running.get(p.id)?.slice(0, 4)) <= 2025);
    expect(operating.length).toBeGreaterThan(10);
    for (const p of operating) expect(aci.some((x) => x.projectId === p.id && x.year === 2025), p.name).toBe(true);
    const drafts = aci.filter((p) => p.year === 2026).length;
    expect(drafts).toBeGreaterThanOrEqual(3);
    expect(drafts).toBeLessThan(operating.length);
  });

  it("puts 2–3 MSPs in PEPS and 3–5 in IPEP, coordination@'s MSP in both", () => {
    const peps = participants(a.resultPeriods, "PEPS");
    const ipep = participants(a.resultPeriods, "IPEP");
    expect(peps.size).toBeGreaterThanOrEqual(2);
    expect(peps.size).toBeLessThanOrEqual(3);
    expect(ipep.size).toBeGreaterThanOrEqual(3);
    expect(ipep.size).toBeLessThanOrEqual(5);
    expect(peps.has(DEMO_IDS.projects.coordination)).toBe(true);
    expect(ipep.has(DEMO_IDS.projects.coordination)).toBe(true);
    // The MSPs whose PEPS application was approved take part in PEPS.
    const applicants = a.submissions.filter((s) => s.milestoneKey === "PEPS_CANDIDATURE" && s.status === "APPROVED").map((s) => s.projectId);
    const operating = new Set(a.projects.filter((p) => p.stage === "EN_FONCTIONNEMENT" && p.status === "ACTIVE").map((p) => p.id));
    for (const id of applicants.filter((x) => operating.has(x))) expect(peps.has(id)).toBe(true);
  });

  it("has plausible inputs: patient mixes adding up to the patientèle, T-IPEP-1-like gains, ACI prerequisites met", () => {
    for (const p of a.resultPeriods) {
      const s = summaryOf(p);
      if (p.programme === "PEPS") {
        const inputs = p.inputs as { patientele: number; groups: { patients: number }[]; tableId: string; internalSplit: { amountEur: number }[]; forfaitReceivedEur: number };
        expect(inputs.groups.reduce((sum, g) => sum + g.patients, 0)).toBe(inputs.patientele);
        expect(inputs.tableId).toBe("PEPS_ILLUSTRATIF");
        expect(s.illustrative).toBe(true);
        expect(inputs.internalSplit.reduce((sum, l) => sum + l.amountEur, 0)).toBeCloseTo(inputs.forfaitReceivedEur, 6);
        expect(s.perPatientEur).toBeGreaterThan(80);
        expect(s.perPatientEur).toBeLessThan(300);
      }
      if (p.programme === "IPEP") {
        const inputs = p.inputs as { patients: number; gainLevelPerPatientEur: number; gainEvolutionPerPatientEur: number };
        expect(inputs.patients).toBeGreaterThan(5000);
        expect(Math.abs(inputs.gainLevelPerPatientEur)).toBeLessThanOrEqual(40);
        expect(Math.abs(inputs.gainEvolutionPerPatientEur)).toBeLessThanOrEqual(20);
        expect(s.perPatientEur).toBeLessThanOrEqual(0.5 * (40 / 3 + (2 / 3) * 20));
      }
      if (p.programme === "ACI") {
        const aci = (p.outputs as { aci: { prerequisitesMet: boolean } }).aci;
        expect(aci.prerequisitesMet).toBe(true);
        // Around DOMAIN.md §2.6's averages (72,415 € in 2022, 80,040 € in 2023).
        expect(s.computedEur).toBeGreaterThan(20_000);
        expect(s.computedEur).toBeLessThan(150_000);
        expect(s.patients).toBeGreaterThanOrEqual(1500);
      }
    }
  });

  it("approves closed years by the federation's admin, in order, before now; a few stay under way for the demo", () => {
    const closed = a.resultPeriods.filter((p) => p.year < 2026);
    const approved = closed.filter((p) => p.status === "APPROVED");
    expect(approved.length / closed.length).toBeGreaterThan(0.8);
    for (const p of a.resultPeriods) {
      expect(p.createdAt.getTime()).toBeLessThanOrEqual(p.updatedAt.getTime());
      expect(p.updatedAt.getTime()).toBeLessThanOrEqual(NOW_A.getTime());
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(p.year, 0, 1));
      if (p.status === "APPROVED") {
        expect(p.approvedById).toBe(ADMINS[p.federationId]);
        expect(p.submittedAt!.getTime()).toBeGreaterThan(p.createdAt.getTime());
        expect(p.approvedAt!.getTime()).toBeGreaterThan(p.submittedAt!.getTime());
        expect(p.approvedAt!.getTime()).toBe(p.updatedAt.getTime());
      } else {
        expect(p.approvedAt).toBeNull();
        expect(p.approvedById).toBeNull();
      }
      if (p.status === "DRAFT") expect(p.submittedAt).toBeNull();
      if (p.status === "RETURNED") expect(p.returnComment).toMatch(/^Merci|^La patientèle/);
      else expect(p.returnComment).toBeNull();
    }
    const statuses = new Set(closed.map((p) => p.status));
    expect([...statuses].sort()).toEqual(["APPROVED", "DRAFT", "RETURNED", "SUBMITTED"]);
    // coordination@'s MSP: every closed year approved.
    expect(closed.filter((p) => p.projectId === DEMO_IDS.projects.coordination).every((p) => p.status === "APPROVED")).toBe(true);
  });

  it("writes each period's workflow to the timeline: created, submitted, approved or returned, at the period's times", () => {
    const events = a.auditEvents.filter((e) => e.targetType === "ResultPeriod");
    const byPeriod = new Map<string, typeof events>();
    for (const e of events) byPeriod.set(e.targetId, [...(byPeriod.get(e.targetId) ?? []), e]);
    expect(byPeriod.size).toBe(a.resultPeriods.length);
    const coordinationUser = DEMO_ACCOUNTS.find((x) => x.email === "coordination@demo.maillage.fr")!.userId;
    for (const p of a.resultPeriods) {
      const list = byPeriod.get(p.id)!;
      const expected = {
        DRAFT: ["results.create"],
        SUBMITTED: ["results.create", "results.submit"],
        APPROVED: ["results.create", "results.submit", "results.approve"],
        RETURNED: ["results.create", "results.submit", "results.return"],
      }[p.status];
      expect(list.map((e) => e.action)).toEqual(expected);
      expect(list[0]!.createdAt).toEqual(p.createdAt);
      expect(list.at(-1)!.createdAt).toEqual(p.updatedAt);
      for (const e of list) {
        expect(e).toMatchObject({ federationId: p.federationId, projectId: p.projectId, summary: expect.objectContaining({ programme: p.programme, year: p.year }) });
      }
      if (p.status === "APPROVED") expect(list[2]!.actorId).toBe(ADMINS[p.federationId]);
      if (p.projectId === DEMO_IDS.projects.coordination) expect(list[0]!.actorId).toBe(coordinationUser);
    }
    // The whole timeline stays in time order, and a project's last activity is its last event.
    const times = a.auditEvents.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const last = new Map<string, Date>();
    for (const e of a.auditEvents) last.set(e.projectId, e.createdAt);
    for (const p of a.projects) expect(last.get(p.id), p.name).toEqual(p.lastActivityAt);
  });

  it("is deterministic: same `now`, same periods; another `now`, the same MSPs and programmes (years follow the calendar)", () => {
    expect(json(twin.resultPeriods)).toEqual(json(a.resultPeriods));
    // The draw of PEPS and IPEP MSPs does not depend on `now` (an MSP that signed its contract this year has rows
    // only once a year is closed).
    for (const programme of ["PEPS", "IPEP"] as const) {
      const later = participants(b.resultPeriods, programme);
      for (const id of participants(a.resultPeriods, programme)) expect(later.has(id), `${programme} ${id}`).toBe(true);
      expect(later.size).toBeLessThanOrEqual(programme === "PEPS" ? 3 : 5);
    }
    // In March 2027, 2026 is a closed year: most of its periods are submitted or approved.
    const closed2026 = b.resultPeriods.filter((p) => p.year === 2026);
    expect(closed2026.length).toBeGreaterThan(10);
    expect(closed2026.filter((p) => p.status === "APPROVED" || p.status === "SUBMITTED").length / closed2026.length).toBeGreaterThan(0.8);
  });

  it("keeps the build fast", () => {
    console.info(`buildDemoDataset with results: ${buildMs} ms, ${a.resultPeriods.length} periods`);
    expect(buildMs).toBeLessThan(3_000);
  });

  it("makes coordination@ a member of « MSP de Navarrenx » (64), a running MSP of Nouvelle-Aquitaine", () => {
    const p = a.projects.find((x) => x.id === DEMO_IDS.projects.coordination)!;
    expect(p).toMatchObject({ name: "MSP de Navarrenx", communeName: "Navarrenx", departementCode: "64", stage: "EN_FONCTIONNEMENT", status: "ACTIVE", federationId: DEMO_IDS.federations.nouvelleAquitaine });
    const account = DEMO_ACCOUNTS.find((x) => x.email === "coordination@demo.maillage.fr")!;
    expect(account).toMatchObject({ role: "MSP_MEMBER", mspProjectId: DEMO_IDS.projects.coordination, userId: DEMO_IDS.users.coordination });
  });
});

describe("demo results (database)", () => {
  let t: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = await openDatabase(t.url);
    await db.migrate();
    await seedDemo(db.prisma, { now: NOW_A });
  });

  afterAll(async () => {
    await db?.close();
    await t?.drop();
  });

  it("stores the periods with outputs equal to evaluatePeriod of their stored inputs", async () => {
    const rows = await db.prisma.resultPeriod.findMany({ orderBy: [{ projectId: "asc" }, { programme: "asc" }, { year: "asc" }] });
    expect(rows.length).toBe(buildDemoDataset(NOW_A, "hash").resultPeriods.length);
    for (const row of rows) {
      const r = recompute(row, NOW_A);
      expect(row.outputs).toEqual(json(r.outputs));
      expect(row.ruleSetId).toBe(r.referenceId);
    }
    const counts = await db.prisma.resultPeriod.groupBy({ by: ["programme"], where: { status: "APPROVED" }, _count: { _all: true } });
    const byProgramme = Object.fromEntries(counts.map((c) => [c.programme, c._count._all]));
    expect(byProgramme.ACI).toBeGreaterThan(15);
    expect(byProgramme.PEPS).toBeGreaterThanOrEqual(2);
    expect(byProgramme.IPEP).toBeGreaterThanOrEqual(3);
  });

  it("locks the approved periods (the database trigger), and gives coordination@ its MSP's results", async () => {
    const approved = await db.prisma.resultPeriod.findFirstOrThrow({ where: { projectId: DEMO_IDS.projects.coordination, status: "APPROVED", programme: "PEPS" } });
    await expect(db.prisma.resultPeriod.update({ where: { id: approved.id }, data: { status: "DRAFT" } })).rejects.toThrow();
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "coordination@demo.maillage.fr" } });
    expect(user).toMatchObject({ role: "MSP_MEMBER", mspProjectId: DEMO_IDS.projects.coordination, federationId: DEMO_IDS.federations.nouvelleAquitaine });
    const programmes = await db.prisma.resultPeriod.findMany({ where: { projectId: user.mspProjectId! }, select: { programme: true }, distinct: ["programme"] });
    expect(programmes.map((p) => p.programme).sort()).toEqual(["ACI", "IPEP", "PEPS"]);
    const events = await db.prisma.auditEvent.count({ where: { targetType: "ResultPeriod", action: "results.approve", actorId: DEMO_IDS.users.admin } });
    expect(events).toBeGreaterThan(15);
  });
});
