/**
 * The demo seed against a real database: PGlite in memory, or a fresh database on the PostgreSQL server named by
 * DATABASE_URL (createTestDatabase).
 */
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

describe("seedDemo", () => {
  let a: { t: TestDatabase; db: Database };
  let first: SeedResult;
  let seedMs = 0;
  /** What a second, independent database seeded with another `now` holds. */
  let other: { projects: Awaited<ReturnType<typeof projectFingerprint>>; territories: unknown[] };

  beforeAll(async () => {
    // One database open at a time: adapter.ts's close() ends every pg pool of the process.
    const b = await freshDatabase();
    try {
      await seedDemo(b.db.prisma, { now: NOW_B });
      other = { projects: await projectFingerprint(b.db), territories: await territoryFingerprint(b.db) };
    } finally {
      await b.db.close();
      await b.t.drop();
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

  it("seeds an empty database, quickly", () => {
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
    console.info(`seedDemo on ${a.db.kind}: ${seedMs} ms`);
    expect(seedMs).toBeLessThan(15_000);
  });

  it("is idempotent: a second call does nothing", async () => {
    const again = await seedDemo(a.db.prisma, {});
    expect(again.seeded).toBe(false);
    expect(again.reason).toMatch(/already has 2 federation/);
    expect(await a.db.prisma.mspProject.count()).toBe(162);
    expect(await a.db.prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
  });

  it("with force, adds nothing that already exists", async () => {
    const forced = await seedDemo(a.db.prisma, { force: true });
    expect(forced.seeded).toBe(true);
    expect(Object.values(forced.counts).every((n) => n === 0)).toBe(true);
    expect(await a.db.prisma.mspProject.count()).toBe(162);
  });

  it("is deterministic: two databases get the same ids, names, communes, stages (whatever `now`)", async () => {
    const projects = await projectFingerprint(a.db);
    expect(projects).toHaveLength(162);
    expect(other.projects).toEqual(projects);
    expect(other.territories).toEqual(await territoryFingerprint(a.db));
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

  it("dates projects over the last ~3 years before `now`, later stages older", async () => {
    const projects = await a.db.prisma.mspProject.findMany({ where: { federationId: FED1 } });
    const threeYearsAgo = NOW_A.getTime() - 3 * 366 * 86_400_000;
    for (const p of projects) {
      expect(p.createdAt.getTime()).toBeGreaterThan(threeYearsAgo);
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
