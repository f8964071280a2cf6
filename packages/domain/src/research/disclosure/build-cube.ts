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

  // Per measure and cell, in typed arrays. Records are visited grouped by unit (a stable sort on `unitId`), so a cell
  // sums one unit's records in a row and closes that unit's running total when the next unit arrives: no map per cell.
  type Acc = {
    value: Float64Array;
    denominator: Float64Array;
    pValue: Float64Array;
    pDenominator: Float64Array;
    countKey: Float64Array;
    magnitudeKey: Float64Array;
    contributors: Float64Array;
    largest: Float64Array;
    largestP: Float64Array;
    professionals: Float64Array;
    lastUnit: Int32Array;
    unitValue: Float64Array;
    unitPValue: Float64Array;
    /** The unit's largest team among its records in the cell; −1: none given (counts as one professional). */
    unitProfessionals: Float64Array;
  };
  const newAcc = (): Acc => ({
    value: new Float64Array(cellCount),
    denominator: new Float64Array(cellCount),
    pValue: new Float64Array(cellCount),
    pDenominator: new Float64Array(cellCount),
    countKey: new Float64Array(cellCount),
    magnitudeKey: new Float64Array(cellCount),
    contributors: new Float64Array(cellCount),
    largest: new Float64Array(cellCount),
    largestP: new Float64Array(cellCount),
    professionals: new Float64Array(cellCount),
    lastUnit: new Int32Array(cellCount).fill(-1),
    unitValue: new Float64Array(cellCount),
    unitPValue: new Float64Array(cellCount),
    unitProfessionals: new Float64Array(cellCount),
  });
  const acc: Acc[] = measures.map(newAcc);
  const closeUnit = (a: Acc, cell: number): void => {
    if ((a.lastUnit[cell] ?? -1) < 0) return;
    a.contributors[cell] = (a.contributors[cell] ?? 0) + 1;
    a.largest[cell] = Math.max(a.largest[cell] ?? 0, Math.abs(a.unitValue[cell] ?? 0));
    a.largestP[cell] = Math.max(a.largestP[cell] ?? 0, Math.abs(a.unitPValue[cell] ?? 0));
    const team = a.unitProfessionals[cell] ?? -1;
    a.professionals[cell] = (a.professionals[cell] ?? 0) + (team >= 0 ? team : 1);
  };
  const unitsByCell: Set<string>[] = withUnits ? Array.from({ length: cellCount }, () => new Set()) : [];
  const unitIndex = new Map<string, number>();
  const order = records.map((_, r) => r);
  const unitOf = records.map((record) => {
    let u = unitIndex.get(record.unitId);
    if (u === undefined) {
      u = unitIndex.size;
      unitIndex.set(record.unitId, u);
    }
    return u;
  });
  order.sort((a, b) => (unitOf[a] ?? 0) - (unitOf[b] ?? 0) || a - b);

  const dims = dimensions.length;
  const own = new Int32Array(dims);
  const targets = new Int32Array(1 << dims);
  for (const r of order) {
    const record = records[r] as ContributorRecord;
    const unit = unitOf[r] ?? 0;
    let valid = true;
    for (let d = 0; d < dims; d += 1) {
      const dimension = dimensions[d] as CubeDimension;
      const category = record.dimensions[dimension.id];
      const at = category === undefined ? undefined : positions[d]?.get(category);
      if (at === undefined) {
        errors.push({ field: `records.${String(r)}.dimensions.${dimension.id}`, code: "SDC.RECORD_INVALID", message: "Modalité absente ou inconnue." });
        valid = false;
        break;
      }
      own[d] = at;
    }
    if (!valid) continue;
    // The record contributes to its inner cell and to every margin above it (2ⁿ cells).
    for (let mask = 0; mask < 1 << dims; mask += 1) {
      let index = 0;
      for (let d = 0; d < dims; d += 1) index += ((mask >> d) & 1 ? (sizes[d] ?? 1) - 1 : (own[d] ?? 0)) * (strides[d] ?? 1);
      targets[mask] = index;
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
      const team = contribution?.professionals;
      const a = acc[m] as Acc;
      for (let t = 0; t < targets.length; t += 1) {
        const cell = targets[t] ?? 0;
        a.value[cell] = (a.value[cell] ?? 0) + value;
        a.denominator[cell] = (a.denominator[cell] ?? 0) + denominator;
        a.pValue[cell] = (a.pValue[cell] ?? 0) + pValue;
        a.pDenominator[cell] = (a.pDenominator[cell] ?? 0) + pDenominator;
        if (keys) {
          a.countKey[cell] = addKeys(a.countKey[cell] ?? 0, keys.countKey);
          a.magnitudeKey[cell] = addKeys(a.magnitudeKey[cell] ?? 0, keys.magnitudeKey);
        }
        if (a.lastUnit[cell] !== unit) {
          closeUnit(a, cell);
          a.lastUnit[cell] = unit;
          a.unitValue[cell] = 0;
          a.unitPValue[cell] = 0;
          a.unitProfessionals[cell] = -1;
        }
        a.unitValue[cell] = (a.unitValue[cell] ?? 0) + value;
        a.unitPValue[cell] = (a.unitPValue[cell] ?? 0) + pValue;
        if (team !== undefined) a.unitProfessionals[cell] = Math.max(a.unitProfessionals[cell] ?? -1, team, 0);
        if (withUnits) unitsByCell[cell]?.add(record.unitId);
      }
    });
  }
  if (errors.length > 0) return err(errors.sort((x, y) => recordIndex(x.field) - recordIndex(y.field)));
  for (const a of acc) for (let cell = 0; cell < cellCount; cell += 1) closeUnit(a, cell);

  const cellOrder = displayIndices(sizes, strides);
  const perturbed: Record<string, PerturbedMeasure>[] = [];
  const cells: CubeCell[] = cellOrder.map((cell) => {
    const cellPerturbed: Record<string, PerturbedMeasure> = {};
    perturbed.push(cellPerturbed);
    const coordinates: Coordinate[] = sizes.map((size, d) => dimensions[d]?.categories[Math.floor(cell / (strides[d] ?? 1)) % size] ?? null);
    const cellMeasures: Record<string, CellMeasure> = {};
    measures.forEach((measure, m) => {
      const a = acc[m] as Acc;
      cellPerturbed[measure.id] = {
        value: a.pValue[cell] ?? 0,
        denominator: a.pDenominator[cell] ?? 0,
        largest: a.largestP[cell] ?? 0,
        countKey: a.countKey[cell] ?? 0,
        magnitudeKey: a.magnitudeKey[cell] ?? 0,
      };
      const ratio = measure.kind === "MEAN" || measure.kind === "RATE";
      cellMeasures[measure.id] = {
        value: a.value[cell] ?? 0,
        contributors: a.contributors[cell] ?? 0,
        largestContribution: a.largest[cell] ?? 0,
        professionals: a.professionals[cell] ?? 0,
        ...(ratio ? { denominator: a.denominator[cell] ?? 0 } : {}),
      };
    });
    return { coordinates, measures: cellMeasures };
  });
  const units = withUnits ? cellOrder.map((cell) => [...(unitsByCell[cell] ?? [])].sort()) : [];
  return ok({ cube: { dimensions, measures, cells }, units, perturbed });
}

/** The record index of an error's field (`records.<i>.…`), to report errors in record order. */
const recordIndex = (field: string): number => Number(/^records\.(\d+)\./.exec(field)?.[1] ?? 0);

function displayIndices(sizes: readonly number[], strides: readonly number[]): number[] {
  let order: number[] = [0];
  sizes.forEach((size, d) => {
    const stride = strides[d] ?? 1;
    order = order.flatMap((base) => Array.from({ length: size }, (_, i) => base + i * stride));
  });
  return order;
}
