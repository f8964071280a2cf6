import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildCubeFromRecords } from "../disclosure/build-cube.js";
import type { MeasureSpec } from "../disclosure/types.js";
import { seededRandom } from "../privacy/random.js";
import { addKeys, contributionFactor, DEFAULT_PERTURBATION, maxRelativeError, publishedValue, roundToBase, type RecordKeys } from "./perturbation.js";

const keys = (seed: number, direction: 1 | -1): RecordKeys => {
  const r = seededRandom(seed);
  return { direction, countKey: r(), magnitudeKey: r(), valueDraw: r(), denominatorDraw: r() };
};

describe("contribution noise", () => {
  it("moves every contribution by 12 to 20 %, in the MSP's direction", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (draw, up) => {
        const f = contributionFactor(up ? 1 : -1, draw);
        const u = Math.abs(f - 1);
        expect(u).toBeGreaterThanOrEqual(DEFAULT_PERTURBATION.contributionNoiseMin - 1e-12);
        expect(u).toBeLessThanOrEqual(DEFAULT_PERTURBATION.contributionNoiseMax + 1e-12);
        expect(f > 1).toBe(up);
      }),
    );
  });
});

describe("counts rounded by the cell key", () => {
  it("publishes multiples of 3, at most 2 away, never 0 for a count of 3 or more, 0 for 0, unbiased over keys", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, key) => {
        const p = roundToBase(n, key, 3);
        expect(p % 3).toBe(0);
        expect(Math.abs(p - n)).toBeLessThanOrEqual(2);
        if (n >= 3) expect(p).toBeGreaterThanOrEqual(3);
        if (n === 0) expect(p).toBe(0);
      }),
    );
    // Unbiased: over evenly spread keys, the mean of the published counts is the count.
    for (const n of [4, 5, 13, 101]) {
      const keysGrid = Array.from({ length: 300 }, (_, i) => (i + 0.5) / 300);
      const mean = keysGrid.reduce((s, k) => s + roundToBase(n, k, 3), 0) / keysGrid.length;
      expect(mean).toBeCloseTo(n, 1);
    }
  });

  it("adds cell keys modulo 1", () => {
    expect(addKeys(0.75, 0.5)).toBeCloseTo(0.25, 12);
    expect(addKeys(0.25, 0.5)).toBeCloseTo(0.75, 12);
  });
});

describe("published values", () => {
  const sum: MeasureSpec = { id: "eur", kind: "SUM_EUR" };
  const count: MeasureSpec = { id: "n", kind: "COUNT_MSP" };

  it("are a function of the cell's records only: the same records in any question give the same value", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ eur: fc.integer({ min: 1, max: 200_000 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), up: fc.boolean(), band: fc.constantFrom("a", "b") }), { minLength: 3, maxLength: 30 }), (rows) => {
        const records = rows.map((r, i) => ({
          unitId: `u${String(i)}`,
          dimensions: { YEAR: "2024", SIZE_BAND: r.band },
          contributions: { eur: { value: r.eur }, n: { value: 1 } },
          keys: keys(r.seed, r.up ? 1 : -1),
        }));
        const byYear = buildCubeFromRecords({ dimensions: [{ id: "YEAR", categories: ["2024"] }], measures: [sum, count], records });
        const byBand = buildCubeFromRecords({ dimensions: [{ id: "SIZE_BAND", categories: ["a", "b"] }], measures: [sum, count], records });
        if (!byYear.ok || !byBand.ok) throw new Error("cube");
        // The year 2024 cell and the size-band margin hold the same records.
        const a = byYear.value.perturbed[0];
        const b = byBand.value.perturbed[2];
        const ta = byYear.value.cube.cells[0]?.measures;
        const tb = byBand.value.cube.cells[2]?.measures;
        if (!a || !b || !ta || !tb) throw new Error("cells");
        expect(publishedValue(sum, ta.eur!, a.eur!)).toBe(publishedValue(sum, tb.eur!, b.eur!));
        expect(publishedValue(count, ta.n!, a.n!)).toBe(publishedValue(count, tb.n!, b.n!));
      }),
    );
  });

  it("stay within the stated bound of the truth for cells that pass the dominance rule", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ eur: fc.integer({ min: 1, max: 200_000 }), seed: fc.integer({ min: 1, max: 2 ** 30 }), up: fc.boolean() }), { minLength: 3, maxLength: 40 }), (rows) => {
        const total = rows.reduce((s, r) => s + r.eur, 0);
        fc.pre(Math.max(...rows.map((r) => r.eur)) <= 0.85 * total);
        const records = rows.map((r, i) => ({ unitId: `u${String(i)}`, dimensions: { YEAR: "2024" }, contributions: { eur: { value: r.eur } }, keys: keys(r.seed, r.up ? 1 : -1) }));
        const built = buildCubeFromRecords({ dimensions: [{ id: "YEAR", categories: ["2024"] }], measures: [sum], records });
        if (!built.ok) throw new Error("cube");
        const v = publishedValue(sum, built.value.cube.cells[0]!.measures.eur!, built.value.perturbed[0]!.eur!)!;
        expect(Math.abs(v - total)).toBeLessThanOrEqual(maxRelativeError() * total + 0.01);
      }),
    );
  });

  it("leave one MSP's figure at least 12 % off once the cell-key term is averaged away", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.boolean(), (eur, seed, up) => {
        const k = keys(seed, up ? 1 : -1);
        const perturbed = eur * contributionFactor(k.direction, k.valueDraw);
        expect(Math.abs(perturbed - eur)).toBeGreaterThanOrEqual(0.12 * eur - 1e-6);
      }),
    );
  });
});
