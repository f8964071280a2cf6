/**
 * Research access (issue "Research access"): anonymised aggregates over approved periods of opted-in federations,
 * disclosure control (DOMAIN.md §6.3), cache of identical questions, differencing defence, noisy mode and budget,
 * settings changes, exports with a token — against a real database seeded with the demo.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const AGG = `query A($input: ResearchAggregateInput!) { researchAggregate(input: $input) {
  queryId measure groupBy cellCount suppressedCount cached dataVersion methodology
  thresholds { minPatients minContributors dominanceShare protectionPercent }
  noise { mechanism epsilon }
  cells { coordinates { dimension value label } value suppressed reason reasonLabel } } }`;

type Cell = { coordinates: { dimension: string; value: string | null }[]; value: number | null; suppressed: boolean; reason: string | null };
type Answer = { queryId: string; cells: Cell[]; cellCount: number; suppressedCount: number; cached: boolean; noise: { epsilon: number } | null };

let t: TestApp;
let researcher: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  researcher = await t.as("chercheur@demo.maillage.fr");
});
afterAll(async () => {
  await t?.close();
});

const ask = (c: GqlClient, input: Record<string, unknown>) => c.request<{ researchAggregate: Answer }>(AGG, { input });
const key = (cell: Cell) => cell.coordinates.map((c) => c.value ?? "*").join("|");

/** MSP-years by year and experiment, straight from SQL (approved periods of opted-in federations). */
async function expectedByYearAndExperiment(): Promise<Map<string, number>> {
  const rows = await t.running.database.prisma.$queryRawUnsafe<{ year: number; peps: boolean; ipep: boolean }[]>(`
    SELECT rp.year, bool_or(rp.programme = 'PEPS') AS peps, bool_or(rp.programme = 'IPEP') AS ipep
    FROM "ResultPeriod" rp JOIN "Federation" f ON f.id = rp."federationId" AND f."researchOptIn"
    WHERE rp.status = 'APPROVED' GROUP BY rp."projectId", rp.year`);
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const r of rows) {
    const exp = r.peps && r.ipep ? "PEPS_IPEP" : r.peps ? "PEPS" : r.ipep ? "IPEP" : "AUCUNE";
    for (const k of [`${r.year}|${exp}`, `${r.year}|*`, `*|${exp}`, "*|*"]) add(k);
  }
  return counts;
}

/** Every 1-D line of a 2-D answer: cells sharing all coordinates but one. */
function lines(cells: Cell[]): Cell[][] {
  const out = new Map<string, Cell[]>();
  for (const cell of cells) {
    cell.coordinates.forEach((_, d) => {
      const k = `${d}:${cell.coordinates.map((c, i) => (i === d ? "_" : (c.value ?? "*"))).join("|")}`;
      out.set(k, [...(out.get(k) ?? []), cell]);
    });
  }
  return [...out.values()];
}

