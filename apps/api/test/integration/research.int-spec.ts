/**
 * Research access: anonymised aggregates over approved periods of opted-in federations, disclosure control
 * (DOMAIN.md §6.3), permanent perturbation (ADR 0011), cache of identical questions, per-federation stricter
 * settings, noisy mode and budget, exports (a GET that changes nothing, a POST under the CSRF rule) with a token —
 * against a real database seeded with the demo.
 */
import { DEMO_IDS } from "@maillage/db/seed";
import { DEFAULT_RESULTS_REFERENCE_DATA, evaluatePeriod } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const AGG = `query A($input: ResearchAggregateInput!) { researchAggregate(input: $input) {
  queryId measure groupBy cellCount suppressedCount cached dataVersion methodology
  thresholds { minPatients minContributors dominanceShare protectionPercent }
  noise { mechanism epsilon }
  perturbation { method description maxRelativeErrorPercent countBase }
  cells { coordinates { dimension value label } value suppressed reason reasonLabel } } }`;

type Cell = { coordinates: { dimension: string; value: string | null }[]; value: number | null; suppressed: boolean; reason: string | null };
type Answer = {
  queryId: string;
  cells: Cell[];
  cellCount: number;
  suppressedCount: number;
  cached: boolean;
  methodology: string;
  thresholds: { minContributors: number };
  noise: { epsilon: number } | null;
  perturbation: { description: string; maxRelativeErrorPercent: number | null; countBase: number | null };
};

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
  it("answers MSP counts by year × experiment with margins; published counts are multiples of 3 within 2 of SQL, masked cells are really small, no line has a single mask", async () => {
    const r = await ask(researcher, { measure: "MSP_COUNT", groupBy: ["YEAR", "EXPERIMENT"] });
    expect(r.errors).toBeUndefined();
    const answer = r.data!.researchAggregate;
    const expected = await expectedByYearAndExperiment();
    expect(expected.get("*|*")).toBeGreaterThan(10); // the demo has approved results
    const grand = answer.cells.find((c) => c.coordinates.every((x) => x.value === null));
    expect(grand?.suppressed).toBe(false);
    expect(Math.abs(grand!.value! - expected.get("*|*")!)).toBeLessThanOrEqual(2);
    for (const cell of answer.cells) {
      const n = expected.get(key(cell)) ?? 0;
      if (cell.suppressed) continue;
      expect(cell.value! % 3, key(cell)).toBe(0);
      expect(Math.abs(cell.value! - n), key(cell)).toBeLessThanOrEqual(2);
      if (n === 0) expect(cell.value).toBe(0);
    }
    expect(answer.perturbation).toMatchObject({ countBase: 3, maxRelativeErrorPercent: null });
    expect(answer.perturbation.description).toMatch(/multiple de 3/);
    // What a researcher reads cites official texts, never our own files.
    expect(answer.methodology).not.toMatch(/DOMAIN|\.md|§/);
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

  it("answers a leave-one-out question too, to any account: the difference never gives one MSP's count or ACI exactly", async () => {
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
    const truthEur = (evaluated.value.outputs as { summary: { computedEur: number } }).summary.computedEur;
    const withData = await prisma.$queryRawUnsafe<{ code: string }[]>(
      `SELECT DISTINCT p."departementCode" AS code FROM "ResultPeriod" rp JOIN "MspProject" p ON p.id = rp."projectId" WHERE rp.status = 'APPROVED' AND p."departementCode" <> '2A'`,
    );
    // A researcher asks the whole; a federation admin (colluding) asks the same without the MSP's département.
    const chercheur = await t.as("chercheur@demo.maillage.fr");
    const admin = await t.as("admin2@demo.maillage.fr");
    for (const measure of ["MSP_COUNT", "ACI_AMOUNT_TOTAL"]) {
      const all = await ask(chercheur, { measure, groupBy: ["YEAR"] });
      const rest = await ask(admin, { measure, groupBy: ["YEAR"], filters: [{ dimension: "DEPARTEMENT", values: withData.map((d) => d.code) }] });
      expect(all.errors, JSON.stringify(all.errors)).toBeUndefined();
      expect(rest.errors, JSON.stringify(rest.errors)).toBeUndefined();
      const y2024 = (a: Answer) => a.cells.find((c) => c.coordinates[0]?.value === "2024")!;
      const difference = y2024(all.data!.researchAggregate).value! - y2024(rest.data!.researchAggregate).value!;
      if (measure === "MSP_COUNT") expect(Math.abs(difference) % 3).toBe(0); // never 1
      else expect(Math.abs(difference - truthEur), `difference ${difference} vs ${truthEur}`).toBeGreaterThan(0.1 * truthEur);
    }
    // The same cells, asked again by the other account, are the same values (nothing to average).
    const again = await ask(admin, { measure: "ACI_AMOUNT_TOTAL", groupBy: ["YEAR"] });
    const first = await ask(chercheur, { measure: "ACI_AMOUNT_TOTAL", groupBy: ["YEAR"] });
    expect(again.data!.researchAggregate.cells).toEqual(first.data!.researchAggregate.cells);
    // Cleanup: the other tests count the demo's periods.
    await prisma.$executeRawUnsafe(`DELETE FROM "ResultPeriod" WHERE "projectId" = $1::uuid`, project.id).catch(() => undefined);
  });
});

