import { err, ok, type Result } from "../../shared/result.js";
import { intervals, linesWithOneSuppressed, satisfies } from "./audit.js";
import { DEFAULT_DISCLOSURE_THRESHOLDS, type DisclosureThresholds } from "./config.js";
import { buildInternalCube, type Cube, externalCoordinates, type SdcInputError } from "./cube.js";
import { searchHypercubes } from "./hypercube.js";
import { sensitiveLineGroups } from "./line-groups.js";
import type { LpSolver } from "./lp.js";
import { primarySuppression, type Requirement } from "./primary.js";
import {
  type CubeInput,
  type PrimaryReason,
  type ProtectedCell,
  type ProtectedCube,
  SUPPRESSION_REASONS,
  type SuppressionReason,
} from "./types.js";

export type ProtectOptions = {
  /** The LP solver (`createHighsLpSolver()` of `@maillage/lp`), used when no single hypercube proves a cell safe. */
  readonly solver: LpSolver;
  /** Resolved thresholds (`resolveDisclosureThresholds`); defaults when absent. */
  readonly thresholds?: DisclosureThresholds;
};

/** How many extra hypercubes are tried for a cell that no single hypercube protects, before masking everything. */
const MAX_LP_ROUNDS = 12;

/**
 * Statistical disclosure control of one answer (DOMAIN.md §6.3 R1–R5; docs/research.md): primary suppression of
 * every sensitive cell, then complementary suppression (R2) by hypercubes — one pattern for the whole cube, i.e.
 * for every measure and every margin (1-D and 2-D margins of a 3-D cube are its cells with `null` coordinates), so
 * linked tables of one answer are consistent. Deterministic: no randomness; ties are broken by the code-point
 * order of the categories, so neither the order of the cells nor that of the categories changes the pattern.
 *
 * Guarantees, checked by `auditCubePattern` (LP) in the tests: no 1-D line holds exactly one suppressed cell, and
 * every primary-suppressed value's feasible interval covers its protection interval.
 */
export function protectCube(input: CubeInput, options: ProtectOptions): Result<ProtectedCube, readonly SdcInputError[]> {
  const built = buildInternalCube(input);
  if (!built.ok) return err(built.error);
  const cube = built.value;
  const thresholds = options.thresholds ?? DEFAULT_DISCLOSURE_THRESHOLDS;
  const primary = primarySuppression(cube, thresholds);

  const suppressed = new Uint8Array(cube.cellCount);
  const requirementsByCell = groupByCell(primary.requirements);
  for (const cell of requirementsByCell.keys()) suppressed[cell] = 1;

  const costWeights = costWeightsOf(cube);
  const unproven: number[] = [];
  let provenByHypercube = 0;
  for (const [cell, requirements] of requirementsByCell) {
    const { best } = searchHypercubes(cube, cell, requirements, suppressed, costWeights, false);
    if (best !== undefined) {
      for (const corner of best.corners) suppressed[corner] = 1;
      provenByHypercube += 1;
      continue;
    }
    const fallback = searchHypercubes(cube, cell, requirements, suppressed, costWeights, true).ranked[0];
    if (fallback !== undefined) for (const corner of fallback.corners) suppressed[corner] = 1;
    unproven.push(cell);
  }

  let wholeCubeSuppressed = false;
  if (unproven.length > 0) {
    wholeCubeSuppressed = !proveWithLp(cube, unproven, requirementsByCell, suppressed, options.solver, costWeights);
    if (wholeCubeSuppressed) suppressed.fill(1);
  }

  // R2's literal rule as a last safety net (hypercubes already satisfy it): no line with exactly one masked cell;
  // and no line whose masked cells add up to a sensitive figure (singletons). Both only add cells, so every proof
  // above stays valid; the loop ends because the suppressed set only grows.
  for (let guard = 0; guard <= cube.cellCount; guard += 1) {
    const lonely = linesWithOneSuppressed(cube, suppressed);
    const groups = lonely.length === 0 ? sensitiveLineGroups(cube, suppressed, thresholds) : [];
    if (lonely.length === 0 && groups.length === 0) break;
    for (const l of [...lonely, ...groups]) {
      const line = cube.lines[l]?.cells ?? [];
      const inner = line.slice(0, -1).filter((c) => suppressed[c] !== 1);
      const candidates = inner.length > 0 ? inner : line.filter((c) => suppressed[c] !== 1);
      const cost = (c: number): number => costWeights[c] ?? 0;
      const nonZero = candidates.filter((c) => cost(c) > 0);
      const pool = nonZero.length > 0 ? nonZero : candidates;
      const cheapest = pool.reduce<number | undefined>((a, c) => (a === undefined || cost(c) < cost(a) ? c : a), undefined);
      if (cheapest !== undefined) suppressed[cheapest] = 1;
    }
  }

  return ok(buildOutput(cube, thresholds, primary.reasons, suppressed, {
    provenByHypercube,
    provenByLp: wholeCubeSuppressed ? 0 : unproven.length,
    wholeCubeSuppressed,
  }));
}

