import { err, ok, type Result } from "../../shared/result.js";
import { addKeys, contributionFactor, type PerturbationSettings, type PerturbedMeasure, type RecordKeys } from "../perturbation/perturbation.js";
import type { SdcInputError } from "./cube.js";
import { MAX_CUBE_DIMENSIONS, type CellMeasure, type Coordinate, type CubeCell, type CubeDimension, type CubeInput, type MeasureSpec, type ResearchDimension } from "./types.js";

/** One MSP's contribution to one measure in one record. */
export type Contribution = {
  /** Count or amount; `MEAN`/`RATE`: the numerator. Ignored for `COUNT_MSP` (each record counts 1). */
  readonly value: number;
  /** `MEAN`, `RATE`: the denominator. */
  readonly denominator?: number;
  /** Income measures: the number of professionals sharing the amount (R5). */
  readonly professionals?: number;
};

/**
 * One record per MSP and year (an approved result period), with its dimension values and contributions. `unitId`
 * is opaque (the API passes MSP project ids; they never leave the engine).
 */
export type ContributorRecord = {
  readonly unitId: string;
  readonly dimensions: Readonly<Partial<Record<ResearchDimension, string>>>;
  /** Per measure id; a record without a key does not contribute to that measure (e.g. an MSP outside PEPS). */
  readonly contributions: Readonly<Record<string, Contribution>>;
  /** The record's permanent keys (perturbation); without them the record is not perturbed (tests, raw figures). */
  readonly keys?: RecordKeys;
};

export type BuiltCube = {
  readonly cube: CubeInput;
  /** `units[i]`: the sorted unit ids behind `cube.cells[i]` (for the differencing check); never published. */
  readonly units: readonly (readonly string[])[];
  /** `perturbed[i][measureId]`: the perturbed sums and cell keys behind `cube.cells[i]` (publishedValue). */
  readonly perturbed: readonly Readonly<Record<string, PerturbedMeasure>>[];
};

/**
 * Builds the complete cube — every inner cell and every margin — from contributor-level records, with each
 * cell's number of distinct MSPs, largest single-MSP contribution (an MSP's records in the cell summed, e.g.
 * over years in a year margin) and number of professionals (per MSP, the largest team among its records).
 * Cells come in the dimensions' category order, the margin last.
 */