describe("settings", () => {
  const SET = `mutation S($input: UpdateResearchSettingsInput!) { updateResearchSettings(input: $input) { thresholds { minContributors } federationThresholds { minContributors } } }`;

  it("a federation admin makes the thresholds stricter for its own data only, never weaker; audited", async () => {
    expect(GqlClient.code(await researcher.request(SET, { input: { minContributors: 5 } }))).toBe("FORBIDDEN");
    const admin2 = await t.as("admin2@demo.maillage.fr");
    const weaker = await admin2.request(SET, { input: { minContributors: 2 } });
    expect(GqlClient.code(weaker)).toBe("BAD_USER_INPUT");
    expect((weaker.errors?.[0]?.extensions as { fields: { code: string }[] }).fields[0]?.code).toBe("RESEARCH.WEAKER_THAN_DEPLOYMENT");
    const ok = await admin2.request<{ updateResearchSettings: { thresholds: { minContributors: number }; federationThresholds: { minContributors: number } | null } }>(SET, { input: { minContributors: 4, reason: "Petits effectifs en Bretagne" } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateResearchSettings).toEqual({ thresholds: { minContributors: 3 }, federationThresholds: { minContributors: 4 } });
    const event = await t.running.database.prisma.auditEvent.findFirst({ where: { action: "research.settings" }, orderBy: { createdAt: "desc" } });
    expect(event?.federationId).toBe(DEMO_IDS.federations.bretagne);
    expect(event?.summary).toMatchObject({ before: { minContributors: 3 }, after: { minContributors: 4 }, reason: "Petits effectifs en Bretagne" });
    // An answer over Breton data takes the stricter threshold; one over Nouvelle-Aquitaine only keeps the deployment's.
    const all = await ask(researcher, { measure: "PATIENTS", groupBy: ["YEAR"] });
    const na = await ask(researcher, { measure: "PATIENTS", groupBy: ["YEAR"], filters: [{ dimension: "REGION", values: ["75"] }] });
    expect(all.data!.researchAggregate.thresholds.minContributors).toBe(4);
    expect(na.data!.researchAggregate.thresholds.minContributors).toBe(3);
    // The other federation's admin sees its own (none) and cannot change Brittany's.
    const admin = await t.as("admin@demo.maillage.fr");
    const own = await admin.request<{ researchSettings: { federationThresholds: unknown } }>(`{ researchSettings { federationThresholds { minContributors } } }`);
    expect(own.data?.researchSettings.federationThresholds).toBeNull();
    await admin2.request(SET, { input: { minContributors: 3 } });
  });
});

describe("noisy mode (deployment configuration)", () => {
  let noisy: TestApp;
  beforeAll(async () => {
    noisy = await startTestApp({ research: { thresholds: {}, privacyMode: "LAPLACE", epsilonPerQuery: 0.6, epsilonBudget: 1 } });
  });
  afterAll(async () => {
    await noisy?.close();
  });

  it("answers carry ε, spend the researcher's budget, are refused once it is spent; the same cell keeps its noise", async () => {
    const c = await noisy.as("admin2@demo.maillage.fr");
    const first = await ask(c, { measure: "MSP_COUNT", groupBy: ["REGION"] });
    expect(first.errors).toBeUndefined();
    expect(first.data!.researchAggregate.noise).toEqual({ mechanism: "LAPLACE", epsilon: 0.6 });
    // The same question is the stored answer: no new spending.
    expect((await ask(c, { measure: "MSP_COUNT", groupBy: ["REGION"] })).data!.researchAggregate.cached).toBe(true);
    const budget = await c.request<{ researchBudget: { epsilonSpent: number; epsilonRemaining: number } }>(`{ researchBudget { epsilonSpent epsilonRemaining } }`);
    expect(budget.data?.researchBudget.epsilonSpent).toBeCloseTo(0.6, 9);
    expect(GqlClient.code(await ask(c, { measure: "MSP_COUNT", groupBy: ["SIZE_BAND"] }))).toBe("PRIVACY_BUDGET_EXHAUSTED");
    // Another account asks a question whose margins are the first answer's cells: same noise, nothing to average.
    const other = await noisy.as("chercheur@demo.maillage.fr");
    const refined = await ask(other, { measure: "MSP_COUNT", groupBy: ["REGION", "SIZE_BAND"] });
    expect(refined.errors).toBeUndefined();
    for (const cell of first.data!.researchAggregate.cells.filter((x) => !x.suppressed)) {
      const margin = refined.data!.researchAggregate.cells.find((x) => x.coordinates[0]?.value === cell.coordinates[0]?.value && x.coordinates[1]?.value === null);
      if (margin && !margin.suppressed) expect(margin.value).toBe(cell.value);
    }
  });
});

describe("exports and tokens", () => {
  it("a script asks by POST (JSON, the CSRF rule) and re-downloads a stored answer by GET, which changes nothing", async () => {
    const c = await t.as("chercheur@demo.maillage.fr");
    const input = { measure: "MSP_COUNT", groupBy: ["YEAR"] };
    const answer = (await ask(c, input)).data!.researchAggregate;
    const created = await c.request<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "export" }) { token } }`);
    const token = created.data!.createApiToken.token;
    const checkCsv = (text: string) => {
      const lines = text.replace(/^\uFEFF/, "").trim().split(/\r\n/);
      expect(lines[0]).toBe("Année;Nombre de MSP (MSP-années) (MSP, valeur perturbée);Secret statistique");
      const rows = lines.slice(1).map((l) => l.split(";"));
      expect(rows).toHaveLength(answer.cells.length);
      answer.cells.forEach((cell, i) => {
        const row = rows[i]!;
        expect(row[0]).toBe(cell.coordinates[0]!.value ?? "Total");
        if (cell.suppressed) expect(row[1]).toBe("");
        else expect(Number(row[1]!.replace(",", "."))).toBe(cell.value);
        expect(row[2] !== "").toBe(cell.suppressed);
      });
    };
    const prisma = t.running.database.prisma;
    const posted = await fetch(`${t.url}/research/aggregate.csv`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(input) });
    expect(posted.status).toBe(200);
    checkCsv(await posted.text());
    // GET of a stored answer: the same table, and no query recorded.
    const queries = await prisma.researchQuery.count();
    const stored = await fetch(`${t.url}/research/queries/${answer.queryId}.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(stored.status).toBe(200);
    checkCsv(await stored.text());
    expect(await prisma.researchQuery.count()).toBe(queries);
    // Someone else's query is not found; a question by GET does not exist any more; a form post is refused.
    const other = await t.as("admin@demo.maillage.fr");
    expect((await fetch(`${t.url}/research/queries/${answer.queryId}.csv`, { headers: { cookie: other.cookie ?? "" } })).status).toBe(404);
    expect((await fetch(`${t.url}/research/aggregate.csv?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    const form = await fetch(`${t.url}/research/aggregate.csv`, { method: "POST", headers: { cookie: c.cookie ?? "", "content-type": "application/x-www-form-urlencoded" }, body: `input=${encodeURIComponent(JSON.stringify(input))}` });
    expect(form.status).toBe(400);
    expect(await prisma.researchQuery.count()).toBe(queries);
    const forbidden = await fetch(`${t.url}/research/aggregate.csv`, { method: "POST", headers: { cookie: (await t.as("msp@demo.maillage.fr")).cookie ?? "", "content-type": "application/json" }, body: JSON.stringify(input) });
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
    // Both totals are rounded to a multiple of 3 (each at most 2 away).
    expect(Math.abs(before.value! - after.value! - bretagne[0]!.n)).toBeLessThanOrEqual(4);
    await prisma.federation.update({ where: { id: DEMO_IDS.federations.bretagne }, data: { researchOptIn: true } });
  });
});
