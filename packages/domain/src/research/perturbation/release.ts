import { err, ok, type Result } from "../../shared/result.js";
import { buildCubeFromRecords, type ContributorRecord } from "../disclosure/build-cube.js";
import type { DisclosureThresholds } from "../disclosure/config.js";
import type { SdcInputError } from "../disclosure/cube.js";
import type { LpSolver } from "../disclosure/lp.js";
import { protectCube } from "../disclosure/protect.js";
import type { Coordinate, CubeDimension, MeasureSpec, ProtectionSummary, SuppressionReason } from "../disclosure/types.js";
import { DEFAULT_PERTURBATION, publishedValue, type PerturbationSettings, type PerturbedMeasure } from "./perturbation.js";

export type ReleasedCell =
  | { readonly coordinates: readonly Coordinate[]; readonly suppressed: false; readonly value: number | null; readonly perturbed: PerturbedMeasure }
  | { readonly coordinates: readonly Coordinate[]; readonly suppressed: true; readonly reason: SuppressionReason; readonly reasons: readonly SuppressionReason[] };

export type ReleasedCube = { readonly cells: readonly ReleasedCell[]; readonly summary: ProtectionSummary };

/**
 * One research answer, end to end (docs/research.md, "Method"): the cube of every inner cell and margin built from
 * the records, primary and complementary suppression decided on the true figures (DOMAIN.md §6.3 R1–R5, R2), then
 * every published cell's value computed from the records' perturbed contributions and the cell key
 * (`publishedValue`). Deterministic: the same records, keys and settings always give the same cells.
 */
export function releaseCube(params: {
  readonly dimensions: readonly CubeDimension[];
  readonly measure: MeasureSpec;
  readonly records: readonly ContributorRecord[];
  readonly thresholds: DisclosureThresholds;
  readonly solver: LpSolver;
  readonly perturbation?: PerturbationSettings;
}): Result<ReleasedCube, readonly SdcInputError[]> {
  const settings = params.perturbation ?? DEFAULT_PERTURBATION;
  const built = buildCubeFromRecords({ dimensions: params.dimensions, measures: [params.measure], records: params.records, perturbation: settings, withUnits: false });
  if (!built.ok) return err(built.error);
  const protectedCube = protectCube(built.value.cube, { solver: params.solver, thresholds: params.thresholds });
  if (!protectedCube.ok) return err(protectedCube.error);
  const indexByKey = new Map(built.value.cube.cells.map((c, i) => [JSON.stringify(c.coordinates), i]));
  const id = params.measure.id;
  const cells = protectedCube.value.cells.map((cell): ReleasedCell => {
    if (cell.suppressed) return { coordinates: cell.coordinates, suppressed: true, reason: cell.reason, reasons: cell.reasons };
    const at = indexByKey.get(JSON.stringify(cell.coordinates)) ?? -1;
    const truth = built.value.cube.cells[at]?.measures[id];
    const perturbed = built.value.perturbed[at]?.[id] ?? { value: 0, denominator: 0, largest: 0, countKey: 0, magnitudeKey: 0 };
    return { coordinates: cell.coordinates, suppressed: false, value: truth ? publishedValue(params.measure, truth, perturbed, settings) : null, perturbed };
  });
  return ok({ cells, summary: protectedCube.value.summary });
}