/**
 * What masking a cell costs (R2 "cost = value"): its values, each series divided by its largest magnitude so that
 * euros and counts weigh alike, summed in the order of measure ids (not the caller's order of measures).
 */
function costWeightsOf(cube: Cube): Float64Array {
  const order = cube.series
    .map((series, index) => ({ index, key: `${cube.measures[series.measure]?.id ?? ""}\u0000${series.part}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const weights = new Float64Array(cube.cellCount);
  for (let cell = 0; cell < cube.cellCount; cell += 1) {
    let weight = 0;
    for (const { index } of order) {
      const series = cube.series[index];
      if (series !== undefined) weight += Math.abs(series.values[cell] ?? 0) / series.scale;
    }
    weights[cell] = weight;
  }
  return weights;
}

function groupByCell(requirements: readonly Requirement[]): Map<number, Requirement[]> {
  const map = new Map<number, Requirement[]>();
  for (const r of [...requirements].sort((a, b) => a.cell - b.cell || a.series - b.series)) {
    const list = map.get(r.cell) ?? [];
    list.push(r);
    map.set(r.cell, list);
  }
  return map;
}

/** Adds hypercubes (best protection first) to the unproven cells until the LP audit proves them; false if it never does. */
function proveWithLp(
  cube: Cube,
  unproven: readonly number[],
  requirementsByCell: ReadonlyMap<number, readonly Requirement[]>,
  suppressed: Uint8Array,
  solver: LpSolver,
  costWeights: Float64Array,
): boolean {
  const tried = new Map<number, number>(unproven.map((cell) => [cell, 1]));
  for (let round = 0; round < MAX_LP_ROUNDS; round += 1) {
    const requirements = unproven.flatMap((cell) => requirementsByCell.get(cell) ?? []);
    const found = intervals(cube, suppressed, solver, requirements);
    const failing = new Set<number>();
    requirements.forEach((r) => {
      const interval = found.find((i) => i.cell === r.cell && i.series === r.series);
      if (interval === undefined || !satisfies(cube, r, interval)) failing.add(r.cell);
    });
    if (failing.size === 0) return true;
    for (const cell of [...failing].sort((a, b) => a - b)) {
      const next = tried.get(cell) ?? 0;
      const ranked = searchHypercubes(cube, cell, requirementsByCell.get(cell) ?? [], suppressed, costWeights, true).ranked;
      const candidate = ranked.find((h) => h.newCells > 0);
      if (candidate === undefined) return false;
      for (const corner of candidate.corners) suppressed[corner] = 1;
      tried.set(cell, next + 1);
    }
  }
  return false;
}

type ProofCounts = { readonly provenByHypercube: number; readonly provenByLp: number; readonly wholeCubeSuppressed: boolean };

function buildOutput(
  cube: Cube,
  thresholds: DisclosureThresholds,
  primaryReasons: readonly (readonly PrimaryReason[])[],
  suppressed: Uint8Array,
  proof: ProofCounts,
): ProtectedCube {
  const byReason = Object.fromEntries(SUPPRESSION_REASONS.map((r) => [r, 0])) as Record<SuppressionReason, number>;
  let primary = 0;
  let complementary = 0;
  const cells: ProtectedCell[] = [];
  for (const cell of displayOrder(cube)) {
    const coordinates = externalCoordinates(cube, cell);
    if (suppressed[cell] === 1) {
      const own = primaryReasons[cell] ?? [];
      const reasons: SuppressionReason[] = own.length > 0 ? SUPPRESSION_REASONS.filter((r) => (own as readonly string[]).includes(r)) : ["COMPLEMENTARY"];
      const reason = reasons[0] ?? "COMPLEMENTARY";
      byReason[reason] += 1;
      if (own.length > 0) primary += 1;
      else complementary += 1;
      cells.push({ coordinates, suppressed: true, reason, reasons });
    } else {
      const values: Record<string, number | null> = {};
      cube.measures.forEach((measure, m) => {
        const cm = cube.cellMeasures[m]?.[cell];
        if (cm === undefined) return;
        if (measure.kind === "MEAN" || measure.kind === "RATE") {
          const den = cm.denominator ?? 0;
          values[measure.id] = den > 0 ? cm.value / den : null;
        } else {
          values[measure.id] = cm.value;
        }
      });
      cells.push({ coordinates, suppressed: false, values });
    }
  }
  return {
    dimensions: cube.input.dimensions,
    measures: cube.measures,
    cells,
    thresholds,
    summary: {
      cells: cube.cellCount,
      suppressed: primary + complementary,
      suppressedByReason: byReason,
      primary,
      complementary,
      ...proof,
    },
  };
}

/** Cells in the caller's category order, the margin last in each dimension (row-major). */
export function displayOrder(cube: Cube): number[] {
  const perDimension = cube.input.dimensions.map((dimension, d) => {
    const canonical = cube.categories[d] ?? [];
    return [...dimension.categories.map((category) => canonical.indexOf(category)), canonical.length];
  });
  let order: number[] = [0];
  perDimension.forEach((indices, d) => {
    const stride = cube.strides[d] ?? 1;
    order = order.flatMap((base) => indices.map((i) => base + i * stride));
  });
  return order;
}
