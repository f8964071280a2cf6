/**
 * The linear-programming solver that the interval audit needs, injected by the caller: `@maillage/domain`
 * has no runtime dependency, so the solver lives in `@maillage/lp` (HiGHS adapter, `createHighsLpSolver`),
 * which implements this contract structurally (docs/adr/0008-disclosure-control.md).
 */

/** `Σ coefficients[k] · x[indices[k]] = rhs`. */
export type LinearEquality = {
  readonly indices: readonly number[];
  readonly coefficients: readonly number[];
  readonly rhs: number;
};

/** Variables `x[0..variableCount-1]`, each `≥ lowerBounds[i]` (`-Infinity` = free), no upper bound, equalities only. */
export type LinearProgram = {
  readonly variableCount: number;
  readonly lowerBounds: readonly number[];
  readonly equalities: readonly LinearEquality[];
};

export type LpBound =
  | { readonly status: "OPTIMAL"; readonly value: number }
  | { readonly status: "UNBOUNDED" }
  | { readonly status: "INFEASIBLE" };

/** The minimum and the maximum of one variable over the feasible set. */
export type LpRange = { readonly min: LpBound; readonly max: LpBound };

export type LpSolver = {
  readonly name: string;
  /** For each listed variable (index into the program), its minimum and maximum over the feasible set. */
  ranges(program: LinearProgram, variables: readonly number[]): readonly LpRange[];
};
