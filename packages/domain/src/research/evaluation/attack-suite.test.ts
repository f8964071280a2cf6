/**
 * The attack suite of the threat model (docs/research.md, "Threat model"; issue "Research answers that no combination
 * of questions can break"), played on generated federations: several colluding accounts ask generated questions
 * and their one-category-left-out and one-category-only variants, pool every released cell, and subtract. Checked
 * against the generated ground truth:
 * - no difference of two or three released cells gives any group of 1–2 MSPs' figure exactly;
 * - at most a third of those differences fall within 10 % of the truth;
 * - averaging every route to the same group does not converge on its amounts (it converges on the perturbed figure);
 * - the same cell always has the same value, whoever asks and however.
 * The same suite run on the previous engine (suppression only, true values published) finds exact leaks: it does
 * detect what it looks for.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver } from "@maillage/lp";

import type { ContributorRecord } from "../disclosure/build-cube.js";
import { DEFAULT_DISCLOSURE_THRESHOLDS } from "../disclosure/config.js";
import type { LpSolver } from "../disclosure/lp.js";
import type { CubeDimension, MeasureSpec, ResearchDimension } from "../disclosure/types.js";
import type { PerturbationSettings, RecordKeys } from "../perturbation/perturbation.js";
import { releaseCube } from "../perturbation/release.js";
import { seededRandom } from "../privacy/random.js";
import { differencingAttack, type AttackReport, type ObservedCell, type TruthRecord } from "./differencing-attack.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsLpSolver();
});

const MEASURES: MeasureSpec[] = [
  { id: "msps", kind: "COUNT_MSP" },
  { id: "patients", kind: "COUNT_PATIENTS" },
  { id: "aci", kind: "SUM_EUR" },
];
const DIMS: ResearchDimension[] = ["YEAR", "DEPARTEMENT", "SIZE_BAND", "EXPERIMENT"];

/** Suppression only, the true values published: the engine before the perturbation. */
const NO_PERTURBATION: PerturbationSettings = { contributionNoiseMin: 0, contributionNoiseMax: 0, cellKeyShare: 0, countBase: 1 };

function keysFrom(direction: boolean, seed: number): RecordKeys {
  const random = seededRandom(seed);
  return { direction: direction ? 1 : -1, countKey: random(), magnitudeKey: random(), valueDraw: random(), denominatorDraw: random() };
}

type Federation = { records: (ContributorRecord & { keys: RecordKeys })[]; categories: Record<string, string[]> };

/** A federation: 12–30 MSPs over 2–3 years, each in one of 3–5 départements, its size band and experiment varying by year. */
const federation: fc.Arbitrary<Federation> = fc
  .record({
    years: fc.integer({ min: 2, max: 3 }),
    departements: fc.integer({ min: 3, max: 5 }),
    msps: fc.array(
      fc.record({
        dep: fc.nat(),
        direction: fc.boolean(),
        perYear: fc.array(
          fc.record({
            band: fc.integer({ min: 0, max: 2 }),
            experiment: fc.integer({ min: 0, max: 3 }),
            patients: fc.integer({ min: 800, max: 9000 }),
            euros: fc.integer({ min: 20_000, max: 140_000 }),
            cents: fc.integer({ min: 0, max: 99 }),
            // Keys come from a seeded generator (as the API's come from a keyed hash): shrinking keeps them random.
            keySeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          }),
          { minLength: 3, maxLength: 3 },
        ),
      }),
      { minLength: 12, maxLength: 30 },
    ),
  })
  .map(({ years, departements, msps }) => {
    const categories: Record<string, string[]> = {
      YEAR: Array.from({ length: years }, (_, i) => String(2023 + i)),
      DEPARTEMENT: Array.from({ length: departements }, (_, i) => `D${String(i)}`),
      SIZE_BAND: ["PETITE", "MOYENNE", "GRANDE"],
      EXPERIMENT: ["PEPS", "IPEP", "PEPS_IPEP", "AUCUNE"],
    };
    const records = msps.flatMap((m, u) =>
      m.perYear.slice(0, years).map((y, i) => ({
        unitId: `msp-${String(u)}`,
        dimensions: {
          YEAR: categories.YEAR?.[i] ?? "2023",
          DEPARTEMENT: categories.DEPARTEMENT?.[m.dep % departements] ?? "D0",
          SIZE_BAND: categories.SIZE_BAND?.[y.band] ?? "PETITE",
          EXPERIMENT: categories.EXPERIMENT?.[y.experiment] ?? "AUCUNE",
        },
        contributions: { msps: { value: 1 }, patients: { value: y.patients }, aci: { value: y.euros + y.cents / 100 } },
        keys: keysFrom(m.direction, y.keySeed),
      })),
    );
    return { records, categories };
  });

