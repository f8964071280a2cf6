import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type GqlResponse, type TestApp } from "./harness.js";

const LIST = `query Projects($first: Int!, $after: String, $filter: ProjectFilter) {
  projects(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name communeName stage status departement { code } charge { id } } }
  }
}`;
type Page = { projects: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; name: string; communeName: string; stage: string; status: string; departement: { code: string }; charge: { id: string } | null } }[] } };

const CREATE = `mutation Create($input: CreateProjectInput!) { createProject(input: $input) { id name communeCode communeName departement { code } charge { id } stage status } }`;
const UPDATE = `mutation Update($input: UpdateProjectInput!) { updateProject(input: $input) { id name communeName status charge { id } } }`;

describe("projects", () => {
  let t: TestApp;
  let charge: GqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    charge = await t.as("charge@demo.maillage.fr");
  });
  afterAll(() => t.close());

  const prisma = () => t.running.database.prisma;

  it("pages through the whole federation in name order, without duplicates or gaps", async () => {
    const seen: string[] = [];
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const r: GqlResponse<Page> = await charge.request<Page>(LIST, { first: 40, after });
      expect(r.errors).toBeUndefined();
      const p = r.data!.projects;
      total = p.totalCount;
      seen.push(...p.edges.map((e) => e.node.id));
      names.push(...p.edges.map((e) => e.node.name));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(total).toBe(await prisma().mspProject.count({ where: { federationId: DEMO_IDS.federations.nouvelleAquitaine } }));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const dbOrder = await prisma().mspProject.findMany({ where: { federationId: DEMO_IDS.federations.nouvelleAquitaine }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { name: true } });
    expect(names).toEqual(dbOrder.map((p) => p.name));
  });

  it("filters by stage, département, status and chargé, and counts what matches", async () => {
    const r = await charge.request<Page>(LIST, { first: 100, filter: { stages: ["PROJET_SANTE", "VALIDATION_ARS"], departementCodes: ["24", "33"] } });
    const expected = await prisma().mspProject.count({
      where: { federationId: DEMO_IDS.federations.nouvelleAquitaine, stage: { in: ["PROJET_SANTE", "VALIDATION_ARS"] }, departementCode: { in: ["24", "33"] } },
    });
    expect(r.data!.projects.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const { node } of r.data!.projects.edges) {
      expect(["PROJET_SANTE", "VALIDATION_ARS"]).toContain(node.stage);
      expect(["24", "33"]).toContain(node.departement.code);
    }
    const onHold = await charge.request<Page>(LIST, { first: 100, filter: { statuses: ["ON_HOLD"] } });
    expect(onHold.data!.projects.edges.every((e) => e.node.status === "ON_HOLD")).toBe(true);
    expect(onHold.data!.projects.totalCount).toBe(await prisma().mspProject.count({ where: { federationId: DEMO_IDS.federations.nouvelleAquitaine, status: "ON_HOLD" } }));
  });

  it("gives a chargé their portfolio with `mine`", async () => {
    const r = await charge.request<Page>(LIST, { first: 100, filter: { mine: true } });
    const expected = await prisma().mspProject.count({ where: { chargeId: DEMO_IDS.users.charge } });
    expect(r.data!.projects.totalCount).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(r.data!.projects.edges.every((e) => e.node.charge?.id === DEMO_IDS.users.charge)).toBe(true);
  });

  it("searches names and communes without regard to accents or case", async () => {
    const accented = await charge.request<Page>(LIST, { first: 100, filter: { text: "VAL DE L'ÎSLE" } });
    const plain = await charge.request<Page>(LIST, { first: 100, filter: { text: "val de l'isle" } });
    expect(accented.data!.projects.edges.map((e) => e.node.id)).toContain(DEMO_IDS.projects.msp);
    expect(plain.data!.projects.edges.map((e) => e.node.id)).toEqual(accented.data!.projects.edges.map((e) => e.node.id));
    const byCommune = await charge.request<Page>(LIST, { first: 100, filter: { text: "saint-astier" } });
    expect(byCommune.data!.projects.edges.some((e) => e.node.communeName === "Saint-Astier")).toBe(true);
  });

  it("refuses bad paging arguments with BAD_USER_INPUT naming the argument", async () => {
    const tooMany = await charge.request(LIST, { first: 1000 });
    expect(GqlClient.code(tooMany)).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.extensions?.field).toBe("first");
    const badCursor = await charge.request(LIST, { first: 10, after: "not-a-cursor" });
    expect(GqlClient.code(badCursor)).toBe("BAD_USER_INPUT");
    expect(badCursor.errors?.[0]?.extensions?.field).toBe("after");
  });

  it("creates a project on a commune of the federation, derives the département and records it in the audit log", async () => {
    const r = await charge.request<{ createProject: { id: string; communeName: string; departement: { code: string }; stage: string; status: string; charge: { id: string } } }>(CREATE, {
      input: { name: "  Maison de santé   des Chartrons ", communeCode: "33063", chargeId: DEMO_IDS.users.charge },
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.createProject;
    expect(p).toMatchObject({ communeName: "Bordeaux", departement: { code: "33" }, stage: "PREMIER_CONTACT", status: "ACTIVE", charge: { id: DEMO_IDS.users.charge } });
    const row = await prisma().mspProject.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.name).toBe("Maison de santé des Chartrons");
    const audit = await prisma().auditEvent.findMany({ where: { targetId: p.id, action: "project.create" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(DEMO_IDS.users.charge);
    const found = await charge.request<Page>(LIST, { first: 10, filter: { text: "chartrons" } });
    expect(found.data!.projects.edges.map((e) => e.node.id)).toEqual([p.id]);
  });

  it.each([
    [{ name: "ab", communeCode: "33063" }, "name", "PROJECT.NAME_TOO_SHORT"],
    [{ name: "x".repeat(121), communeCode: "33063" }, "name", "PROJECT.NAME_TOO_LONG"],
    [{ name: "MSP valide", communeCode: "3306" }, "communeCode", "PROJECT.COMMUNE_INVALID_FORMAT"],
    [{ name: "MSP valide", communeCode: "33999" }, "communeCode", "PROJECT.COMMUNE_UNKNOWN"],
    [{ name: "MSP valide", communeCode: "35238" }, "communeCode", "PROJECT.COMMUNE_OUTSIDE_FEDERATION"],
    [{ name: "MSP valide", communeCode: "33063", chargeId: DEMO_IDS.users.admin2 }, "chargeId", "PROJECT.CHARGE_NOT_ASSIGNABLE"],
    [{ name: "MSP valide", communeCode: "33063", chargeId: DEMO_IDS.users.msp }, "chargeId", "PROJECT.CHARGE_NOT_ASSIGNABLE"],
  ])("refuses %o with BAD_USER_INPUT on %s and creates nothing", async (input, field, reason) => {
    const before = await prisma().mspProject.count();
    const r = await charge.request(CREATE, { input });
    expect(GqlClient.code(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(r.errors?.[0]?.extensions?.reason).toBe(reason);
    expect(r.errors?.[0]?.message).toMatch(/[a-zé]/);
    expect(await prisma().mspProject.count()).toBe(before);
  });

  it("reports every invalid field at once", async () => {
    const r = await charge.request(CREATE, { input: { name: "a", communeCode: "99999" } });
    const fields = (r.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(["communeCode", "name"]);
  });

  it("edits a project, keeps the search text in step and audits what changed", async () => {
    const r = await charge.request<{ updateProject: { name: string; communeName: string; status: string; charge: { id: string } | null } }>(UPDATE, {
      input: { id: DEMO_IDS.projects.msp, name: "MSP du Pays de l'Isle", status: "ON_HOLD", statusReason: "En attente des locaux", chargeId: null },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateProject).toMatchObject({ name: "MSP du Pays de l'Isle", status: "ON_HOLD", charge: null });
    const found = await charge.request<Page>(LIST, { first: 10, filter: { text: "pays de l'isle" } });
    expect(found.data!.projects.edges.map((e) => e.node.id)).toContain(DEMO_IDS.projects.msp);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { targetId: DEMO_IDS.projects.msp, action: "project.update" }, orderBy: { id: "desc" } });
    expect(audit.summary).toMatchObject({ before: { name: "MSP du Val de l'Isle", status: "ACTIVE" }, after: { name: "MSP du Pays de l'Isle", status: "ON_HOLD", chargeId: null } });
  });

  it("refuses an invalid edit and changes nothing", async () => {
    const before = await prisma().mspProject.findUniqueOrThrow({ where: { id: DEMO_IDS.projects.msp } });
    const r = await charge.request(UPDATE, { input: { id: DEMO_IDS.projects.msp, name: "Nouveau nom correct", communeCode: "00000" } });
    expect(GqlClient.code(r)).toBe("BAD_USER_INPUT");
    expect(await prisma().mspProject.findUniqueOrThrow({ where: { id: DEMO_IDS.projects.msp } })).toEqual(before);
  });

  it("answers NOT_FOUND for an id that is not a UUID, without a database error", async () => {
    const r = await charge.request(`{ project(id: "'; drop table x; --") { id } }`);
    expect(GqlClient.code(r)).toBe("NOT_FOUND");
  });

  it("offers communes of the federation's départements by name prefix, accent-insensitive", async () => {
    const r = await charge.request<{ communes: { code: string; name: string; departementCode: string }[] }>(`{ communes(search: "perigu", first: 5) { code name departementCode } }`);
    expect(r.data!.communes[0]).toMatchObject({ code: "24322", name: "Périgueux", departementCode: "24" });
    const outside = await charge.request<{ communes: unknown[] }>(`{ communes(search: "rennes") { code } }`);
    expect(outside.data!.communes).toEqual([]);
  });
});

describe("the audit log in the database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("refuses UPDATE, DELETE and TRUNCATE, whoever asks", async () => {
    const prisma = t.running.database.prisma;
    await (await t.as("admin@demo.maillage.fr")).request("{ me { id } }");
    const before = await prisma.auditEvent.count();
    expect(before).toBeGreaterThan(0);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect(await prisma.auditEvent.count({ where: { action: "forged" } })).toBe(0);
  });

  it("refuses an MSP member without a project, and a staff member bound to one (database trigger)", async () => {
    const prisma = t.running.database.prisma;
    await expect(
      prisma.user.create({ data: { email: "x@y.fr", passwordHash: "x", displayName: "X", role: "MSP_MEMBER", federationId: DEMO_IDS.federations.nouvelleAquitaine } }),
    ).rejects.toThrow();
    await expect(
      prisma.user.create({
        data: { email: "z@y.fr", passwordHash: "x", displayName: "Z", role: "CHARGE_DEVELOPPEMENT", federationId: DEMO_IDS.federations.nouvelleAquitaine, mspProjectId: DEMO_IDS.projects.msp },
      }),
    ).rejects.toThrow();
  });

  it("applied every migration at start, each recorded as finished", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/db/prisma/migrations");
    const onDisk = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(t.running.migrations).toEqual(onDisk);
    const rows = await t.running.database.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
