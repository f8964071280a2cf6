import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver } from "@maillage/lp";

import {
  auditCubePattern,
  auditProtectedCube,
  buildCubeFromRecords,
  type ContributorRecord,
  type CubeDimension,
  type CubeInput,
  DEFAULT_DISCLOSURE_THRESHOLDS,
  type MeasureSpec,
  type ProtectedCell,
  type ProtectedCube,
  protectCube,
  resolveDisclosureThresholds,
  SUPPRESSION_REASON_LABELS,
  SUPPRESSION_REASONS,
} from "./index.js";
import type { LpSolver } from "./lp.js";

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsLpSolver();
});

const YEARS: CubeDimension = { id: "YEAR", categories: ["2024", "2025"] };
const SIZES: CubeDimension = { id: "SIZE_BAND", categories: ["small", "large"] };

/** `n` MSPs per (year, size) with the given contribution builder. */
function records(perCell: (year: string, size: string) => { unit: string; contributions: ContributorRecord["contributions"] }[]): ContributorRecord[] {
  return YEARS.categories.flatMap((year) =>
    SIZES.categories.flatMap((size) =>
      perCell(year, size).map(({ unit, contributions }) => ({ unitId: unit, dimensions: { YEAR: year, SIZE_BAND: size }, contributions })),
    ),
  );
}

function build(measures: MeasureSpec[], recs: ContributorRecord[], dimensions: CubeDimension[] = [YEARS, SIZES]): CubeInput {
  const built = buildCubeFromRecords({ dimensions, measures, records: recs });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value.cube;
}

function protect(input: CubeInput): ProtectedCube {
  const result = protectCube(input, { solver });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const audit = auditProtectedCube(input, result.value, { solver });
  if (!audit.ok || !audit.value.passed) throw new Error(`audit failed: ${JSON.stringify(audit)}`);
  return result.value;
}

const cellAt = (cube: ProtectedCube, ...coordinates: (string | null)[]): ProtectedCell | undefined =>
  cube.cells.find((c) => JSON.stringify(c.coordinates) === JSON.stringify(coordinates));

/** Five MSPs per inner cell, `patients` each, distinct ids per cell unless `shared`. */
const fiveEach = (patients: number) => (year: string, size: string) =>
  Array.from({ length: 5 }, (_, i) => ({ unit: `${size}-${year}-${String(i)}`, contributions: { patients: { value: patients } } }));

describe("resolveDisclosureThresholds (DOMAIN.md §6.2, §6.3)", () => {
  it("defaults to 11 patients, 3 MSPs, 85 %, rate bases 11, 11 professionals, 10 %", () => {
    expect(DEFAULT_DISCLOSURE_THRESHOLDS).toEqual({
      minPatients: 11,
      minContributors: 3,
      dominanceShare: 0.85,
      minRateNumerator: 11,
      minRateDenominator: 11,
      minProfessionals: 11,
      protectionPercent: 10,
    });
    expect(resolveDisclosureThresholds()).toEqual({ ok: true, value: DEFAULT_DISCLOSURE_THRESHOLDS });
  });

  it("accepts stricter values", () => {
    const result = resolveDisclosureThresholds({ minPatients: 15, dominanceShare: 0.7, protectionPercent: 15 });
    expect(result.ok && result.value).toMatchObject({ minPatients: 15, dominanceShare: 0.7, protectionPercent: 15, minContributors: 3 });
  });

  it("refuses values below the defaults without the explicit override, and accepts them with it", () => {
    const weaker = { minPatients: 5, minContributors: 2, dominanceShare: 0.9, minRateNumerator: 10, minRateDenominator: 5, minProfessionals: 1, protectionPercent: 5 };
    const refused = resolveDisclosureThresholds(weaker);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.map((e) => e.field).sort()).toEqual(Object.keys(weaker).sort());
      expect(refused.error.every((e) => e.code === "SDC.CONFIG_BELOW_DEFAULT" && e.message.length > 0)).toBe(true);
    }
    expect(resolveDisclosureThresholds(weaker, { allowBelowDefaults: true })).toEqual({ ok: true, value: { ...weaker } });
  });

  it("refuses malformed values even with the override", () => {
    const result = resolveDisclosureThresholds({ minPatients: 0, dominanceShare: 1.2, protectionPercent: -1, minContributors: 2.5 }, { allowBelowDefaults: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((e) => [e.field, e.code])).toEqual([
      ["minPatients", "SDC.CONFIG_INVALID"],
      ["minContributors", "SDC.CONFIG_INVALID"],
      ["dominanceShare", "SDC.CONFIG_INVALID"],
      ["protectionPercent", "SDC.CONFIG_INVALID"],
    ]);
  });
});