type Question = { groupBy: ResearchDimension[]; filter?: { dimension: ResearchDimension; values: string[] } };

/** Every question of one or two dimensions, with every one-category-left-out and one-category-only filter. */
function questions(categories: Record<string, string[]>): Question[] {
  const out: Question[] = [];
  const groupBys: ResearchDimension[][] = [];
  DIMS.forEach((a, i) => {
    groupBys.push([a]);
    DIMS.slice(i + 1).forEach((b) => groupBys.push([a, b]));
  });
  for (const groupBy of groupBys) {
    out.push({ groupBy });
    for (const d of DIMS.filter((x) => !groupBy.includes(x))) {
      for (const c of categories[d] ?? []) {
        out.push({ groupBy, filter: { dimension: d, values: [c] } });
        out.push({ groupBy, filter: { dimension: d, values: (categories[d] ?? []).filter((x) => x !== c) } });
      }
    }
  }
  return out;
}

/** Plays the whole attack: `accounts` colluding accounts share the questions, then pool every released cell. */
function play(fed: Federation, perturbation: PerturbationSettings | undefined, accounts = 3): AttackReport {
  const records = perturbation === NO_PERTURBATION ? fed.records.map(({ keys: _keys, ...r }) => r) : fed.records;
  const truth: TruthRecord[] = fed.records.map((r) => ({ unit: r.unitId, values: Object.fromEntries(MEASURES.map((m) => [m.id, r.contributions[m.id]?.value ?? 0])) }));
  const pooled: ObservedCell[] = [];
  questions(fed.categories).forEach((q, n) => {
    const account = n % accounts; // each account asks its share; what they pool is the union
    void account;
    const kept = records.map((r, i) => ({ r, i })).filter(({ r }) => !q.filter || q.filter.values.includes(r.dimensions[q.filter.dimension] ?? ""));
    const dimensions: CubeDimension[] = q.groupBy.map((id) => ({ id, categories: fed.categories[id] ?? [] }));
    for (const measure of MEASURES) {
      const released = releaseCube({ dimensions, measure, records: kept.map((k) => k.r), thresholds: DEFAULT_DISCLOSURE_THRESHOLDS, solver, ...(perturbation ? { perturbation } : {}) });
      if (!released.ok) throw new Error(JSON.stringify(released.error));
      for (const cell of released.value.cells) {
        if (cell.suppressed || cell.value === null) continue;
        const members = kept
          .filter(({ r }) => cell.coordinates.every((c, d) => c === null || r.dimensions[q.groupBy[d] ?? "YEAR"] === c))
          .map(({ i }) => i);
        pooled.push({ measure: measure.id, value: cell.value, members });
      }
    }
  });
  return differencingAttack(pooled, truth, { integerMeasures: ["msps", "patients"] });
}

const perMeasure = (report: AttackReport, measure: string) => {
  const routes = report.allRoutes.filter((r) => r.measure === measure);
  const groups = new Map<string, { truth: number; estimates: number[] }>();
  for (const r of routes) {
    const g = groups.get(r.group) ?? { truth: r.truth, estimates: [] };
    g.estimates.push(r.estimate);
    groups.set(r.group, g);
  }
  const averaged = [...groups.values()].filter((g) => g.estimates.length >= 2).map((g) => ({ truth: g.truth, mean: g.estimates.reduce((a, b) => a + b, 0) / g.estimates.length }));
  return {
    routes: routes.length,
    within10: routes.filter((r) => Math.abs(r.estimate - r.truth) <= 0.1 * Math.abs(r.truth)).length,
    averaged: averaged.length,
    averagedWithin10: averaged.filter((a) => Math.abs(a.mean - a.truth) <= 0.1 * Math.abs(a.truth)).length,
  };
};

