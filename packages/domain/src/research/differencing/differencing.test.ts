import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { findDifferencingRisks, firstDifferencingRisk, type PublishedCellUnits } from "./differencing.js";

const cell = (answerId: string, cellKey: string, units: string[]): PublishedCellUnits => ({ answerId, cellKey, units });

describe("findDifferencingRisks (DOMAIN.md §6.3 R6)", () => {
  it("flags a nested pair that isolates one or two MSPs (same coordinates, narrower filter)", () => {
    const before = [cell("q1", "2025 · Dordogne", ["m1", "m2", "m3", "m4", "m5"])];
    const now = [cell("q2", "2025 · Dordogne · PEPS", ["m1", "m2", "m3", "m4"])];
    expect(findDifferencingRisks(before, now)).toEqual([{ kind: "NESTED", a: now[0], b: before[0], onlyInA: 0, onlyInB: 1 }]);
    const two = [cell("q2", "x", ["m1", "m2", "m3"])];
    expect(firstDifferencingRisk(before, two)).toMatchObject({ kind: "NESTED", onlyInB: 2 });
  });

  it("accepts a nested pair whose difference has at least `threshold` MSPs, identical and disjoint sets", () => {
    const before = [cell("q1", "all", ["m1", "m2", "m3", "m4", "m5", "m6"])];
    expect(findDifferencingRisks(before, [cell("q2", "sub", ["m1", "m2", "m3"])])).toEqual([]);
    expect(findDifferencingRisks(before, [cell("q2", "same", ["m6", "m5", "m4", "m3", "m2", "m1"])])).toEqual([]);
    expect(findDifferencingRisks(before, [cell("q2", "other", ["n1", "n2", "n3", "n4", "n5"])])).toEqual([]);
    expect(findDifferencingRisks(before, [cell("q2", "empty", [])])).toEqual([]);
  });

  it("checks the new answer's cells against each other (nested groupings in one answer)", () => {
    const now = [cell("q1", "région", ["m1", "m2", "m3", "m4"]), cell("q1", "département", ["m1", "m2", "m3"])];
    expect(findDifferencingRisks([], now)).toHaveLength(1);
  });

  it("flags overlapping cells whose two differences are both small, unless told not to", () => {
    const before = [cell("q1", "a", ["m1", "m2", "m3", "m4", "m5"])];
    const now = [cell("q2", "b", ["m2", "m3", "m4", "m5", "m6"])];
    expect(findDifferencingRisks(before, now)).toMatchObject([{ kind: "OVERLAP", onlyInA: 1, onlyInB: 1 }]);
    expect(findDifferencingRisks(before, now, { includeOverlaps: false })).toEqual([]);
  });

  it("follows the configured threshold", () => {
    const before = [cell("q1", "a", Array.from({ length: 20 }, (_, i) => `m${String(i)}`))];
    const now = [cell("q2", "b", Array.from({ length: 10 }, (_, i) => `m${String(i)}`))];
    expect(findDifferencingRisks(before, now, { threshold: 11 })).toMatchObject([{ kind: "NESTED", onlyInB: 10 }]);
    expect(findDifferencingRisks(before, now, { threshold: 3 })).toEqual([]);
  });

  it("finds exactly the pairs a brute-force comparison finds", () => {
    const units = fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 10 }).map((xs) => xs.map((x) => `m${String(x)}`));
    fc.assert(
      fc.property(fc.array(units, { maxLength: 8 }), fc.array(units, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 5 }), (prev, next, threshold) => {
        const previous = prev.map((u, i) => cell("old", `p${String(i)}`, u));
        const current = next.map((u, i) => cell("new", `c${String(i)}`, u));
        const found = findDifferencingRisks(previous, current, { threshold }).map((r) => [r.a.cellKey, r.b.cellKey].sort().join("|")).sort();
        const expected: string[] = [];
        const all = [...previous, ...current];
        for (let i = 0; i < all.length; i += 1) {
          for (let j = i + 1; j < all.length; j += 1) {
            const a = all[i];
            const b = all[j];
            if (a === undefined || b === undefined || (a.answerId === "old" && b.answerId === "old")) continue;
            const onlyA = a.units.filter((u) => !b.units.includes(u)).length;
            const onlyB = b.units.filter((u) => !a.units.includes(u)).length;
            const common = a.units.length - onlyA;
            const small = (n: number): boolean => n >= 1 && n < threshold;
            if (common > 0 && ((onlyA === 0 && small(onlyB)) || (onlyB === 0 && small(onlyA)) || (small(onlyA) && small(onlyB)))) {
              expected.push([a.cellKey, b.cellKey].sort().join("|"));
            }
          }
        }
        expect(found).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});
