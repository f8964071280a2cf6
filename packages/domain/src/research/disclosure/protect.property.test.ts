import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver } from "@maillage/lp";

import { buildCubeFromRecords, type ContributorRecord } from "./build-cube.js";
import { DEFAULT_DISCLOSURE_THRESHOLDS } from "./config.js";
import type { LpSolver } from "./lp.js";
import { auditProtectedCube } from "./pattern-audit.js";
import { protectCube } from "./protect.js";
import type { CubeDimension, CubeInput, MeasureSpec, ProtectedCube, ResearchDimension } from "./types.js";

const DIMENSION_IDS: ResearchDimension[] = ["YEAR", "DEPARTEMENT", "SIZE_BAND"];
const MEASURES: MeasureSpec[] = [
  { id: "patients", kind: "COUNT_PATIENTS" },
  { id: "peps", kind: "SUM_EUR", income: true },
  { id: "msps", kind: "COUNT_MSP" },
  { id: "pepsPerPatient", kind: "MEAN" },
];

const DENSE_MEASURES: MeasureSpec[] = [
  { id: "patients", kind: "COUNT_PATIENTS" },
  { id: "peps", kind: "SUM_EUR" },
];

/**
 * A random answer built from contributor records: 1–3 dimensions of 1–4 categories. "Sparse" answers (≤ 30 MSPs,
 * income rule on) are mostly primary suppressions; "dense" ones (≤ 200 MSPs, 40–200 records) exercise the
 * complementary suppression.
 */
const answer = (maxUnit: number, minRecords: number, maxRecords: number, measures: MeasureSpec[]): fc.Arbitrary<CubeInput> =>
  fc
    .integer({ min: 1, max: 3 })
    .chain((dims) =>
      fc.record({
        sizes: fc.array(fc.integer({ min: 1, max: dims === 3 ? 3 : 4 }), { minLength: dims, maxLength: dims }),
        records: fc.array(
          fc.record({
            unit: fc.integer({ min: 0, max: maxUnit }),
            at: fc.array(fc.nat(), { minLength: dims, maxLength: dims }),
            patients: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
            euros: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 90_000 })),
            professionals: fc.integer({ min: 1, max: 12 }),
          }),
          { minLength: minRecords, maxLength: maxRecords },
        ),
      }),
    )
    .map(({ sizes, records }): CubeInput => {
      const dimensions: CubeDimension[] = sizes.map((size, d) => ({
        id: DIMENSION_IDS[d] ?? "YEAR",
        categories: Array.from({ length: size }, (_, i) => `${String.fromCharCode(97 + d)}${String(i)}`),
      }));
      const contributorRecords: ContributorRecord[] = records.map((r) => ({
        unitId: `msp-${String(r.unit)}`,
        dimensions: Object.fromEntries(dimensions.map((dimension, d) => [dimension.id, dimension.categories[(r.at[d] ?? 0) % dimension.categories.length]])),
        contributions: {
          patients: { value: r.patients },
          peps: { value: r.euros, professionals: r.professionals },
          pepsPerPatient: { value: r.euros, denominator: r.patients },
        },
      }));
      const built = buildCubeFromRecords({ dimensions, measures, records: contributorRecords });
      if (!built.ok) throw new Error(JSON.stringify(built.error));
      return built.value.cube;
    });

const cubeArbitrary = fc.oneof(answer(29, 3, 40, MEASURES), answer(199, 40, 200, DENSE_MEASURES));

const suppressedKeys = (cube: ProtectedCube): string[] =>
  cube.cells
    .filter((c) => c.suppressed)
    .map((c) => JSON.stringify(c.coordinates))
    .sort();