/** Groups whose averaged estimate equals the truth (to the cent or the patient). */
function exactAveraged(report: AttackReport, measure: string): number {
  const groups = new Map<string, { truth: number; estimates: number[] }>();
  for (const r of report.allRoutes.filter((x) => x.measure === measure)) {
    const g = groups.get(r.group) ?? { truth: r.truth, estimates: [] };
    g.estimates.push(r.estimate);
    groups.set(r.group, g);
  }
  const tolerance = measure === "aci" ? 0.005 : 0.5;
  return [...groups.values()].filter((g) => g.estimates.length >= 2 && Math.abs(g.estimates.reduce((a, b) => a + b, 0) / g.estimates.length - g.truth) < tolerance).length;
}

describe("attack suite: colluding accounts, differencing and averaging", () => {
  it("finds exact leaks in the previous engine (suppression only): the suite detects what it looks for", () => {
    fc.assert(
      fc.property(federation, (fed) => {
        const report = play(fed, NO_PERTURBATION);
        expect(report.routes).toBeGreaterThan(0);
        expect(report.exact).toBe(report.routes); // every difference is the group's figure, exactly
      }),
      { numRuns: 2, seed: 20261208 },
    );
  });

  it("with the perturbation: no exact amount, at most a third within 10 %, averaging does not converge on amounts, same cell same value", () => {
    fc.assert(
      fc.property(federation, (fed) => {
        const report = play(fed, undefined);
        expect(report.routes, "the attack found differencing routes to play").toBeGreaterThan(0);
        expect(report.inconsistentCells, "the same cell always has the same value").toBe(0);
        expect(report.within10).toBeLessThanOrEqual(report.routes / 3);
        for (const measure of ["patients", "aci"]) {
          const routes = report.allRoutes.filter((r) => r.measure === measure);
          const exact = routes.filter((r) => Math.abs(r.estimate - r.truth) < (measure === "aci" ? 0.005 : 0.5));
          // Euros: never to the cent. Patients are published as whole numbers, so a difference can fall on the
          // truth by chance (about 1 in 300: the noise spreads over hundreds of patients), never knowingly.
          if (measure === "aci") expect(exact, `${measure}: exact figures`).toEqual([]);
          else expect(exact.length, `${measure}: figures equal by chance`).toBeLessThanOrEqual(Math.max(2, routes.length / 100));
          const m = perMeasure(report, measure);
          expect(m.within10, `${measure}: differences within 10 %`).toBeLessThanOrEqual(m.routes / 3);
          // Averaging every route to a group converges on its perturbed figure, not on the truth: never exact; within
          // 10 % only for pairs of MSPs perturbed in opposite directions (docs/research.md, "Threat model": measured
          // 12–43 % of averaged groups, most runs near 20 %).
          const averagedExact = report.allRoutes.length === 0 ? 0 : exactAveraged(report, measure);
          expect(averagedExact, `${measure}: averaged routes exact`).toBe(0);
          expect(m.averagedWithin10, `${measure}: averaged routes within 10 %`).toBeLessThanOrEqual(0.5 * m.averaged + 1);
        }
        // Counts of MSPs: every published count is a multiple of 3, so every difference is too — never 1 or 2 MSPs,
        // and a difference of 3 is consistent with any group of 1 to 5 MSP-years.
        for (const r of report.allRoutes.filter((x) => x.measure === "msps")) expect(Math.abs(r.estimate) % 3).toBe(0);
      }),
      { numRuns: 3, seed: 20261208, endOnFailure: true },
    );
  });
});
