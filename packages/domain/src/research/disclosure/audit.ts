import type { Cube } from "./cube.js";
import type { LinearEquality, LpBound, LpSolver } from "./lp.js";
import type { Requirement } from "./primary.js";

/** The feasible interval of one suppressed value, as an attacker who knows every published cell can compute it. */
export type CellInterval = {
  readonly cell: number;
  readonly series: number;
  readonly min: number;
  readonly max: number;
};

/**
 * Interval audit (DOMAIN.md §6.3 R2 "recompute until no masked cell is derivable by linear equations"; the
 * τ-Argus audit [S69]): for each requested suppressed cell and series, minimise and maximise its value subject to
 * every additive relation of the cube (each 1-D line: inner cells sum to the margin) with the published cells
 * fixed to their values, and non-negativity where the measure is non-negative. Suppressed cells are split into
 * independent components (cells linked through a line); each component is one LP, solved once per cell and
 * direction by the injected solver. Values are scaled by the series' largest magnitude before solving.
 */
export function intervals(
  cube: Cube,
  suppressed: Uint8Array,
  solver: LpSolver,
  wanted: readonly { readonly cell: number; readonly series: number }[],
): CellInterval[] {
  if (wanted.length === 0) return [];
  const components = componentsOf(cube, suppressed);
  const result: CellInterval[] = [];
  const bySeriesAndComponent = new Map<string, number[]>();
  for (const w of wanted) {
    if (suppressed[w.cell] !== 1) {
      const v = cube.series[w.series]?.values[w.cell] ?? 0;
      result.push({ cell: w.cell, series: w.series, min: v, max: v });
      continue;
    }
    const key = `${String(w.series)}:${String(components.componentOf[w.cell] ?? -1)}`;
    const list = bySeriesAndComponent.get(key) ?? [];
    if (!list.includes(w.cell)) list.push(w.cell);
    bySeriesAndComponent.set(key, list);
  }
  const sortedKeys = [...bySeriesAndComponent.keys()].sort();
  for (const key of sortedKeys) {
    const [seriesText, componentText] = key.split(":");
    const seriesIndex = Number(seriesText);
    const component = components.list[Number(componentText)];
    const series = cube.series[seriesIndex];
    const cells = bySeriesAndComponent.get(key) ?? [];
    if (component === undefined || series === undefined) continue;
    const position = new Map(component.cells.map((cell, i) => [cell, i]));
    const equalities: LinearEquality[] = component.lines.map((lineIndex) => {
      const line = cube.lines[lineIndex];
      const cellsOfLine = line?.cells ?? [];
      const indices: number[] = [];
      const coefficients: number[] = [];
      let rhs = 0;
      cellsOfLine.forEach((cell, k) => {
        const coefficient = k === cellsOfLine.length - 1 ? -1 : 1; // inner cells − margin = 0
        const at = position.get(cell);
        if (at !== undefined) {
          indices.push(at);
          coefficients.push(coefficient);
        } else {
          rhs -= (coefficient * (series.values[cell] ?? 0)) / series.scale;
        }
      });
      return { indices, coefficients, rhs };
    });
    const lowerBounds = component.cells.map(() => (series.nonNegative ? 0 : -Infinity));
    const variables = cells.map((cell) => position.get(cell) ?? 0);
    const ranges = solver.ranges({ variableCount: component.cells.length, lowerBounds, equalities }, variables);
    cells.forEach((cell, i) => {
      const range = ranges[i];
      result.push({
        cell,
        series: seriesIndex,
        min: bound(range?.min, -Infinity) * series.scale,
        max: bound(range?.max, Infinity) * series.scale,
      });
    });
  }
  return result;
}

function bound(b: LpBound | undefined, unbounded: number): number {
  if (b === undefined || b.status === "INFEASIBLE") {
    // The true values are always feasible: an infeasible answer is a numerical failure of the solver.
    throw new Error("disclosure audit: the LP solver found the published table infeasible");
  }
  return b.status === "UNBOUNDED" ? unbounded : b.value;
}

/** Whether an interval satisfies a requirement (with a tolerance relative to the series' scale). */
export function satisfies(cube: Cube, requirement: Requirement, interval: CellInterval): boolean {
  const tolerance = 1e-6 * (cube.series[requirement.series]?.scale ?? 1);
  return (
    interval.max >= requirement.value + requirement.upper - tolerance && interval.min <= requirement.value - requirement.lower + tolerance
  );
}

type Component = { readonly cells: number[]; readonly lines: number[] };

function componentsOf(cube: Cube, suppressed: Uint8Array): { list: Component[]; componentOf: Int32Array } {
  const parent = new Int32Array(cube.cellCount).map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[x] !== root) {
      const next = parent[x] ?? root;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const touching: number[] = [];
  cube.lines.forEach((line, l) => {
    let first = -1;
    for (const cell of line.cells) {
      if (suppressed[cell] !== 1) continue;
      if (first < 0) first = cell;
      else parent[find(cell)] = find(first);
    }
    if (first >= 0) touching.push(l);
  });
  const componentOf = new Int32Array(cube.cellCount).fill(-1);
  const list: Component[] = [];
  const rootIndex = new Map<number, number>();
  for (let cell = 0; cell < cube.cellCount; cell += 1) {
    if (suppressed[cell] !== 1) continue;
    const root = find(cell);
    let index = rootIndex.get(root);
    if (index === undefined) {
      index = list.length;
      rootIndex.set(root, index);
      list.push({ cells: [], lines: [] });
    }
    list[index]?.cells.push(cell);
    componentOf[cell] = index;
  }
  for (const l of touching) {
    const first = cube.lines[l]?.cells.find((cell) => suppressed[cell] === 1);
    if (first !== undefined) list[componentOf[first] ?? 0]?.lines.push(l);
  }
  return { list, componentOf };
}

/** Lines (1-D rows/columns of the cube, margins included) holding exactly one suppressed cell: R2 violations. */
export function linesWithOneSuppressed(cube: Cube, suppressed: Uint8Array): number[] {
  const result: number[] = [];
  cube.lines.forEach((line, l) => {
    let count = 0;
    for (const cell of line.cells) if (suppressed[cell] === 1) count += 1;
    if (count === 1) result.push(l);
  });
  return result;
}