function protect(input: CubeInput, solver: LpSolver, thresholds = DEFAULT_DISCLOSURE_THRESHOLDS): ProtectedCube {
  const result = protectCube(input, { solver, thresholds });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe("protectCube properties", () => {
  let solver: LpSolver;
  beforeAll(async () => {
    solver = await createHighsLpSolver();
  });

  it("passes the interval audit: primaries masked, no line with one masked cell or a sensitive masked total, every protection interval covered", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(cubeArbitrary, (input) => {
        const cube = protect(input, solver);
        const audit = auditProtectedCube(input, cube, { solver });
        if (!audit.ok) throw new Error(JSON.stringify(audit.error));
        expect(audit.value.publishedPrimary).toEqual([]);
        expect(audit.value.lonelyLines).toEqual([]);
        expect(audit.value.sensitiveGroups).toEqual([]);
        expect(audit.value.values.filter((v) => !v.passed)).toEqual([]);
        // Every masked primary value is uncertain by at least one unit.
        for (const v of audit.value.values) if (v.requiredMax !== null) expect(v.max - v.min).toBeGreaterThanOrEqual(1 - 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it("always applies the primary rules (R1, R3, R4, R5)", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(cubeArbitrary, (input) => {
        const cube = protect(input, solver);
        input.cells.forEach((cell) => {
          const out = cube.cells.find((c) => JSON.stringify(c.coordinates) === JSON.stringify(cell.coordinates));
          const patients = cell.measures.patients;
          const peps = cell.measures.peps;
          const mean = cell.measures.pepsPerPatient;
          const expected: string[] = [];
          if (patients !== undefined && patients.value >= 1 && patients.value <= 10) expected.push("SMALL_COUNT");
          if (patients !== undefined && patients.contributors >= 1 && patients.contributors <= 2) expected.push("FEW_CONTRIBUTORS");
          if (peps !== undefined && peps.value > 0 && (peps.largestContribution ?? 0) > 0.85 * peps.value) expected.push("DOMINANCE");
          if (mean?.denominator !== undefined && mean.denominator >= 1 && mean.denominator <= 10) expected.push("RATE_BASE");
          const income = input.measures.some((m) => m.id === "peps" && m.income === true);
          if (income && peps !== undefined && peps.contributors >= 1 && (peps.professionals ?? 0) < 11) expected.push("PROFESSIONAL_INCOME");
          if (expected.length > 0) {
            expect(out?.suppressed).toBe(true);
            if (out?.suppressed === true) for (const reason of expected) expect(out.reasons).toContain(reason);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic: same input, shuffled cells, categories or measures give the same pattern", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(cubeArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const first = protect(input, solver);
        expect(protect(input, solver)).toEqual(first);
        expect(protect({ ...input, cells: shuffled(input.cells, seed) }, solver)).toEqual(first);
        const reordered: CubeInput = {
          ...input,
          dimensions: input.dimensions.map((d, i) => ({ ...d, categories: shuffled(d.categories, seed + i) })),
          cells: shuffled(input.cells, seed + 7),
        };
        expect(suppressedKeys(protect(reordered, solver))).toEqual(suppressedKeys(first));
        expect(suppressedKeys(protect({ ...input, measures: [...input.measures].reverse() }, solver))).toEqual(suppressedKeys(first));
      }),
      { numRuns: 40 },
    );
  });

  it("never publishes a primary-suppressed cell when a threshold is raised", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        cubeArbitrary,
        fc.record({ minPatients: fc.integer({ min: 11, max: 30 }), minContributors: fc.integer({ min: 3, max: 6 }), dominanceShare: fc.double({ min: 0.5, max: 0.85, noNaN: true }) }),
        (input, raised) => {
          const base = protect(input, solver);
          const strict = protect(input, solver, { ...DEFAULT_DISCLOSURE_THRESHOLDS, ...raised });
          const strictSuppressed = new Set(suppressedKeys(strict));
          for (const cell of base.cells) {
            if (cell.suppressed && cell.reason !== "COMPLEMENTARY") expect(strictSuppressed.has(JSON.stringify(cell.coordinates))).toBe(true);
          }
          expect(strict.summary.primary).toBeGreaterThanOrEqual(base.summary.primary);
        },
      ),
      { numRuns: 40 },
    );
  });
});