describe("primary suppression (DOMAIN.md §6.3 R1, R3, R4, R5)", () => {
  it("R1: masks counts of patients from 1 to 10, publishes 0 and 11", () => {
    const input = build([{ id: "patients", kind: "COUNT_PATIENTS" }], records(fiveEach(3)));
    // 5 MSPs × 3 patients = 15 per inner cell: nothing to mask.
    expect(protect(input).summary.suppressed).toBe(0);
    const small = records((year, size) =>
      fiveEach(year === "2024" && size === "small" ? 2 : 3)(year, size).map((r, i) => (year === "2025" && size === "large" && i > 0 ? { ...r, contributions: { patients: { value: 0 } } } : r)),
    );
    const cube = protect(build([{ id: "patients", kind: "COUNT_PATIENTS" }], small));
    expect(cellAt(cube, "2024", "small")).toMatchObject({ suppressed: true, reason: "SMALL_COUNT" }); // 10 patients
    expect(cube.summary.primary).toBe(2); // 2024/small = 10 and 2025/large = 3
    const zero = protect(build([{ id: "patients", kind: "COUNT_PATIENTS" }], records(fiveEach(0))));
    expect(zero.summary.suppressed).toBe(0);
    expect(cellAt(zero, null, null)).toEqual({ coordinates: [null, null], suppressed: false, values: { patients: 0 } });
  });

  it("R4: masks every cell built from 1 or 2 MSPs, whatever the measure", () => {
    const recs = records((year, size) =>
      Array.from({ length: year === "2025" && size === "small" ? 2 : 4 }, (_, i) => ({
        unit: `${year}-${size}-${String(i)}`,
        contributions: { patients: { value: 50 }, aci: { value: 30_000 } },
      })),
    );
    const cube = protect(build([{ id: "msps", kind: "COUNT_MSP" }, { id: "aci", kind: "SUM_EUR" }], recs));
    expect(cellAt(cube, "2025", "small")).toMatchObject({ suppressed: true, reasons: ["FEW_CONTRIBUTORS"] });
    expect(cube.summary.primary).toBe(1);
    const published = cube.cells.filter((c) => !c.suppressed);
    expect(published.length).toBeGreaterThan(0);
    for (const cell of published) if (!cell.suppressed && cell.coordinates[0] !== null && cell.coordinates[1] !== null) expect(cell.values).toEqual({ msps: 4, aci: 120_000 });
  });

  it("R4: masks a sum dominated by one MSP (> 85 %), counting an MSP's records together across years", () => {
    const recs = records((year, size) =>
      Array.from({ length: 4 }, (_, i) => ({
        unit: `${size}-${String(i)}`, // the same four MSPs every year
        contributions: { aci: { value: size === "large" && i === 0 ? 100_000 : 5_000 } },
      })),
    );
    const cube = protect(build([{ id: "aci", kind: "SUM_EUR" }], recs));
    // large: 100,000 of 115,000 = 87 % in each year and in the year margin (200,000 of 230,000).
    expect(cellAt(cube, "2024", "large")).toMatchObject({ suppressed: true, reason: "DOMINANCE" });
    expect(cellAt(cube, null, "large")).toMatchObject({ suppressed: true, reason: "DOMINANCE" });
    expect(cellAt(cube, "2024", "small")).not.toMatchObject({ reason: "DOMINANCE" });
  });

  it("R5: masks an income figure of fewer than 11 professionals; a count of professionals of 11 or more passes", () => {
    const team = (professionals: number) => (year: string, size: string) =>
      Array.from({ length: 3 }, (_, i) => ({
        unit: `${year}-${size}-${String(i)}`,
        contributions: { peps: { value: 20_000, professionals } },
      }));
    const smallTeams = protect(build([{ id: "peps", kind: "SUM_EUR", income: true }], records(team(3))));
    expect(cellAt(smallTeams, "2024", "small")).toMatchObject({ suppressed: true, reason: "PROFESSIONAL_INCOME" }); // 9 professionals
    expect(cellAt(smallTeams, null, "small")).toMatchObject({ suppressed: false, values: { peps: 120_000 } }); // 18
    const largeTeams = protect(build([{ id: "peps", kind: "SUM_EUR", income: true }], records(team(4))));
    expect(largeTeams.summary.suppressed).toBe(0);
    // Without team sizes, each MSP counts as one professional: only the grand total (12 MSPs) reaches 11.
    const unknown = records((year, size) => Array.from({ length: 3 }, (_, i) => ({ unit: `${year}-${size}-${String(i)}`, contributions: { peps: { value: 1_000 } } })));
    expect(protect(build([{ id: "peps", kind: "SUM_EUR", income: true }], unknown)).summary.primary).toBe(8);
  });

  it("R3: masks a mean whose denominator is below 11, a rate whose numerator is below 11, and 100 % of a sensitive attribute", () => {
    const recs = records((year, size) =>
      Array.from({ length: 3 }, (_, i) => ({
        unit: `${year}-${size}-${String(i)}`,
        contributions: {
          mean: { value: 600, denominator: year === "2024" && size === "small" ? 3 : 40 },
          rate: { value: year === "2025" && size === "small" ? 3 : size === "large" && year === "2025" ? 30 : 20, denominator: 30 },
        },
      })),
    );
    const measures: MeasureSpec[] = [
      { id: "mean", kind: "MEAN" },
      { id: "rate", kind: "RATE", sensitive: true },
    ];
    const cube = protect(build(measures, recs));
    expect(cellAt(cube, "2024", "small")).toMatchObject({ suppressed: true, reason: "RATE_BASE" }); // denominator 9
    expect(cellAt(cube, "2025", "small")).toMatchObject({ suppressed: true, reason: "RATE_BASE" }); // numerator 9
    expect(cellAt(cube, "2025", "large")).toMatchObject({ suppressed: true, reason: "RATE_BASE" }); // 90 of 90
    const input = build(measures, recs);
    for (const cell of cube.cells) {
      if (cell.suppressed) continue;
      const source = input.cells.find((c) => JSON.stringify(c.coordinates) === JSON.stringify(cell.coordinates));
      const ratio = (m: string): number => (source?.measures[m]?.value ?? NaN) / (source?.measures[m]?.denominator ?? NaN);
      expect(cell.values).toEqual({ mean: ratio("mean"), rate: ratio("rate") });
    }
    expect(cube.cells.some((c) => !c.suppressed)).toBe(true);
  });

  it("returns null for a mean over an empty denominator and masks nothing for it", () => {
    const recs = records((year, size) =>
      Array.from({ length: 3 }, (_, i) => ({ unit: `${year}-${size}-${String(i)}`, contributions: { mean: { value: 0, denominator: size === "small" ? 0 : 20 } } })),
    );
    const cube = protect(build([{ id: "mean", kind: "MEAN" }], recs));
    expect(cellAt(cube, "2024", "small")).toEqual({ coordinates: ["2024", "small"], suppressed: false, values: { mean: null } });
  });
});

