/** Result periods: the team fills and submits, the federation admin approves (locks), returns or unlocks. */
import { DEMO_IDS } from "@maillage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const P = DEMO_IDS.projects.msp;
const SAVE = `mutation Save($input: SaveResultPeriodInput!) { saveResultPeriod(input: $input) { id status year programme inputs } }`;
const decide = (name: string) => `mutation D($input: PeriodDecisionInput!) { ${name}(input: $input) { id status returnComment approvedAt } }`;

describe("result periods", () => {
  let t: TestApp;
  let msp: GqlClient;
  let charge: GqlClient;
  let admin: GqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    [msp, charge, admin] = await Promise.all([t.as("msp@demo.maillage.fr"), t.as("charge@demo.maillage.fr"), t.as("admin@demo.maillage.fr")]);
  });
  afterAll(() => t.close());
  const prisma = () => t.running.database.prisma;

  it("walks DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED, each step audited", async () => {
    const saved = await msp.request<{ saveResultPeriod: { id: string; status: string } }>(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1200 } } });
    expect(saved.data?.saveResultPeriod.status).toBe("DRAFT");
    const id = saved.data!.saveResultPeriod.id;
    expect((await msp.request<{ submitResultPeriod: { status: string } }>(decide("submitResultPeriod"), { input: { id } })).data?.submitResultPeriod.status).toBe("SUBMITTED");
    const noComment = await admin.request(decide("returnResultPeriod"), { input: { id } });
    expect(noComment.errors?.[0]?.extensions?.field).toBe("comment");
    const returned = await admin.request<{ returnResultPeriod: { status: string; returnComment: string } }>(decide("returnResultPeriod"), { input: { id, comment: "Le nombre de patients ne correspond pas au relevé CPAM." } });
    expect(returned.data?.returnResultPeriod).toMatchObject({ status: "RETURNED", returnComment: "Le nombre de patients ne correspond pas au relevé CPAM." });
    await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1180 } } });
    await msp.request(decide("submitResultPeriod"), { input: { id } });
    const approved = await admin.request<{ approveResultPeriod: { status: string; approvedAt: string } }>(decide("approveResultPeriod"), { input: { id } });
    expect(approved.data?.approveResultPeriod.status).toBe("APPROVED");
    const actions = (await prisma().auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["results.create", "results.submit", "results.return", "results.update", "results.submit", "results.approve"]);
  });

  it("lets nobody change an approved period, at the API and in the database", async () => {
    const period = await prisma().resultPeriod.findFirstOrThrow({ where: { projectId: P, programme: "PEPS", year: 2025 } });
    const edit = await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1 } } });
    expect(edit.errors?.[0]?.extensions?.reason).toBe("PERIOD.LOCKED");
    const byAdmin = await admin.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1 } } });
    expect(GqlClient.code(byAdmin)).toBe("FORBIDDEN");
    await expect(prisma().resultPeriod.update({ where: { id: period.id }, data: { inputs: { patients: 1 } } })).rejects.toThrow(/locked/);
    expect((await prisma().resultPeriod.findUniqueOrThrow({ where: { id: period.id } })).inputs).toEqual({ patients: 1180 });
  });

  it("lets only a federation admin approve or unlock, an unlock needs a reason and is audited", async () => {
    const period = await prisma().resultPeriod.findFirstOrThrow({ where: { projectId: P, programme: "PEPS", year: 2025 } });
    expect(GqlClient.code(await charge.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("FORBIDDEN");
    expect(GqlClient.code(await msp.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    expect(GqlClient.code(await admin2.request(decide("unlockResultPeriod"), { input: { id: period.id, comment: "x" } }))).toBe("NOT_FOUND");
    expect((await admin.request(decide("unlockResultPeriod"), { input: { id: period.id } })).errors?.[0]?.extensions?.field).toBe("comment");
    const unlocked = await admin.request<{ unlockResultPeriod: { status: string } }>(decide("unlockResultPeriod"), { input: { id: period.id, comment: "Relevé CPAM rectificatif reçu" } });
    expect(unlocked.data?.unlockResultPeriod.status).toBe("DRAFT");
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { targetId: period.id, action: "results.unlock" } });
    expect(audit.summary).toMatchObject({ reason: "Relevé CPAM rectificatif reçu" });
    expect((await msp.request(SAVE, { input: { projectId: P, programme: "PEPS", year: 2025, inputs: { patients: 1190 } } })).errors).toBeUndefined();
  });

  it("refuses a year in the future and keeps other MSPs' periods out of reach", async () => {
    const future = await msp.request(SAVE, { input: { projectId: P, programme: "ACI", year: new Date().getUTCFullYear() + 1, inputs: {} } });
    expect(future.errors?.[0]?.extensions?.field).toBe("year");
    const msp2 = await t.as("msp2@demo.maillage.fr");
    expect(GqlClient.code(await msp2.request(`query($p: ID!) { resultPeriods(projectId: $p) { id } }`, { p: P }))).toBe("NOT_FOUND");
    const researcher = await t.as("chercheur@demo.maillage.fr");
    expect(GqlClient.code(await researcher.request(`query($p: ID!) { resultPeriods(projectId: $p) { id } }`, { p: P }))).toBe("NOT_FOUND");
  });
});
