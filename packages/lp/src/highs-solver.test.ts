import { beforeAll, describe, expect, it } from "vitest";

import { createHighsLpSolver, type LpBound, type LpSolver } from "./index.js";

const value = (bound: LpBound | undefined): number => {
  if (bound?.status !== "OPTIMAL") throw new Error(`expected an optimum, got ${JSON.stringify(bound)}`);
  return bound.value;
};

describe("createHighsLpSolver", () => {
  let solver: LpSolver;
  beforeAll(async () => {
    solver = await createHighsLpSolver();
  });

  it("finds the interval of T-SDC-1's suppressed cell under the valid pattern (DOMAIN.md §6.3)", () => {
    // Variables A0, A1, C0, C1 ≥ 0; A0 + A1 = 33, C0 + C1 = 52, A1 + C1 = 20, A0 + C0 = 65.
    const [a0, a1, c0, c1] = solver.ranges(
      {
        variableCount: 4,
        lowerBounds: [0, 0, 0, 0],
        equalities: [
          { indices: [0, 1], coefficients: [1, 1], rhs: 33 },
          { indices: [2, 3], coefficients: [1, 1], rhs: 52 },
          { indices: [1, 3], coefficients: [1, 1], rhs: 20 },
          { indices: [0, 2], coefficients: [1, 1], rhs: 65 },
        ],
      },
      [0, 1, 2, 3],
    );
    expect(value(a1?.min)).toBeCloseTo(0, 9);
    expect(value(a1?.max)).toBeCloseTo(20, 9);
    expect(value(a0?.min)).toBeCloseTo(13, 9);
    expect(value(a0?.max)).toBeCloseTo(33, 9);
    expect(value(c0?.min)).toBeCloseTo(32, 9);
    expect(value(c1?.max)).toBeCloseTo(20, 9);
  });

  it("pins a cell that the equations determine (the naive pattern of T-SDC-1)", () => {
    // Only A1 suppressed: A1 = 33 − 25.
    const [a1] = solver.ranges({ variableCount: 1, lowerBounds: [0], equalities: [{ indices: [0], coefficients: [1], rhs: 8 }] }, [0]);
    expect(value(a1?.min)).toBeCloseTo(8, 9);
    expect(value(a1?.max)).toBeCloseTo(8, 9);
  });

  it("reports unbounded directions and free variables", () => {
    const [x] = solver.ranges({ variableCount: 2, lowerBounds: [0, 0], equalities: [{ indices: [0, 1], coefficients: [1, -1], rhs: 0 }] }, [0]);
    expect(value(x?.min)).toBeCloseTo(0, 9);
    expect(x?.max.status).toBe("UNBOUNDED");
    const [y] = solver.ranges(
      { variableCount: 2, lowerBounds: [-Infinity, -Infinity], equalities: [{ indices: [0, 1], coefficients: [1, 1], rhs: 5 }] },
      [1],
    );
    expect(y).toEqual({ min: { status: "UNBOUNDED" }, max: { status: "UNBOUNDED" } });
  });

  it("reports an infeasible program", () => {
    const [x] = solver.ranges({ variableCount: 2, lowerBounds: [0, 0], equalities: [{ indices: [0, 1], coefficients: [1, 1], rhs: -1 }] }, [0]);
    expect(x?.min.status).toBe("INFEASIBLE");
    expect(x?.max.status).toBe("INFEASIBLE");
  });

  it("answers a program without equalities from the bounds alone", () => {
    expect(solver.ranges({ variableCount: 2, lowerBounds: [0, -Infinity], equalities: [] }, [0, 1])).toEqual([
      { min: { status: "OPTIMAL", value: 0 }, max: { status: "UNBOUNDED" } },
      { min: { status: "UNBOUNDED" }, max: { status: "UNBOUNDED" } },
    ]);
  });

  it("merges repeated indices and refuses malformed programs", () => {
    const [x] = solver.ranges({ variableCount: 1, lowerBounds: [0], equalities: [{ indices: [0, 0], coefficients: [1, 1], rhs: 6 }] }, [0]);
    expect(value(x?.max)).toBeCloseTo(3, 9);
    expect(() => solver.ranges({ variableCount: 1, lowerBounds: [0], equalities: [{ indices: [1], coefficients: [1], rhs: 1 }] }, [0])).toThrow(RangeError);
    expect(() => solver.ranges({ variableCount: 1, lowerBounds: [], equalities: [] }, [0])).toThrow(RangeError);
  });
});