describe("complementary suppression (DOMAIN.md §6.3 R2)", () => {
  it("uses one pattern for every measure of the answer", () => {
    const recs = records((year, size) =>
      Array.from({ length: 4 }, (_, i) => ({
        unit: `${year}-${size}-${String(i)}`,
        contributions: { patients: { value: year === "2024" && size === "small" ? 2 : 30 }, aci: { value: 10_000 + i } },
      })),
    );
    const cube = protect(build([{ id: "patients", kind: "COUNT_PATIENTS" }, { id: "aci", kind: "SUM_EUR" }], recs));
    // 2024/small has 8 patients: the whole cell (both measures) is masked, with its complements.
    expect(cellAt(cube, "2024", "small")).toMatchObject({ suppressed: true, reason: "SMALL_COUNT" });
    expect(cube.summary.complementary).toBeGreaterThanOrEqual(3);
    for (const cell of cube.cells) if (!cell.suppressed) expect(Object.keys(cell.values).sort()).toEqual(["aci", "patients"]);
  });

  it("protects a margin that no single hypercube can, with the LP audit", () => {
    // Eight categories of one patient each (each from ≥ 3 MSPs, so only R1 applies): total 8.
    const categories = Array.from({ length: 8 }, (_, i) => `c${String(i)}`);
    const recs: ContributorRecord[] = categories.flatMap((category) =>
      [1, 0, 0].map((patients, i) => ({ unitId: `${category}-${String(i)}`, dimensions: { EXPERIMENT: category }, contributions: { patients: { value: patients } } })),
    );
    const cube = protect(build([{ id: "patients", kind: "COUNT_PATIENTS" }], recs, [{ id: "EXPERIMENT", categories }]));
    expect(cube.summary.provenByLp).toBeGreaterThanOrEqual(1);
    expect(cellAt(cube, null)).toMatchObject({ suppressed: true, reason: "SMALL_COUNT" });
  });

  it("never lets a published margin reveal the total of two single-MSP cells (singletons)", () => {
    const sizes: Record<string, number[]> = { a: [20], b: [30], c: [20, 20, 20, 20, 20], d: [24, 24, 24, 24, 24] };
    const categories = Object.keys(sizes);
    const recs: ContributorRecord[] = categories.flatMap((category) =>
      (sizes[category] ?? []).map((patients, i) => ({ unitId: `${category}-${String(i)}`, dimensions: { EXPERIMENT: category }, contributions: { patients: { value: patients } } })),
    );
    const input = build([{ id: "patients", kind: "COUNT_PATIENTS" }], recs, [{ id: "EXPERIMENT", categories }]);
    const cube = protect(input);
    expect(cellAt(cube, "a")).toMatchObject({ suppressed: true, reason: "FEW_CONTRIBUTORS" });
    expect(cellAt(cube, "b")).toMatchObject({ suppressed: true, reason: "FEW_CONTRIBUTORS" });
    // a + b = 50 patients from 2 MSPs would be known from the total: a third cell is masked.
    expect(cube.summary.complementary).toBeGreaterThanOrEqual(1);
    const naive = auditCubePattern(input, [["a"], ["b"]], { solver });
    expect(naive.ok && naive.value.sensitiveGroups.length).toBe(1);
    expect(naive.ok && naive.value.passed).toBe(false);
  });

  it("handles signed amounts (no non-negativity)", () => {
    const recs = records((year, size) =>
      Array.from({ length: year === "2024" && size === "large" ? 2 : 4 }, (_, i) => ({
        unit: `${year}-${size}-${String(i)}`,
        contributions: { balance: { value: (i % 2 === 0 ? 1 : -1) * (1_000 + i * 700) } },
      })),
    );
    const cube = protect(build([{ id: "balance", kind: "SUM_EUR", signed: true }], recs));
    expect(cellAt(cube, "2024", "large")).toMatchObject({ suppressed: true, reason: "FEW_CONTRIBUTORS" });
  });
});

