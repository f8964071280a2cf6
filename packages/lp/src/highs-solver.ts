import * as highsModule from "highs";
import type { Highs } from "highs";

import type { LinearProgram, LpBound, LpRange, LpSolver } from "./linear-program.js";

type HighsRuntime = Highs;

/**
 * `highs` ships CommonJS type declarations with a default export, an ES module whose default export is the
 * loader, and a CommonJS build that sets both `module.exports` and `module.exports.default` to it: depending
 * on the module system the loader is the namespace's `default` or its `default.default`.
 */
const loadHighs: () => Promise<Highs> = (() => {
  const ns = highsModule as unknown as { default: unknown };
  const candidate = typeof ns.default === "function" ? ns.default : (ns.default as { default: unknown }).default;
  if (typeof candidate !== "function") throw new Error("highs: loader not found");
  return candidate as () => Promise<Highs>;
})();
type HighsModel = ReturnType<HighsRuntime["createModel"]>;

/** HiGHS model status codes (`highs.constants.modelStatus`, stable C API). */
const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10 } as const;

let runtime: Promise<HighsRuntime> | undefined;

/** Loads the HiGHS WebAssembly runtime once per process (≈ 0.1 s). */
function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs();
  return runtime;
}

/**
 * An {@link LpSolver} on HiGHS (University of Edinburgh's LP/MIP solver compiled to WebAssembly, package
 * `highs`, MIT). One persistent model per program: the constraint matrix is loaded once, then the objective
 * is switched from variable to variable and re-solved from the previous basis (dual simplex warm start),
 * which keeps an interval audit of a few hundred suppressed cells in the tens of milliseconds.
 */
export async function createHighsLpSolver(): Promise<LpSolver> {
  const highs = await highsRuntime();
  return {
    name: "highs",
    ranges: (program, variables) => ranges(highs, program, variables),
  };
}

function ranges(highs: HighsRuntime, program: LinearProgram, variables: readonly number[]): LpRange[] {
  checkProgram(program, variables);
  if (variables.length === 0) return [];
  if (program.equalities.length === 0) {
    // No constraint: each variable ranges over [lower bound, +∞).
    return variables.map((v) => {
      const lower = program.lowerBounds[v] ?? 0;
      return {
        min: Number.isFinite(lower) ? { status: "OPTIMAL", value: lower } : { status: "UNBOUNDED" },
        max: { status: "UNBOUNDED" },
      };
    });
  }
  const model = highs.createModel();
  try {
    // Presolve off: the programs are small and each re-solve starts from the previous basis (warm start).
    model.options.set({ output_flag: false, presolve: "off" });
    for (let i = 0; i < program.variableCount; i += 1) {
      const lower = program.lowerBounds[i] ?? 0;
      model.addVar(Number.isFinite(lower) ? lower : -highs.infinity, highs.infinity);
    }
    for (const row of program.equalities) {
      const merged = new Map<number, number>();
      row.indices.forEach((index, k) => merged.set(index, (merged.get(index) ?? 0) + (row.coefficients[k] ?? 0)));
      const entries = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
      model.addRow(row.rhs, row.rhs, { indices: entries.map(([i]) => i), values: entries.map(([, c]) => c) });
    }
    // All minima, then all maxima: the objective sense changes once, and each solve starts from the last basis.
    let previous: number | undefined;
    const sweep = (sense: "min" | "max"): LpBound[] =>
      variables.map((variable) => {
        if (previous !== undefined) model.changeColCost(previous, 0);
        model.changeColCost(variable, 1);
        previous = variable;
        return optimize(highs, model, variable, sense);
      });
    const minima = sweep("min");
    const maxima = sweep("max");
    return variables.map((_, i) => ({ min: minima[i] ?? { status: "INFEASIBLE" }, max: maxima[i] ?? { status: "INFEASIBLE" } }));
  } finally {
    model.dispose();
  }
}

function optimize(highs: HighsRuntime, model: HighsModel, variable: number, sense: "min" | "max"): LpBound {
  model.changeObjectiveSense(sense === "min" ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize);
  model.run();
  const status = model.getModelStatus();
  if (status === STATUS.optimal) {
    // The objective is the variable itself (cost 1, every other cost 0).
    return { status: "OPTIMAL", value: model.getObjectiveValue() };
  }
  if (status === STATUS.unbounded) return { status: "UNBOUNDED" };
  if (status === STATUS.infeasible) return { status: "INFEASIBLE" };
  if (status === STATUS.unboundedOrInfeasible) {
    // Not told apart: solve the feasibility problem (zero objective) to separate the two outcomes.
    model.changeColCost(variable, 0);
    try {
      model.run();
      const feasible = model.getModelStatus() === STATUS.optimal;
      return feasible ? { status: "UNBOUNDED" } : { status: "INFEASIBLE" };
    } finally {
      model.changeColCost(variable, 1);
    }
  }
  throw new Error(`HiGHS: unexpected model status ${String(status)}`);
}

function checkProgram(program: LinearProgram, variables: readonly number[]): void {
  const n = program.variableCount;
  if (!Number.isInteger(n) || n < 0) throw new RangeError("variableCount must be a non-negative integer");
  if (program.lowerBounds.length !== n) throw new RangeError("lowerBounds must have one entry per variable");
  for (const row of program.equalities) {
    if (row.indices.length !== row.coefficients.length) throw new RangeError("an equality has indices and coefficients of different lengths");
    if (!Number.isFinite(row.rhs)) throw new RangeError("an equality's right-hand side must be finite");
    for (const i of row.indices) if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`variable index ${String(i)} out of range`);
    for (const c of row.coefficients) if (!Number.isFinite(c)) throw new RangeError("coefficients must be finite");
  }
  for (const v of variables) if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`variable index ${String(v)} out of range`);
}