export function buildCubeFromRecords(params: {
  readonly dimensions: readonly CubeDimension[];
  readonly measures: readonly MeasureSpec[];
  readonly records: readonly ContributorRecord[];
  /** Perturbation of the records that carry keys (defaults when absent). */
  readonly perturbation?: PerturbationSettings;
  /** False: skip the unit lists (`units` empty), which only tests and audits need. Default true. */
  readonly withUnits?: boolean;
}): Result<BuiltCube, readonly SdcInputError[]> {
  const { dimensions, measures, records } = params;
  const withUnits = params.withUnits !== false;
  const errors: SdcInputError[] = [];
  if (dimensions.length < 1 || dimensions.length > MAX_CUBE_DIMENSIONS) {
    return err([{ field: "dimensions", code: "SDC.DIMENSIONS_INVALID", message: `Une requête croise de 1 à ${String(MAX_CUBE_DIMENSIONS)} dimensions.` }]);
  }
  const positions = dimensions.map((d) => new Map(d.categories.map((c, i) => [c, i])));
  const sizes = dimensions.map((d) => d.categories.length + 1);
  const strides: number[] = [];
  let cellCount = 1;
  for (let d = dimensions.length - 1; d >= 0; d -= 1) {
    strides[d] = cellCount;
    cellCount *= sizes[d] ?? 1;
  }

  type Acc = {
    value: number;
    denominator: number;
    pValue: number;
    pDenominator: number;
    countKey: number;
    magnitudeKey: number;
    byUnit: Map<string, { value: number; pValue: number; professionals: number | undefined }>;
  };
  const acc: Acc[][] = measures.map(() =>
    Array.from({ length: cellCount }, () => ({ value: 0, denominator: 0, pValue: 0, pDenominator: 0, countKey: 0, magnitudeKey: 0, byUnit: new Map() })),
  );
  const unitsByCell: Set<string>[] = withUnits ? Array.from({ length: cellCount }, () => new Set()) : [];

  records.forEach((record, r) => {
    const own: number[] = [];
    for (const [d, dimension] of dimensions.entries()) {
      const category = record.dimensions[dimension.id];
      const at = category === undefined ? undefined : positions[d]?.get(category);
      if (at === undefined) {
        errors.push({ field: `records.${String(r)}.dimensions.${dimension.id}`, code: "SDC.RECORD_INVALID", message: "Modalité absente ou inconnue." });
        return;
      }
      own.push(at);
    }
    // The record contributes to its inner cell and to every margin above it (2ⁿ cells).
    const targets: number[] = [];
    for (let mask = 0; mask < 1 << dimensions.length; mask += 1) {
      let index = 0;
      own.forEach((at, d) => {
        index += ((mask >> d) & 1 ? (sizes[d] ?? 1) - 1 : at) * (strides[d] ?? 1);
      });
      targets.push(index);
    }
    measures.forEach((measure, m) => {
      const contribution = record.contributions[measure.id];
      if (contribution === undefined && measure.kind !== "COUNT_MSP") return;
      const value = measure.kind === "COUNT_MSP" ? 1 : (contribution?.value ?? 0);
      if (!Number.isFinite(value) || (contribution?.denominator !== undefined && !Number.isFinite(contribution.denominator))) {
        errors.push({ field: `records.${String(r)}.contributions.${measure.id}`, code: "SDC.RECORD_INVALID", message: "Valeur invalide." });
        return;
      }
      const keys = record.keys;
      const denominator = contribution?.denominator ?? 0;
      const pValue = keys ? value * contributionFactor(keys.direction, keys.valueDraw, params.perturbation) : value;
      const pDenominator = keys ? denominator * contributionFactor(keys.direction, keys.denominatorDraw, params.perturbation) : denominator;
      for (const cell of targets) {
        const a = acc[m]?.[cell];
        if (a === undefined) continue;
        a.value += value;
        a.denominator += denominator;
        a.pValue += pValue;
        a.pDenominator += pDenominator;
        if (keys) {
          a.countKey = addKeys(a.countKey, keys.countKey);
          a.magnitudeKey = addKeys(a.magnitudeKey, keys.magnitudeKey);
        }
        let unit = a.byUnit.get(record.unitId);
        if (unit === undefined) {
          unit = { value: 0, pValue: 0, professionals: undefined };
          a.byUnit.set(record.unitId, unit);
        }
        unit.value += value;
        unit.pValue += pValue;
        if (contribution?.professionals !== undefined) unit.professionals = Math.max(unit.professionals ?? 0, contribution.professionals);
        if (withUnits) unitsByCell[cell]?.add(record.unitId);
      }
    });
  });
  if (errors.length > 0) return err(errors);

  const order = displayIndices(sizes, strides);
  const perturbed: Record<string, PerturbedMeasure>[] = [];
  const cells: CubeCell[] = order.map((cell) => {
    const cellPerturbed: Record<string, PerturbedMeasure> = {};
    perturbed.push(cellPerturbed);
    const coordinates: Coordinate[] = sizes.map((size, d) => dimensions[d]?.categories[Math.floor(cell / (strides[d] ?? 1)) % size] ?? null);
    const cellMeasures: Record<string, CellMeasure> = {};
    measures.forEach((measure, m) => {
      const a = acc[m]?.[cell];
      if (a === undefined) return;
      let largest = 0;
      let largestPerturbed = 0;
      let professionals = 0;
      for (const unit of a.byUnit.values()) {
        largest = Math.max(largest, Math.abs(unit.value));
        largestPerturbed = Math.max(largestPerturbed, Math.abs(unit.pValue));
        professionals += unit.professionals ?? 1;
      }
      cellPerturbed[measure.id] = { value: a.pValue, denominator: a.pDenominator, largest: largestPerturbed, countKey: a.countKey, magnitudeKey: a.magnitudeKey };
      const ratio = measure.kind === "MEAN" || measure.kind === "RATE";
      cellMeasures[measure.id] = {
        value: a.value,
        contributors: a.byUnit.size,
        largestContribution: largest,
        professionals,
        ...(ratio ? { denominator: a.denominator } : {}),
      };
    });
    return { coordinates, measures: cellMeasures };
  });
  const units = withUnits ? order.map((cell) => [...(unitsByCell[cell] ?? [])].sort()) : [];
  return ok({ cube: { dimensions, measures, cells }, units, perturbed });
}

function displayIndices(sizes: readonly number[], strides: readonly number[]): number[] {
  let order: number[] = [0];
  sizes.forEach((size, d) => {
    const stride = strides[d] ?? 1;
    order = order.flatMap((base) => Array.from({ length: size }, (_, i) => base + i * stride));
  });
  return order;
}
