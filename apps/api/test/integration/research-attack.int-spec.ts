/**
 * The threat model played against the running API on the demo data (docs/research.md, "Threat model"): three
 * colluding accounts — a researcher and the admins of both federations — ask generated questions and their
 * one-category-left-out and one-category-only variants, pool every released cell, and subtract. The ground truth
 * comes from the database. The same released cells with their true values (what the engine published before the
 * perturbation) give exact figures of single MSPs: the attack does find what it looks for.
 */
import { communesByCode } from "@maillage/db";
import { differencingAttack, type ObservedCell, type TruthRecord } from "@maillage/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RESEARCH_PERIODS_SQL, type ResearchPeriodRow } from "../../src/modules/research/research.repository.js";
import { contributorRecords, type ResearchRecord } from "../../src/modules/research/research.records.js";
import type { ResearchApiDimension, ResearchMeasure } from "../../src/modules/research/research.catalog.js";
import { GqlClient, startTestApp, type TestApp } from "./harness.js";

const AGG = `query A($input: ResearchAggregateInput!) { researchAggregate(input: $input) {
  groupBy cells { coordinates { dimension value } value suppressed } } }`;
type Answer = { groupBy: ResearchApiDimension[]; cells: { coordinates: { dimension: ResearchApiDimension; value: string | null }[]; value: number | null; suppressed: boolean }[] };
type Question = { measure: ResearchMeasure; groupBy: ResearchApiDimension[]; filters?: { dimension: ResearchApiDimension; values: string[] }[] };

const MEASURES: ResearchMeasure[] = ["MSP_COUNT", "PATIENTS", "ACI_AMOUNT_TOTAL", "IPEP_INCENTIVE_TOTAL"];
const GROUP_BYS: ResearchApiDimension[][] = [["YEAR"], ["SIZE_BAND"], ["EXPERIMENT"], ["YEAR", "SIZE_BAND"]];
const FILTER_DIMENSIONS: ResearchApiDimension[] = ["YEAR", "DEPARTEMENT", "SIZE_BAND", "EXPERIMENT", "REGION"];

let t: TestApp;
let accounts: GqlClient[];
let truthRecords: Map<ResearchMeasure, ResearchRecord[]>;
beforeAll(async () => {
  t = await startTestApp();
  accounts = await Promise.all(["chercheur@demo.maillage.fr", "admin@demo.maillage.fr", "admin2@demo.maillage.fr"].map((e) => t.as(e)));
  const rows = await t.running.database.prisma.$queryRawUnsafe<ResearchPeriodRow[]>(RESEARCH_PERIODS_SQL, null);
  const communes = communesByCode();
  const noKeys = () => ({ direction: 1 as const, countKey: 0, magnitudeKey: 0, valueDraw: 0, denominatorDraw: 0 });
  truthRecords = new Map(MEASURES.map((m) => [m, contributorRecords(rows, m, communes, noKeys)]));
});
afterAll(async () => {
  await t?.close();
});

/** Every question, with each filter dimension's one-category-only and one-category-left-out variants. */
function questions(records: readonly ResearchRecord[]): Question[] {
  const out: Question[] = [];
  for (const measure of MEASURES) {
    for (const groupBy of GROUP_BYS) {
      out.push({ measure, groupBy });
      for (const dimension of FILTER_DIMENSIONS.filter((d) => !groupBy.includes(d))) {
        const categories = [...new Set(records.map((r) => r.dimensions[dimension] ?? ""))].sort();
        if (categories.length < 2) continue;
        for (const c of categories.slice(0, 4)) {
          out.push({ measure, groupBy, filters: [{ dimension, values: [c] }] });
          out.push({ measure, groupBy, filters: [{ dimension, values: categories.filter((x) => x !== c) }] });
        }
      }
    }
  }
  return out;
}