describe("input validation", () => {
  const base = (): CubeInput => build([{ id: "patients", kind: "COUNT_PATIENTS" }], records(fiveEach(3)));
  const codes = (input: CubeInput): string[] => {
    const result = protectCube(input, { solver });
    return result.ok ? [] : result.error.map((e) => e.code);
  };

  it("refuses identifier-like categories (R5: no RPPS, ADELI, FINESS or SIRET ever leaves)", () => {
    const input = base();
    expect(codes({ ...input, dimensions: [{ id: "YEAR", categories: ["10101234567", "2025"] }, SIZES] })).toContain("SDC.CATEGORY_IDENTIFIER");
  });

  it("refuses unknown or repeated dimensions and more than three", () => {
    const input = base();
    expect(codes({ ...input, dimensions: [{ id: "MSP" as never, categories: ["x"] }, SIZES] })).toContain("SDC.DIMENSION_UNKNOWN");
    expect(codes({ ...input, dimensions: [YEARS, YEARS] })).toContain("SDC.DIMENSION_DUPLICATE");
    expect(codes({ ...input, dimensions: [YEARS, SIZES, { id: "REGION", categories: ["1"] }, { id: "RURALITY", categories: ["r"] }] })).toEqual(["SDC.DIMENSIONS_INVALID"]);
  });

  it("refuses incomplete cubes, duplicates, negative counts and margins that do not add up", () => {
    const input = base();
    expect(codes({ ...input, cells: input.cells.slice(1) })).toEqual(["SDC.CELL_MISSING"]);
    expect(codes({ ...input, cells: [...input.cells, input.cells[0] as CubeInput["cells"][number]] })).toContain("SDC.CELL_DUPLICATE");
    const negative = input.cells.map((c, i) => (i === 0 ? { ...c, measures: { patients: { value: -1, contributors: 5 } } } : c));
    expect(codes({ ...input, cells: negative })).toContain("SDC.CELL_VALUE_INVALID");
    const inconsistent = input.cells.map((c, i) => (i === 0 ? { ...c, measures: { patients: { value: 16, contributors: 5 } } } : c));
    expect(codes({ ...input, cells: inconsistent })).toEqual(["SDC.MARGIN_NOT_ADDITIVE"]);
  });
});

