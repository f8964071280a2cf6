/**
 * The demo seed against a real database: PGlite in memory, or a fresh database on the PostgreSQL server named by
 * DATABASE_URL (createTestDatabase).
 */
import { DEFAULT_MILESTONES, isValidFiness, isValidRpps, meetsMinimumTeam } from "@maillage/domain";
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "../client";
import { createTestDatabase, type TestDatabase } from "../testing";
import { DEMO_ACCOUNTS, DEMO_FEDERATIONS, DEMO_IDS, DEMO_PASSWORD, seedDemo, seedScaleProjects, type SeedResult } from "./demo";
import { projectSearchText, STAGES } from "./generator";

type RawCommune = { code: string; nom: string; type: string; departement: string };
// Checked against the package's own file, not through the seed's geo helpers.
const etalabCommunes = new Map(
  (require("@etalab/decoupage-administratif/data/communes.json") as RawCommune[])
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => [c.code, c]),
);

const FED1 = DEMO_IDS.federations.nouvelleAquitaine;
const FED2 = DEMO_IDS.federations.bretagne;
const NOW_A = new Date("2026-11-23T09:00:00.000Z");
const NOW_B = new Date("2027-03-01T15:30:00.000Z");

async function freshDatabase(): Promise<{ t: TestDatabase; db: Database }> {
  const t = await createTestDatabase();
  const db = await openDatabase(t.url);
  await db.migrate();
  return { t, db };
}

const projectFingerprint = (db: Database) =>
  db.prisma.mspProject.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      federationId: true,
      name: true,
      stage: true,
      status: true,
      communeCode: true,
      departementCode: true,
      chargeId: true,
      territoryId: true,
    },
  });

const territoryFingerprint = (db: Database) =>
  db.prisma.territory.findMany({
    orderBy: { id: "asc" },
    select: { id: true, federationId: true, name: true, departementCode: true, communeCodes: true },
  });

/** Everything the pipeline seeds (the audit log without its serial ids). */
const pipelineFingerprint = async (db: Database) => ({
  stageStates: await db.prisma.projectStageState.findMany({ orderBy: [{ projectId: "asc" }, { stage: "asc" }] }),
  submissions: await db.prisma.submission.findMany({ orderBy: { id: "asc" } }),
  team: await db.prisma.teamMember.findMany({ orderBy: { id: "asc" } }),
  auditEvents: await db.prisma.auditEvent.findMany({
    orderBy: { id: "asc" },
    select: { federationId: true, projectId: true, actorId: true, action: true, targetType: true, targetId: true, summary: true, createdAt: true },
  }),
  projects: await db.prisma.mspProject.findMany({
    orderBy: { id: "asc" },
    select: { id: true, stageEnteredAt: true, lastActivityAt: true, legalForm: true, statusReason: true },
  }),
});

type PipelineFingerprint = Awaited<ReturnType<typeof pipelineFingerprint>>;

/** What does not move with `now`: ids, keys, statuses, people (the calendar-bound ACI evidence packs aside). */
const timeless = (f: PipelineFingerprint) => ({
  stageStates: f.stageStates.map((s) => [s.projectId, s.stage, s.startedAt !== null, s.completedAt !== null, s.notApplicable, s.notApplicableReason]),
  submissions: f.submissions
    .filter((s) => s.milestoneKey !== "ACI_JUSTIFICATIFS")
    .map((s) => [s.id, s.projectId, s.milestoneKey, s.status, s.authorId, s.reviewerId, s.comment, s.reviewComment, Object.keys(s.fields as object).sort()]),
  team: f.team.map((m) => [m.id, m.projectId, m.fullName, m.profession, m.rpps, m.adeli, m.role, m.isAssociate, m.leftAt !== null]),
  projects: f.projects.map((p) => [p.id, p.legalForm, p.statusReason]),
});

async function pipelineCounts(db: Database) {
  return {
    stageStates: await db.prisma.projectStageState.count(),
    submissions: await db.prisma.submission.count(),
    teamMembers: await db.prisma.teamMember.count(),
    auditEvents: await db.prisma.auditEvent.count(),
  };
}