describe("attack suite against the API (demo data, three colluding accounts)", () => {
  it("no exact figure of 1–2 MSPs, at most a third within 10 %, no averaged exact figure; without the perturbation, the same cells leak", async () => {
    const all = truthRecords.get("MSP_COUNT") ?? [];
    const index = new Map(all.map((r, i) => [`${r.unitId}|${r.dimensions.YEAR ?? ""}`, i]));
    const truth: TruthRecord[] = all.map((r) => ({ unit: r.unitId, values: {} as Record<string, number> }));
    for (const measure of MEASURES) {
      for (const r of truthRecords.get(measure) ?? []) {
        const at = index.get(`${r.unitId}|${r.dimensions.YEAR ?? ""}`);
        const contribution = r.contributions[measure];
        if (at !== undefined && contribution) (truth[at]!.values as Record<string, number>)[measure] = contribution.value;
      }
    }
    const observed: ObservedCell[] = [];
    const unperturbed: ObservedCell[] = [];
    const asked = questions(all);
    let n = 0;
    for (const q of asked) {
      const account = accounts[n % accounts.length]!;
      n += 1;
      const r = await account.request<{ researchAggregate: Answer }>(AGG, { input: q });
      expect(r.errors, JSON.stringify({ q, errors: r.errors })).toBeUndefined();
      const records = (truthRecords.get(q.measure) ?? []).filter((rec) => (q.filters ?? []).every((f) => f.values.includes(rec.dimensions[f.dimension] ?? "")));
      for (const cell of r.data!.researchAggregate.cells) {
        if (cell.suppressed || cell.value === null) continue;
        const inCell = records.filter((rec) => cell.coordinates.every((c) => c.value === null || rec.dimensions[c.dimension] === c.value) && rec.contributions[q.measure] !== undefined);
        const members = inCell.map((rec) => index.get(`${rec.unitId}|${rec.dimensions.YEAR ?? ""}`) ?? -1).filter((i) => i >= 0);
        observed.push({ measure: q.measure, value: cell.value, members });
        unperturbed.push({ measure: q.measure, value: inCell.reduce((s, rec) => s + (rec.contributions[q.measure]?.value ?? 0), 0), members });
      }
    }
    const options = { integerMeasures: ["MSP_COUNT", "PATIENTS"] };
    const before = differencingAttack(unperturbed, truth, options);
    const after = differencingAttack(observed, truth, options);
    const summary = { questions: asked.length, before: { ...before, allRoutes: undefined }, after: { ...after, allRoutes: undefined, examples: undefined } };
    if (process.env.ATTACK_VERBOSE) console.log(JSON.stringify(summary));

    // The previous engine: every route gives the group's figure exactly (euros of one MSP included).
    expect(before.routes).toBeGreaterThan(0);
    expect(before.exact).toBe(before.routes);
    expect(before.allRoutes.some((r) => r.measure === "ACI_AMOUNT_TOTAL" && r.units === 1)).toBe(true);

    expect(after.routes).toBe(before.routes); // the same cells, hence the same routes
    expect(after.inconsistentCells).toBe(0);
    for (const measure of ["ACI_AMOUNT_TOTAL", "IPEP_INCENTIVE_TOTAL"]) {
      const routes = after.allRoutes.filter((r) => r.measure === measure);
      expect(routes.filter((r) => Math.abs(r.estimate - r.truth) < 0.005), measure).toEqual([]);
    }
    const patients = after.allRoutes.filter((r) => r.measure === "PATIENTS");
    expect(patients.filter((r) => Math.abs(r.estimate - r.truth) < 0.5).length).toBeLessThanOrEqual(Math.max(2, patients.length / 100));
    for (const r of after.allRoutes.filter((x) => x.measure === "MSP_COUNT")) expect(Math.abs(r.estimate) % 3).toBe(0);
    const amounts = after.allRoutes.filter((r) => r.measure !== "MSP_COUNT");
    expect(amounts.filter((r) => Math.abs(r.estimate - r.truth) <= 0.1 * Math.abs(r.truth)).length).toBeLessThanOrEqual(amounts.length / 3);
    // Averaging every route to one group: never the euro figure (it converges on the perturbed one).
    const byGroup = new Map<string, { truth: number; estimates: number[] }>();
    for (const r of after.allRoutes.filter((x) => x.measure === "ACI_AMOUNT_TOTAL" || x.measure === "IPEP_INCENTIVE_TOTAL")) {
      const g = byGroup.get(`${r.measure}|${r.group}`) ?? { truth: r.truth, estimates: [] };
      g.estimates.push(r.estimate);
      byGroup.set(`${r.measure}|${r.group}`, g);
    }
    const averaged = [...byGroup.values()].filter((g) => g.estimates.length >= 2);
    expect(averaged.filter((g) => Math.abs(g.estimates.reduce((a, b) => a + b, 0) / g.estimates.length - g.truth) < 0.005)).toEqual([]);
  }, 300_000);
});