describe("researchAggregate", () => {
  it("answers MSP counts by year × experiment with margins; published cells equal SQL, masked cells are really small, no line has a single mask", async () => {
    const r = await ask(researcher, { measure: "MSP_COUNT", groupBy: ["YEAR", "EXPERIMENT"] });
    expect(r.errors).toBeUndefined();
    const answer = r.data!.researchAggregate;
    const expected = await expectedByYearAndExperiment();
    expect(expected.get("*|*")).toBeGreaterThan(10); // the demo has approved results
    const grand = answer.cells.find((c) => c.coordinates.every((x) => x.value === null));
    expect(grand).toMatchObject({ suppressed: false, value: expected.get("*|*") });
    for (const cell of answer.cells) {
      const n = expected.get(key(cell)) ?? 0;
      if (cell.suppressed) continue;
      expect(cell.value, key(cell)).toBe(n);
      if (n > 0) expect(n, `${key(cell)} published with fewer than 3 MSP-years`).toBeGreaterThanOrEqual(1);
    }
    for (const cell of answer.cells.filter((c) => c.suppressed && c.reason === "FEW_CONTRIBUTORS")) {
      // The frequency rule counts MSPs: a masked cell has 1 or 2 of them.
      expect(expected.get(key(cell)) ?? 0).toBeGreaterThan(0);
    }
    for (const line of lines(answer.cells)) expect(line.filter((c) => c.suppressed).length, JSON.stringify(line.map(key))).not.toBe(1);
    expect(answer.suppressedCount).toBe(answer.cells.filter((c) => c.suppressed).length);
    expect(answer.suppressedCount).toBeGreaterThan(0); // the demo is small: the rules do bite
  });

  it("returns the stored answer for the same question and audits every query", async () => {
    const input = { measure: "PATIENTS", groupBy: ["SIZE_BAND"] };
    const firstRes = await ask(researcher, input);
    expect(firstRes.errors, JSON.stringify(firstRes.errors)).toBeUndefined();
    const first = firstRes.data!.researchAggregate;
    const second = (await ask(researcher, input)).data!.researchAggregate;
    expect(second.cached).toBe(true);
    expect(second.cells).toEqual(first.cells);
    const events = await t.running.database.prisma.auditEvent.findMany({ where: { action: "research.query", targetId: { in: [first.queryId, second.queryId] } } });
    expect(events).toHaveLength(2);
    expect(events[0]?.summary).toMatchObject({ parameters: { measure: "PATIENTS", groupBy: ["SIZE_BAND"] }, cellsReturned: first.cellCount, cellsSuppressed: first.suppressedCount });
  });

  it("lists the researcher's own queries, newest first, by pages", async () => {
    const c = await t.as("admin2@demo.maillage.fr");
    for (const groupBy of [["YEAR"], ["REGION"], ["RURALITY"]]) expect((await ask(c, { measure: "PATIENTS", groupBy })).errors).toBeUndefined();
    const PAGE = `query P($after: String) { researchQueries(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { groupBy } } } }`;
    type Page = { researchQueries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { groupBy: string[] } }[] } };
    const first = (await c.request<Page>(PAGE, {})).data!.researchQueries;
    expect(first.edges.map((e) => e.node.groupBy)).toEqual([["RURALITY"], ["REGION"]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await c.request<Page>(PAGE, { after: first.pageInfo.endCursor })).data!.researchQueries;
    expect(second.edges.map((e) => e.node.groupBy)).toEqual([["YEAR"]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(first.totalCount).toBe(3);
    expect(GqlClient.code(await c.request(PAGE, { after: "pas-un-curseur" }))).toBe("BAD_USER_INPUT");
  });

  it("refuses identifying or malformed questions with BAD_USER_INPUT and records nothing", async () => {
    const before = await t.running.database.prisma.researchQuery.count();
    const cases: Record<string, unknown>[] = [
      { measure: "MSP_COUNT", groupBy: ["MSP"] },
      { measure: "MSP_COUNT", groupBy: ["YEAR", "REGION", "DEPARTEMENT", "SIZE_BAND"] },
      { measure: "MSP_COUNT", groupBy: ["YEAR"], filters: [{ dimension: "DEPARTEMENT", values: ["33063"] }] },
      { measure: "MSP_COUNT", groupBy: ["YEAR"], filters: [{ dimension: "COMMUNE", values: ["33063"] }] },
      { measure: "ACI_INDICATOR_MEAN", groupBy: ["YEAR"], indicatorCode: "MSP de Navarrenx" },
      { measure: "MSP_COUNT", groupBy: [] },
    ];
    for (const input of cases) expect(GqlClient.code(await ask(researcher, input)), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    expect(await t.running.database.prisma.researchQuery.count()).toBe(before);
  });

  it("is for researchers and admins only", async () => {
    for (const email of ["msp@demo.maillage.fr", "charge@demo.maillage.fr"]) {
      expect(GqlClient.code(await ask(await t.as(email), { measure: "MSP_COUNT", groupBy: ["YEAR"] }))).toBe("FORBIDDEN");
    }
    expect((await ask(await t.as("admin@demo.maillage.fr"), { measure: "MSP_COUNT", groupBy: ["YEAR"] })).errors).toBeUndefined();
  });

  it("lets a researcher refine a question: the breakdown's margins are the earlier answer's cells, already protected", async () => {
    const c = await t.as("admin2@demo.maillage.fr");
    const first = await ask(c, { measure: "MSP_COUNT", groupBy: ["YEAR"] });
    expect(first.errors).toBeUndefined();
    for (const groupBy of [["YEAR", "SIZE_BAND"], ["YEAR", "EXPERIMENT"], ["YEAR", "SIZE_BAND", "RURALITY"]]) {
      const refined = await ask(c, { measure: "MSP_COUNT", groupBy });
      expect(refined.errors, JSON.stringify(groupBy)).toBeUndefined();
    }
  });

  it("refuses with DISCLOSURE_RISK a query whose difference with an earlier one isolates one MSP", async () => {
    // One more running MSP, alone in its département, with an approved ACI year.
    const prisma = t.running.database.prisma;
    const project = await prisma.mspProject.create({
      data: { federationId: DEMO_IDS.federations.nouvelleAquitaine, name: "MSP isolée", communeCode: "2A004", communeName: "Ajaccio", cogYear: 2026, departementCode: "2A", stage: "EN_FONCTIONNEMENT" },
    });
    const inputs = { patientele: 3000, associatedProfessionals: 8, contractStart: "2020-01-01", achievements: {}, amountReceivedEur: null };
    const evaluated = evaluatePeriod("ACI", 2024, inputs, DEFAULT_RESULTS_REFERENCE_DATA);
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.error));
    await prisma.resultPeriod.create({
      data: { federationId: project.federationId, projectId: project.id, programme: "ACI", year: 2024, status: "APPROVED", inputs: evaluated.value.inputs as object, outputs: evaluated.value.outputs as object, ruleSetId: evaluated.value.referenceId, approvedAt: new Date() },
    });
    const c = await t.as("chercheur@demo.maillage.fr");
    const all = await ask(c, { measure: "MSP_COUNT", groupBy: ["YEAR"] });
    expect(all.errors).toBeUndefined();
    const withData = await prisma.$queryRawUnsafe<{ code: string }[]>(
      `SELECT DISTINCT p."departementCode" AS code FROM "ResultPeriod" rp JOIN "MspProject" p ON p.id = rp."projectId" WHERE rp.status = 'APPROVED' AND p."departementCode" <> '2A'`,
    );
    const before = await prisma.researchQuery.count();
    const rest = await ask(c, { measure: "MSP_COUNT", groupBy: ["YEAR"], filters: [{ dimension: "DEPARTEMENT", values: withData.map((d) => d.code) }] });
    expect(GqlClient.code(rest)).toBe("DISCLOSURE_RISK");
    expect(await prisma.researchQuery.count()).toBe(before);
    expect(await prisma.auditEvent.count({ where: { action: "research.refused", actorId: (await prisma.user.findUniqueOrThrow({ where: { email: "chercheur@demo.maillage.fr" } })).id } })).toBeGreaterThan(0);
  });
});