describe("seedDemo", () => {
  let a: { t: TestDatabase; db: Database };
  let first: SeedResult;
  let seedMs = 0;
  /** What a second, independent database seeded with another `now` holds. */
  let other: { projects: Awaited<ReturnType<typeof projectFingerprint>>; territories: unknown[]; pipeline: PipelineFingerprint };
  /** What a third database seeded with the same `now` as `a` holds. */
  let twin: PipelineFingerprint;

  beforeAll(async () => {
    // One database open at a time: adapter.ts's close() ends every pg pool of the process.
    const b = await freshDatabase();
    try {
      await seedDemo(b.db.prisma, { now: NOW_B });
      other = { projects: await projectFingerprint(b.db), territories: await territoryFingerprint(b.db), pipeline: await pipelineFingerprint(b.db) };
    } finally {
      await b.db.close();
      await b.t.drop();
    }
    const c = await freshDatabase();
    try {
      await seedDemo(c.db.prisma, { now: NOW_A });
      twin = await pipelineFingerprint(c.db);
    } finally {
      await c.db.close();
      await c.t.drop();
    }
    a = await freshDatabase();
    const t0 = Date.now();
    first = await seedDemo(a.db.prisma, { now: NOW_A });
    seedMs = Date.now() - t0;
  });

  afterAll(async () => {
    if (!a) return;
    await a.db.close();
    await a.t.drop();
  });

  it("seeds an empty database, quickly", async () => {
    expect(first.seeded).toBe(true);
    expect(first.counts).toMatchObject({
      regions: 18,
      departements: 101,
      federations: 2,
      federationDepartements: 16,
      users: DEMO_ACCOUNTS.length,
      projects: 162,
    });
    expect(first.counts.territories).toBeGreaterThanOrEqual(4);
    const inDb = await pipelineCounts(a.db);
    expect(first.counts).toMatchObject(inDb);
    expect(inDb.stageStates).toBeGreaterThan(800);
    expect(inDb.submissions).toBeGreaterThan(1000);
    expect(inDb.teamMembers).toBeGreaterThan(1000);
    expect(inDb.auditEvents).toBeGreaterThan(4000);
    // Informational only: speed is measured by benchmarks, never asserted in tests.
    console.info(`seedDemo on ${a.db.kind}: ${seedMs} ms; ${JSON.stringify(first.counts)}`);
  });

  it("is idempotent: a second call does nothing", async () => {
    const before = await pipelineCounts(a.db);
    const again = await seedDemo(a.db.prisma, {});
    expect(again.seeded).toBe(false);
    expect(again.reason).toMatch(/already has 2 federation/);
    expect(await a.db.prisma.mspProject.count()).toBe(162);
    expect(await a.db.prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
    expect(await pipelineCounts(a.db)).toEqual(before);
  });

  it("with force, adds nothing that already exists (no duplicate timeline either)", async () => {
    const before = await pipelineFingerprint(a.db);
    const forced = await seedDemo(a.db.prisma, { force: true });
    expect(forced.seeded).toBe(true);
    expect(Object.values(forced.counts).every((n) => n === 0)).toBe(true);
    expect(forced.counts).toMatchObject({ stageStates: 0, submissions: 0, teamMembers: 0, auditEvents: 0 });
    expect(await a.db.prisma.mspProject.count()).toBe(162);
    expect(await pipelineFingerprint(a.db)).toEqual(before);
  });

  it("is deterministic: two databases get the same ids, names, communes, stages (whatever `now`)", async () => {
    const projects = await projectFingerprint(a.db);
    expect(projects).toHaveLength(162);
    expect(other.projects).toEqual(projects);
    expect(other.territories).toEqual(await territoryFingerprint(a.db));
  });

  it("seeds the same pipeline in two databases: stage states, submissions, team, timeline (same `now`)", async () => {
    const mine = await pipelineFingerprint(a.db);
    expect(mine.submissions.length).toBeGreaterThan(1000);
    expect(twin.stageStates).toEqual(mine.stageStates);
    expect(twin.submissions).toEqual(mine.submissions);
    expect(twin.team).toEqual(mine.team);
    expect(twin.auditEvents).toEqual(mine.auditEvents);
    expect(twin.projects).toEqual(mine.projects);
  });

  it("keeps ids, milestone keys, statuses and people whatever `now` (only dates move)", async () => {
    expect(timeless(other.pipeline)).toEqual(timeless(await pipelineFingerprint(a.db)));
  });

  it("approves every required milestone (DEFAULT_MILESTONES) of every completed stage", async () => {
    const states = await a.db.prisma.projectStageState.findMany({ where: { completedAt: { not: null } } });
    const latest = new Map<string, string>();
    const subs = await a.db.prisma.submission.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    for (const s of subs) latest.set(`${s.projectId}/${s.milestoneKey}`, s.status);
    expect(states.length).toBeGreaterThan(700);
    for (const st of states) {
      for (const m of DEFAULT_MILESTONES.filter((x) => x.stage === st.stage && x.required)) {
        expect(latest.get(`${st.projectId}/${m.key}`), `${st.projectId} ${m.key}`).toBe("APPROVED");
      }
    }
    const projects = await a.db.prisma.mspProject.findMany({ include: { stageStates: true } });
    for (const p of projects) {
      const current = p.stageStates.find((s) => s.stage === p.stage);
      expect(current?.completedAt).toBeNull();
      expect(current?.startedAt).toEqual(p.stageEnteredAt);
    }
  });

  it("stores valid RPPS (Luhn) and FINESS (Luhn, the project's département) numbers", async () => {
    const team = await a.db.prisma.teamMember.findMany({ where: { rpps: { not: null } } });
    expect(team.length).toBeGreaterThan(1000);
    for (const m of team) expect(isValidRpps(m.rpps as string), m.rpps as string).toBe(true);
    const finess = await a.db.prisma.submission.findMany({ where: { milestoneKey: "FINESS_EJ_ET" }, include: { project: true } });
    expect(finess.length).toBeGreaterThan(50);
    for (const s of finess) {
      const f = s.fields as Record<string, string>;
      for (const n of [f.finessEj, f.finessEt]) {
        expect(isValidFiness(n as string), n).toBe(true);
        expect(n?.slice(0, 2)).toBe(s.project.departementCode);
      }
      expect(f.finessEj).not.toBe(f.finessEt);
    }
  });

  it("gives every project from PROJET_SANTE on its minimum team (SISA: among associates), except msp@'s", async () => {
    const later = STAGES.slice(STAGES.indexOf("PROJET_SANTE"));
    const projects = await a.db.prisma.mspProject.findMany({ where: { stage: { in: [...later] } }, include: { team: true } });
    expect(projects.length).toBeGreaterThan(90);
    for (const p of projects) {
      const ok = meetsMinimumTeam(p.team, NOW_A);
      expect(ok, p.name).toBe(p.id !== DEMO_IDS.projects.msp);
      if (p.legalForm === "SISA") expect(meetsMinimumTeam(p.team, NOW_A, { associatesOnly: true }), p.name).toBe(true);
    }
  });

  it("leaves msp@'s project at PROJET_SANTE: projet de santé submitted 3 days ago, engagements missing, 1 GP", async () => {
    const p = await a.db.prisma.mspProject.findUniqueOrThrow({
      where: { id: DEMO_IDS.projects.msp },
      include: { stageStates: { orderBy: { stage: "asc" } }, submissions: true, team: { orderBy: { createdAt: "asc" } } },
    });
    expect(p.stageStates.map((s) => [s.stage, s.completedAt !== null])).toEqual([
      ["PREMIER_CONTACT", true],
      ["PRE_DIAGNOSTIC", true],
      ["DIAGNOSTIC_TERRITORIAL", true],
      ["PROJET_SANTE", false],
    ]);
    const current = p.submissions.filter((s) => s.milestoneKey === "PROJET_SANTE" || s.milestoneKey === "ENGAGEMENTS_PS");
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ milestoneKey: "PROJET_SANTE", status: "SUBMITTED", authorId: DEMO_IDS.users.msp, reviewedAt: null });
    expect(Object.keys(current[0]?.fields as object)).toEqual(["versionDate"]);
    const age = NOW_A.getTime() - (current[0]?.createdAt.getTime() ?? 0);
    expect(age).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(age).toBeLessThan(4 * 86_400_000);
    expect(p.team.map((m) => [m.profession, m.role, m.leftAt])).toEqual([
      ["MEDECIN_GENERALISTE", "LEADER", null],
      ["INFIRMIER", "MEMBER", null],
      ["MASSEUR_KINESITHERAPEUTE", "MEMBER", null],
    ]);
    expect(p.lastActivityAt).toEqual(current[0]?.createdAt);
    for (const s of p.submissions.filter((x) => x.status !== "SUBMITTED")) expect(s.status === "APPROVED" || s.status === "CHANGES_REQUESTED").toBe(true);
  });

  it("writes each project's timeline in order (ids follow time), with its project and federation", async () => {
    const events = await a.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const projects = new Map((await a.db.prisma.mspProject.findMany()).map((p) => [p.id, p]));
    expect(events.length).toBe(first.counts.auditEvents);
    const last = new Map<string, Date>();
    for (const e of events) {
      expect(e.projectId).not.toBeNull();
      const p = projects.get(e.projectId as string);
      expect(p?.federationId).toBe(e.federationId);
      expect(e.actorId).not.toBeNull();
      const previous = last.get(e.projectId as string);
      if (previous) expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(previous.getTime());
      else expect(e).toMatchObject({ action: "project.create", createdAt: p?.createdAt });
      last.set(e.projectId as string, e.createdAt);
    }
    for (const [id, p] of projects) expect(last.get(id), p.name).toEqual(p.lastActivityAt);
  });

  it("loads all régions and départements of COG 2026 (metro + DROM, no COM)", async () => {
    const regions = await a.db.prisma.region.findMany();
    const deps = await a.db.prisma.departement.findMany();
    expect(regions).toHaveLength(18);
    expect(deps).toHaveLength(101);
    expect(regions.every((r) => r.cogYear === 2026) && deps.every((d) => d.cogYear === 2026)).toBe(true);
    expect(deps.find((d) => d.code === "2A")?.name).toBe("Corse-du-Sud");
    expect(deps.find((d) => d.code === "976")?.regionCode).toBe("06");
    expect(deps.some((d) => d.code === "975" || d.code === "988")).toBe(false);
    const fedDeps = await a.db.prisma.federationDepartement.findMany({ where: { federationId: FED1 }, orderBy: { departementCode: "asc" } });
    expect(fedDeps.map((d) => d.departementCode)).toEqual(["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"]);
  });

  it("represents every stage and status in federation 1, and every stage in federation 2", async () => {
    for (const federationId of [FED1, FED2]) {
      const byStage = await a.db.prisma.mspProject.groupBy({ by: ["stage"], where: { federationId }, _count: { _all: true } });
      expect(byStage.map((s) => s.stage).sort()).toEqual([...STAGES].sort());
    }
    const byStatus = await a.db.prisma.mspProject.groupBy({ by: ["status"], where: { federationId: FED1 }, _count: { _all: true } });
    const count = Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]));
    expect(count.ACTIVE).toBeGreaterThan(120);
    expect(count.ON_HOLD).toBeGreaterThan(0);
    expect(count.ABANDONED).toBeGreaterThan(0);
    expect(await a.db.prisma.mspProject.count({ where: { federationId: FED1 } })).toBe(150);
    expect(await a.db.prisma.mspProject.count({ where: { federationId: FED2 } })).toBe(12);
  });

  it("puts projects on real current communes of their département, in their federation's départements", async () => {
    const projects = await a.db.prisma.mspProject.findMany({
      include: { federation: { include: { departements: true } } },
    });
    const fed1Deps = new Set<string>();
    for (const p of projects) {
      const c = etalabCommunes.get(p.communeCode);
      expect(c, `${p.name}: ${p.communeCode}`).toBeDefined();
      expect(c?.departement).toBe(p.departementCode);
      expect(c?.nom).toBe(p.communeName);
      expect(p.cogYear).toBe(2026);
      expect(p.federation.departements.map((d) => d.departementCode)).toContain(p.departementCode);
      expect(p.searchText).toBe(projectSearchText(p.name, p.communeName));
      if (p.federationId === FED1) fed1Deps.add(p.departementCode);
    }
    expect(fed1Deps.size).toBe(12);
    for (const federationId of [FED1, FED2]) {
      const names = projects.filter((p) => p.federationId === federationId).map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("has CPTS territories of 3–10 communes of one département, linked to projects on those communes", async () => {
    const territories = await a.db.prisma.territory.findMany({ include: { projects: true } });
    for (const federationId of [FED1, FED2]) expect(territories.filter((t) => t.federationId === federationId).length).toBeGreaterThanOrEqual(2);
    for (const t of territories) {
      expect(t.kind).toBe("CPTS");
      expect(t.communeCodes.length).toBeGreaterThanOrEqual(3);
      expect(t.communeCodes.length).toBeLessThanOrEqual(10);
      for (const code of t.communeCodes) expect(etalabCommunes.get(code)?.departement).toBe(t.departementCode);
      expect(t.projects.length).toBeGreaterThan(0);
      for (const p of t.projects) {
        expect(p.federationId).toBe(t.federationId);
        expect(t.communeCodes).toContain(p.communeCode);
      }
    }
  });

  it("creates the demo accounts with their roles, federations and password", async () => {
    const users = await a.db.prisma.user.findMany({ include: { federation: true } });
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const acc of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.email === acc.email);
      expect(u, acc.email).toBeDefined();
      expect(u?.id).toBe(acc.userId);
      expect(u?.email).toBe(acc.email.toLowerCase());
      expect(u?.role).toBe(acc.role);
      expect(u?.federation.slug).toBe(acc.federationSlug);
      expect(u?.mspProjectId).toBe(acc.mspProjectId);
      expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    }
    expect(await verify(users[0]?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    expect(await verify(users[0]?.passwordHash ?? "", "wrong-password")).toBe(false);
    const roles = (email: string) => users.find((u) => u.email === email)?.role;
    expect(roles("admin@demo.maillage.fr")).toBe("FEDERATION_ADMIN");
    expect(roles("charge@demo.maillage.fr")).toBe("CHARGE_DEVELOPPEMENT");
    expect(roles("charge2@demo.maillage.fr")).toBe("CHARGE_DEVELOPPEMENT");
    expect(roles("msp@demo.maillage.fr")).toBe("MSP_MEMBER");
    expect(roles("chercheur@demo.maillage.fr")).toBe("RESEARCHER");
    expect(roles("admin2@demo.maillage.fr")).toBe("FEDERATION_ADMIN");
    expect(roles("msp2@demo.maillage.fr")).toBe("MSP_MEMBER");
  });

  it("gives msp@ an active project in PROJET_SANTE of federation 1, and msp2@ one of federation 2", async () => {
    const msp = await a.db.prisma.user.findUniqueOrThrow({ where: { email: "msp@demo.maillage.fr" }, include: { mspProject: true } });
    expect(msp.mspProjectId).toBe(DEMO_IDS.projects.msp);
    expect(msp.mspProject).toMatchObject({ federationId: FED1, stage: "PROJET_SANTE", status: "ACTIVE", name: "MSP du Val de l'Isle" });
    expect(msp.mspProject?.chargeId).toBe(DEMO_IDS.users.charge);
    const msp2 = await a.db.prisma.user.findUniqueOrThrow({ where: { email: "msp2@demo.maillage.fr" }, include: { mspProject: true } });
    expect(msp2.mspProject?.federationId).toBe(FED2);
  });

  it("keeps tenants apart: chargés, territories and projects belong to their federation", async () => {
    const projects = await a.db.prisma.mspProject.findMany({ include: { charge: true, territory: true } });
    for (const p of projects) {
      if (p.charge) {
        expect(p.charge.federationId).toBe(p.federationId);
        expect(p.charge.role).toBe("CHARGE_DEVELOPPEMENT");
      }
      if (p.territory) expect(p.territory.federationId).toBe(p.federationId);
    }
    const fed1 = projects.filter((p) => p.federationId === FED1);
    const assigned = (id: string) => fed1.filter((p) => p.chargeId === id).length;
    expect(assigned(DEMO_IDS.users.charge)).toBeGreaterThan(40);
    expect(assigned(DEMO_IDS.users.charge2)).toBeGreaterThan(40);
    expect(fed1.filter((p) => p.chargeId === null).length).toBeGreaterThan(0);
    const fed = await a.db.prisma.federation.findMany({ orderBy: { slug: "asc" } });
    expect(fed.map((f) => [f.slug, f.regionCode])).toEqual([
      [DEMO_FEDERATIONS.bretagne.slug, "53"],
      [DEMO_FEDERATIONS.nouvelleAquitaine.slug, "75"],
    ]);
  });

  it("dates projects over the last ~3 years before `now` (running MSPs up to 8 years), later stages older", async () => {
    const projects = await a.db.prisma.mspProject.findMany({ where: { federationId: FED1 } });
    const yearsAgo = (n: number) => NOW_A.getTime() - n * 366 * 86_400_000;
    for (const p of projects) {
      expect(p.createdAt.getTime()).toBeGreaterThan(yearsAgo(p.stage === "EN_FONCTIONNEMENT" ? 8.3 : 3));
      expect(p.createdAt.getTime()).toBeLessThan(p.updatedAt.getTime());
      expect(p.updatedAt.getTime()).toBeLessThanOrEqual(NOW_A.getTime());
    }
    const meanAge = (stage: string) => {
      const xs = projects.filter((p) => p.stage === stage).map((p) => NOW_A.getTime() - p.createdAt.getTime());
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    for (let i = 1; i < STAGES.length; i++) expect(meanAge(STAGES[i] as string)).toBeGreaterThan(meanAge(STAGES[i - 1] as string));
  });

  it("never seeds when NODE_ENV is production, even with force", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const r = await seedDemo(a.db.prisma, { force: true });
      expect(r.seeded).toBe(false);
      expect(r.reason).toMatch(/production/);
      expect(r.counts).toEqual({});
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

describe("seedScaleProjects", () => {
  let x: { t: TestDatabase; db: Database };

  beforeAll(async () => {
    x = await freshDatabase();
    await seedDemo(x.db.prisma, { now: NOW_A });
  });

  afterAll(async () => {
    if (!x) return;
    await x.db.close();
    await x.t.drop();
  });

  it("adds 1,000 projects to a federation, deterministically, on its own communes and chargés", async () => {
    const t0 = Date.now();
    const r = await seedScaleProjects(x.db.prisma, { federationId: FED1, count: 1000, seed: 1, now: NOW_A });
    console.info(`seedScaleProjects(1000) on ${x.db.kind}: ${Date.now() - t0} ms`);
    expect(r.created).toBe(1000);
    expect(await x.db.prisma.mspProject.count({ where: { federationId: FED1 } })).toBe(1150);
    expect(await x.db.prisma.mspProject.count({ where: { federationId: FED2 } })).toBe(12);
    const again = await seedScaleProjects(x.db.prisma, { federationId: FED1, count: 1000, seed: 1, now: NOW_A });
    expect(again.created).toBe(0);
    const projects = await x.db.prisma.mspProject.findMany({ where: { federationId: FED1 }, include: { charge: true } });
    for (const p of projects) {
      expect(etalabCommunes.get(p.communeCode)?.departement).toBe(p.departementCode);
      if (p.charge) expect(p.charge.federationId).toBe(FED1);
    }
    expect(new Set(projects.map((p) => p.name)).size).toBe(projects.length);
  });
});
