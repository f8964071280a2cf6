import { err, ok, type Result } from "../../shared/result.js";
import { intervals, linesWithOneSuppressed, satisfies } from "./audit.js";
import { DEFAULT_DISCLOSURE_THRESHOLDS, type DisclosureThresholds } from "./config.js";
import { buildInternalCube, type Cube, coordinateKey, externalCoordinates, type SdcInputError } from "./cube.js";
import type { LpSolver } from "./lp.js";
import { sensitiveLineGroups } from "./line-groups.js";
import { primarySuppression, type Requirement } from "./primary.js";
import type { Coordinate, CubeInput, PrimaryReason, ProtectedCube, ResearchDimension } from "./types.js";

/** One suppressed value (cell × additive part of a measure) as the interval audit sees it. */
export type AuditedValue = {
  readonly coordinates: readonly Coordinate[];
  readonly measureId: string;
  readonly part: "value" | "numerator" | "denominator";
  readonly value: number;
  /** Feasible interval for someone who knows every published cell (±Infinity when unbounded). */
  readonly min: number;
  readonly max: number;
  /** The protection interval the feasible interval must cover; `null` for values with no primary reason. */
  readonly requiredMin: number | null;
  readonly requiredMax: number | null;
  readonly reasons: readonly PrimaryReason[];
  readonly passed: boolean;
};

export type PatternAudit = {
  readonly passed: boolean;
  /** Primary-sensitive cells that the pattern publishes. */
  readonly publishedPrimary: readonly (readonly Coordinate[])[];
  /** 1-D lines (margins included) with exactly one suppressed cell. */
  readonly lonelyLines: readonly { readonly dimension: ResearchDimension; readonly cells: readonly (readonly Coordinate[])[] }[];
  /** 1-D lines whose published margin reveals the total of masked cells that is itself sensitive (singletons). */
  readonly sensitiveGroups: readonly { readonly dimension: ResearchDimension; readonly cells: readonly (readonly Coordinate[])[] }[];
  /** Every suppressed cell, for every additive part of every measure. */
  readonly values: readonly AuditedValue[];
};

export type AuditOptions = {
  readonly solver: LpSolver;
  /**
   * `ALL` (default): the interval of every suppressed cell for every additive part of every measure; `PRIMARY`:
   * only the values that carry a protection requirement (what the guarantee needs; fewer LPs).
   */
  readonly scope?: "ALL" | "PRIMARY";
};

/**
 * Audits a suppression pattern (the engine's or any other) against a cube (DOMAIN.md §6.3 R1–R5, R2 "recompute
 * until no masked cell is derivable by linear equations"): every primary cell must be suppressed, no line may
 * hold exactly one suppressed cell, and the LP interval of every primary value must cover its protection
 * interval. T-SDC-1's naive patterns fail it; `protectCube`'s patterns pass it.
 */
export function auditCubePattern(
  input: CubeInput,
  pattern: readonly (readonly Coordinate[])[],
  options: AuditOptions & { readonly thresholds?: DisclosureThresholds },
): Result<PatternAudit, readonly SdcInputError[]> {
  const built = buildInternalCube(input);
  if (!built.ok) return err(built.error);
  const cube = built.value;
  const primary = primarySuppression(cube, options.thresholds ?? DEFAULT_DISCLOSURE_THRESHOLDS);

  const suppressed = new Uint8Array(cube.cellCount);
  const wanted = new Set(pattern.map(coordinateKey));
  for (let cell = 0; cell < cube.cellCount; cell += 1) {
    if (wanted.has(coordinateKey(externalCoordinates(cube, cell)))) suppressed[cell] = 1;
  }
  const thresholds = options.thresholds ?? DEFAULT_DISCLOSURE_THRESHOLDS;
  return ok(auditSuppressed(cube, thresholds, primary.requirements, primary.reasons, suppressed, options.solver, options.scope ?? "ALL"));
}

/** Audits the pattern that `protectCube` returned for the same input and thresholds. */
export function auditProtectedCube(
  input: CubeInput,
  result: ProtectedCube,
  options: AuditOptions,
): Result<PatternAudit, readonly SdcInputError[]> {
  const pattern = result.cells.filter((c) => c.suppressed).map((c) => c.coordinates);
  return auditCubePattern(input, pattern, { ...options, thresholds: result.thresholds });
}

function auditSuppressed(
  cube: Cube,
  thresholds: DisclosureThresholds,
  requirements: readonly Requirement[],
  reasons: readonly (readonly PrimaryReason[])[],
  suppressed: Uint8Array,
  solver: LpSolver,
  scope: "ALL" | "PRIMARY",
): PatternAudit {
  const publishedPrimary = [...new Set(requirements.map((r) => r.cell))]
    .filter((cell) => suppressed[cell] !== 1)
    .sort((a, b) => a - b)
    .map((cell) => externalCoordinates(cube, cell));
  const describe = (l: number): { dimension: ResearchDimension; cells: Coordinate[][] } => {
    const line = cube.lines[l];
    return {
      dimension: cube.input.dimensions[line?.dimension ?? 0]?.id ?? "YEAR",
      cells: (line?.cells ?? []).map((cell) => externalCoordinates(cube, cell)),
    };
  };
  const lonelyLines = linesWithOneSuppressed(cube, suppressed).map(describe);
  const sensitiveGroups = sensitiveLineGroups(cube, suppressed, thresholds).map(describe);
  const wanted: { cell: number; series: number }[] = [];
  if (scope === "PRIMARY") {
    const seen = new Set<string>();
    for (const r of requirements) {
      const key = `${String(r.cell)}:${String(r.series)}`;
      if (suppressed[r.cell] === 1 && !seen.has(key)) wanted.push({ cell: r.cell, series: r.series });
      seen.add(key);
    }
  } else {
    for (let cell = 0; cell < cube.cellCount; cell += 1) {
      if (suppressed[cell] !== 1) continue;
      cube.series.forEach((_, series) => wanted.push({ cell, series }));
    }
  }
  const found = intervals(cube, suppressed, solver, wanted);
  const values: AuditedValue[] = found.map((interval) => {
    const series = cube.series[interval.series];
    const own = requirements.filter((r) => r.cell === interval.cell && r.series === interval.series);
    const value = series?.values[interval.cell] ?? 0;
    const upper = own.length > 0 ? Math.max(...own.map((r) => r.upper)) : null;
    const lower = own.length > 0 ? Math.max(...own.map((r) => r.lower)) : null;
    return {
      coordinates: externalCoordinates(cube, interval.cell),
      measureId: cube.measures[series?.measure ?? 0]?.id ?? "",
      part: series?.part ?? "value",
      value,
      min: interval.min,
      max: interval.max,
      requiredMin: lower === null ? null : value - lower,
      requiredMax: upper === null ? null : value + upper,
      reasons: reasons[interval.cell] ?? [],
      passed: own.every((r) => satisfies(cube, r, interval)),
    };
  });
  return {
    passed: publishedPrimary.length === 0 && lonelyLines.length === 0 && sensitiveGroups.length === 0 && values.every((v) => v.passed),
    publishedPrimary,
    lonelyLines,
    sensitiveGroups,
    values,
  };
}