describe("buildCubeFromRecords", () => {
  it("builds every cell and margin with distinct MSPs, the largest MSP and the units behind each cell", () => {
    const recs: ContributorRecord[] = [
      { unitId: "m1", dimensions: { YEAR: "2024", SIZE_BAND: "small" }, contributions: { aci: { value: 10 } } },
      { unitId: "m1", dimensions: { YEAR: "2025", SIZE_BAND: "small" }, contributions: { aci: { value: 15 } } },
      { unitId: "m2", dimensions: { YEAR: "2025", SIZE_BAND: "small" }, contributions: { aci: { value: 20 } } },
      { unitId: "m3", dimensions: { YEAR: "2025", SIZE_BAND: "large" }, contributions: {} },
    ];
    const built = buildCubeFromRecords({ dimensions: [YEARS, SIZES], measures: [{ id: "aci", kind: "SUM_EUR" }, { id: "msps", kind: "COUNT_MSP" }], records: recs });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.cube.cells).toHaveLength(9);
    expect(built.value.cube.cells.map((c) => c.coordinates)).toEqual([
      ["2024", "small"], ["2024", "large"], ["2024", null],
      ["2025", "small"], ["2025", "large"], ["2025", null],
      [null, "small"], [null, "large"], [null, null],
    ]);
    const margin = built.value.cube.cells[6]; // all years, small
    expect(margin?.measures.aci).toEqual({ value: 45, contributors: 2, largestContribution: 25, professionals: 2 });
    expect(margin?.measures.msps).toMatchObject({ value: 3, contributors: 2 });
    expect(built.value.units[8]).toEqual(["m1", "m2", "m3"]);
    expect(built.value.cube.cells[4]?.measures.aci).toMatchObject({ value: 0, contributors: 0 });
  });

  it("refuses a record with an unknown category", () => {
    const built = buildCubeFromRecords({
      dimensions: [YEARS],
      measures: [{ id: "msps", kind: "COUNT_MSP" }],
      records: [{ unitId: "m1", dimensions: { YEAR: "1999" }, contributions: {} }],
    });
    expect(built.ok ? [] : built.error.map((e) => e.code)).toEqual(["SDC.RECORD_INVALID"]);
  });
});

describe("reason labels", () => {
  it("has a French « secret statistique » label for every reason", () => {
    for (const reason of SUPPRESSION_REASONS) expect(SUPPRESSION_REASON_LABELS[reason]).toMatch(/^Secret statistique/);
  });
});