describe("settings, noise and budget", () => {
  const SET = `mutation S($input: UpdateResearchSettingsInput!) { updateResearchSettings(input: $input) { thresholds { minContributors } privacyMode epsilonPerQuery epsilonBudget } }`;

  it("only an admin changes the settings; lowering a threshold needs allowBelowDefaults and a reason, and is audited", async () => {
    expect(GqlClient.code(await researcher.request(SET, { input: { minContributors: 5 } }))).toBe("FORBIDDEN");
    const admin = await t.as("admin@demo.maillage.fr");
    expect(GqlClient.code(await admin.request(SET, { input: { minContributors: 2 } }))).toBe("BAD_USER_INPUT");
    expect(GqlClient.code(await admin.request(SET, { input: { minContributors: 2, allowBelowDefaults: true } }))).toBe("BAD_USER_INPUT");
    const ok = await admin.request<{ updateResearchSettings: { thresholds: { minContributors: number } } }>(SET, { input: { minContributors: 4 } });
    expect(ok.data?.updateResearchSettings.thresholds.minContributors).toBe(4);
    const event = await t.running.database.prisma.auditEvent.findFirst({ where: { action: "research.settings" }, orderBy: { createdAt: "desc" } });
    expect(event?.summary).toMatchObject({ before: { thresholds: { minContributors: 3 } }, after: { thresholds: { minContributors: 4 } }, belowDefaults: false });
    await admin.request(SET, { input: { minContributors: 3 } });
  });

  it("in the noisy mode, answers carry ε, spend the researcher's budget, and are refused once it is spent", async () => {
    const admin = await t.as("admin@demo.maillage.fr");
    await admin.request(SET, { input: { privacyMode: "LAPLACE", epsilonPerQuery: 0.6, epsilonBudget: 1 } });
    const c = await t.as("admin2@demo.maillage.fr");
    const first = await ask(c, { measure: "MSP_COUNT", groupBy: ["REGION"] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.researchAggregate.noise).toEqual({ mechanism: "LAPLACE", epsilon: 0.6 });
    // The same question is the stored answer: no new spending.
    expect((await ask(c, { measure: "MSP_COUNT", groupBy: ["REGION"] })).data!.researchAggregate.cached).toBe(true);
    const budget = await c.request<{ researchBudget: { epsilonSpent: number; epsilonRemaining: number } }>(`{ researchBudget { epsilonSpent epsilonRemaining } }`);
    expect(budget.data?.researchBudget.epsilonSpent).toBeCloseTo(0.6, 9);
    const second = await ask(c, { measure: "MSP_COUNT", groupBy: ["SIZE_BAND"] });
    expect(GqlClient.code(second)).toBe("PRIVACY_BUDGET_EXHAUSTED");
    await admin.request(SET, { input: { privacyMode: "OFF" } });
  });
});

describe("exports and tokens", () => {
  it("a script exports the same cells as CSV with a personal API token", async () => {
    const c = await t.as("chercheur@demo.maillage.fr");
    const input = { measure: "MSP_COUNT", groupBy: ["YEAR"] };
    const answer = (await ask(c, input)).data!.researchAggregate;
    const created = await c.request<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "export" }) { token } }`);
    const token = created.data!.createApiToken.token;
    const res = await fetch(`${t.url}/research/aggregate.csv?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toBe("Année;Nombre de MSP (MSP-années) (MSP);Secret statistique");
    const rows = lines.slice(1).map((l) => l.split(";"));
    expect(rows).toHaveLength(answer.cells.length);
    answer.cells.forEach((cell, i) => {
      const row = rows[i]!;
      expect(row[0]).toBe(cell.coordinates[0]!.value ?? "Total");
      if (cell.suppressed) expect(row[1]).toBe("");
      else expect(Number(row[1]!.replace(",", "."))).toBe(cell.value);
      expect(row[2] !== "").toBe(cell.suppressed);
    });
    const forbidden = await fetch(`${t.url}/research/aggregate.csv?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie: (await t.as("msp@demo.maillage.fr")).cookie ?? "" } });
    expect(forbidden.status).toBe(403);
  });

  it("counts only the federations that opted in", async () => {
    const prisma = t.running.database.prisma;
    const c = await t.as("admin@demo.maillage.fr");
    const total = async (input: Record<string, unknown>) => (await ask(c, input)).data!.researchAggregate.cells.find((x) => x.coordinates.every((k) => k.value === null))!;
    const before = await total({ measure: "MSP_COUNT", groupBy: ["RURALITY"] });
    await prisma.federation.update({ where: { id: DEMO_IDS.federations.bretagne }, data: { researchOptIn: false } });
    const after = await total({ measure: "MSP_COUNT", groupBy: ["RURALITY"] });
    const bretagne = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(DISTINCT ("projectId", year))::int AS n FROM "ResultPeriod" WHERE status = 'APPROVED' AND "federationId" = $1::uuid`,
      DEMO_IDS.federations.bretagne,
    );
    expect(before.value! - after.value!).toBe(bretagne[0]!.n);
    await prisma.federation.update({ where: { id: DEMO_IDS.federations.bretagne }, data: { researchOptIn: true } });
  });
});
