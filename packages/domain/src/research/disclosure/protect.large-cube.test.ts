import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver } from "@maillage/lp";

import { buildCubeFromRecords, type ContributorRecord } from "./build-cube.js";
import type { LpSolver } from "./lp.js";
import { auditProtectedCube } from "./pattern-audit.js";
import { protectCube } from "./protect.js";
import type { CubeInput } from "./types.js";

/**
 * The size the issue names: 10 years × 13 régions × 4 size bands (+ margins = 770 cells), three measures, a
 * national-scale population (≈ 1,600 MSPs unevenly spread, one record per MSP-year). Deterministic pseudo-data.
 */
function nationalCube(): CubeInput {
  let state = 20_260_101;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const years = Array.from({ length: 10 }, (_, i) => String(2016 + i));
  const regions = Array.from({ length: 13 }, (_, i) => `R${String(i + 1).padStart(2, "0")}`);
  const bands = ["1-5", "6-10", "11-20", "21+"];
  const records: ContributorRecord[] = [];
  for (let msp = 0; msp < 1_600; msp += 1) {
    const region = regions[Math.floor(next() ** 1.7 * regions.length)] ?? "R01";
    const band = bands[Math.floor(next() ** 2.2 * bands.length)] ?? "1-5";
    const firstYear = Math.floor(next() * 10);
    for (let y = firstYear; y < 10; y += 1) {
      const patients = Math.floor(200 + next() * 6_000);
      records.push({
        unitId: `msp-${String(msp)}`,
        dimensions: { YEAR: years[y], REGION: region, SIZE_BAND: band },
        contributions: {
          patients: { value: patients },
          aci: { value: Math.round(20_000 + next() * 120_000) },
          pepsPerPatient: { value: Math.round(patients * (40 + next() * 30)), denominator: patients },
        },
      });
    }
  }
  const built = buildCubeFromRecords({
    dimensions: [
      { id: "YEAR", categories: years },
      { id: "REGION", categories: regions },
      { id: "SIZE_BAND", categories: bands },
    ],
    measures: [
      { id: "patients", kind: "COUNT_PATIENTS" },
      { id: "aci", kind: "SUM_EUR" },
      { id: "pepsPerPatient", kind: "MEAN" },
    ],
    records,
  });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value.cube;
}

describe("protectCube on a national-size cube", () => {
  let solver: LpSolver;
  beforeAll(async () => {
    solver = await createHighsLpSolver();
  });

  // Speed is measured by `pnpm bench` (research-aggregate), not here: this checks the result on a large cube.
  it("protects a 10 × 13 × 4 cube with its margins, deterministically, and the pattern passes the LP audit", { timeout: 60_000 }, () => {
    const input = nationalCube();
    const first = protectCube(input, { solver });
    const again = protectCube(input, { solver });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.cells).toEqual(first.value.cells);
    const audit = auditProtectedCube(input, first.value, { solver });
    expect(audit.ok && audit.value.passed).toBe(true);
    expect(first.value.summary.primary).toBeGreaterThan(0);
    expect(first.value.summary.complementary).toBeGreaterThan(0);
    expect(first.value.summary.wholeCubeSuppressed).toBe(false);
  });
});
