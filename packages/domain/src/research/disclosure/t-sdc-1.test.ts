import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver } from "@maillage/lp";

import type { LpSolver } from "./lp.js";
import { auditCubePattern, auditProtectedCube, protectCube, type CubeInput, type ProtectedCube, type SuppressedCell } from "./index.js";

/**
 * T-SDC-1 (DOMAIN.md §6.3, §10.3): patients by MSP × age band. The rows stand for three groups of MSPs (each
 * built from ≥ 3 MSPs, so only R1 and R2 are at play, as in the vector).
 */
const TABLE: Record<string, [number, number]> = { A: [25, 8], B: [14, 19], C: [40, 12] };

function tSdc1(): CubeInput {
  const rows = Object.keys(TABLE);
  const cols = ["0-64", "65+"];
  const value = (row: string | null, col: number | null): number => {
    const pick = (r: string): number => {
      const pair = TABLE[r] ?? [0, 0];
      return col === null ? pair[0] + pair[1] : (pair[col] ?? 0);
    };
    return row === null ? rows.reduce((s, r) => s + pick(r), 0) : pick(row);
  };
  const cells = [...rows, null].flatMap((row) =>
    [0, 1, null].map((col) => ({
      coordinates: [row, col === null ? null : (cols[col] ?? null)],
      measures: { patients: { value: value(row, col), contributors: row === null ? 15 : 5 } },
    })),
  );
  return {
    dimensions: [
      { id: "REGION", categories: rows },
      { id: "AGE_BAND", categories: cols },
    ],
    measures: [{ id: "patients", kind: "COUNT_PATIENTS" }],
    cells,
  };
}

describe("T-SDC-1 (DOMAIN.md §6.3)", () => {
  let solver: LpSolver;
  beforeAll(async () => {
    solver = await createHighsLpSolver();
  });

  it("masks A/≥65 as a small count and protects it with complementary cells", () => {
    const result = protectCube(tSdc1(), { solver });
    expect(result.ok).toBe(true);
    const cube = (result as { value: ProtectedCube }).value;
    const a65 = cube.cells.find((c) => c.coordinates[0] === "A" && c.coordinates[1] === "65+");
    expect(a65).toMatchObject({ suppressed: true, reason: "SMALL_COUNT" });
    const suppressed = cube.cells.filter((c): c is SuppressedCell => c.suppressed);
    expect(suppressed.length).toBeGreaterThanOrEqual(4);
    expect(suppressed.filter((c) => c.reason === "COMPLEMENTARY").length).toBe(suppressed.length - 1);
    expect(cube.summary).toMatchObject({ primary: 1, complementary: suppressed.length - 1, provenByHypercube: 1, wholeCubeSuppressed: false });

    const audit = auditProtectedCube(tSdc1(), cube, { solver });
    expect(audit.ok && audit.value.passed).toBe(true);
    const a65Interval = audit.ok ? audit.value.values.find((v) => v.coordinates[0] === "A" && v.coordinates[1] === "65+") : undefined;
    // Protection interval of a count of 8 under the threshold 11: [5, 11] (docs/research.md).
    expect(a65Interval).toMatchObject({ value: 8, requiredMin: 5, requiredMax: 11 });
    expect(a65Interval?.min).toBeLessThanOrEqual(5);
    expect(a65Interval?.max).toBeGreaterThanOrEqual(11);
  });

  it("chooses the cheapest complement (R2: cost = value): B's two cells and A/0–64 (58 patients), leaving A/≥65 in [0, 27]", () => {
    const result = protectCube(tSdc1(), { solver });
    if (!result.ok) throw new Error("unexpected");
    const masked = result.value.cells.filter((c) => c.suppressed).map((c) => c.coordinates);
    expect(masked).toEqual([["A", "0-64"], ["A", "65+"], ["B", "0-64"], ["B", "65+"]]);
    const audit = auditProtectedCube(tSdc1(), result.value, { solver });
    const a65 = audit.ok ? audit.value.values.find((v) => v.coordinates[0] === "A" && v.coordinates[1] === "65+") : undefined;
    expect(a65?.min).toBeCloseTo(0, 6);
    expect(a65?.max).toBeCloseTo(27, 6);
  });

  it("accepts the valid pattern of DOMAIN.md: {A/≥65, A/0–64, C/≥65, C/0–64} leaves A/≥65 in [0, 20]", () => {
    const audit = auditCubePattern(tSdc1(), [["A", "65+"], ["A", "0-64"], ["C", "65+"], ["C", "0-64"]], { solver });
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value.passed).toBe(true);
    const a65 = audit.value.values.find((v) => v.coordinates[0] === "A" && v.coordinates[1] === "65+");
    expect(a65?.min).toBeCloseTo(0, 6);
    expect(a65?.max).toBeCloseTo(20, 6);
  });

  it("refuses the naive pattern that masks only A/≥65 (A1 = 33 − 25)", () => {
    const audit = auditCubePattern(tSdc1(), [["A", "65+"]], { solver });
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value.passed).toBe(false);
    expect(audit.value.lonelyLines.length).toBe(2);
    const a65 = audit.value.values.find((v) => v.coordinates[0] === "A" && v.coordinates[1] === "65+");
    expect(a65?.min).toBeCloseTo(8, 6);
    expect(a65?.max).toBeCloseTo(8, 6);
    expect(a65?.passed).toBe(false);
  });

  it("refuses the pattern {A/≥65, A/0–64} (A1 = 39 − 19 − 12)", () => {
    const audit = auditCubePattern(tSdc1(), [["A", "65+"], ["A", "0-64"]], { solver });
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value.passed).toBe(false);
    const a65 = audit.value.values.find((v) => v.coordinates[0] === "A" && v.coordinates[1] === "65+");
    expect(a65?.min).toBeCloseTo(8, 6);
    expect(a65?.max).toBeCloseTo(8, 6);
  });

  it("refuses a pattern that publishes the primary cell", () => {
    const audit = auditCubePattern(tSdc1(), [["A", "0-64"], ["B", "0-64"], ["A", null], ["B", null]], { solver });
    expect(audit.ok && audit.value.publishedPrimary).toEqual([["A", "65+"]]);
    expect(audit.ok && audit.value.passed).toBe(false);
  });
});
