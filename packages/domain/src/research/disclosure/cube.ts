import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import {
  type CellMeasure,
  type Coordinate,
  type CubeInput,
  MAX_CUBE_DIMENSIONS,
  MEASURE_KINDS,
  type MeasureSpec,
  RESEARCH_DIMENSIONS,
} from "./types.js";

export const SDC_INPUT_ERROR_CODES = [
  "SDC.DIMENSIONS_INVALID",
  "SDC.DIMENSION_UNKNOWN",
  "SDC.DIMENSION_DUPLICATE",
  "SDC.CATEGORY_INVALID",
  "SDC.CATEGORY_IDENTIFIER",
  "SDC.MEASURES_INVALID",
  "SDC.CELL_COORDINATES_INVALID",
  "SDC.CELL_DUPLICATE",
  "SDC.CELL_MISSING",
  "SDC.CELL_VALUE_INVALID",
  "SDC.MARGIN_NOT_ADDITIVE",
  "SDC.RECORD_INVALID",
] as const;
export type SdcInputErrorCode = (typeof SDC_INPUT_ERROR_CODES)[number];
export type SdcInputError = FieldError<SdcInputErrorCode>;

/** One additive table behind a measure: the measure itself, or the numerator / denominator of a ratio. */
export type Series = {
  readonly measure: number;
  readonly part: "value" | "numerator" | "denominator";
  readonly values: Float64Array;
  readonly nonNegative: boolean;
  /** Largest |value|, at least 1: LPs are scaled by it and tolerances are relative to it. */
  readonly scale: number;
};

/**
 * The cube in index form. Each dimension's categories are sorted by code point (the *canonical* order, which
 * breaks ties whatever order the caller listed them in); index `categories.length` is the margin. Cells are
 * numbered in mixed radix over the canonical indices.
 */
export type Cube = {
  readonly input: CubeInput;
  readonly dims: number;
  /** Per dimension: number of categories + 1 (the margin). */
  readonly sizes: readonly number[];
  readonly strides: readonly number[];
  readonly cellCount: number;
  readonly categories: readonly (readonly string[])[];
  readonly measures: readonly MeasureSpec[];
  /** `cellMeasures[m][cell]`. */
  readonly cellMeasures: readonly (readonly CellMeasure[])[];
  readonly series: readonly Series[];
  /** Every 1-dimensional line: the inner cells along one dimension, then the margin cell (last). */
  readonly lines: readonly Line[];
};

export type Line = { readonly dimension: number; readonly cells: readonly number[] };

/** Whether a string looks like a professional or structure identifier (RPPS 11, ADELI/FINESS 9, SIREN 9, SIRET 14 digits). */
const IDENTIFIER_LIKE = /^\d{8,}$/;

const codePointCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const coordinatesOf = (cube: Cube, cell: number): number[] => cube.sizes.map((size, d) => Math.floor(cell / (cube.strides[d] ?? 1)) % size);

export const isMargin = (cube: Cube, d: number, index: number): boolean => index === (cube.sizes[d] ?? 0) - 1;

/** The caller-facing coordinates of a cell (category string, or `null` for a margin). */
export const externalCoordinates = (cube: Cube, cell: number): Coordinate[] =>
  coordinatesOf(cube, cell).map((index, d) => cube.categories[d]?.[index] ?? null);

/** A stable text key of caller-facing coordinates (for maps and messages). */
export const coordinateKey = (coordinates: readonly Coordinate[]): string => JSON.stringify(coordinates);

/** Validates the input and builds its index form. Every error is reported at once. */
export function buildInternalCube(input: CubeInput): Result<Cube, readonly SdcInputError[]> {
  const errors: SdcInputError[] = [];
  const push = (field: string, code: SdcInputErrorCode, message: string): void => {
    errors.push({ field, code, message });
  };

  const dims = input.dimensions.length;
  if (dims < 1 || dims > MAX_CUBE_DIMENSIONS) {
    push("dimensions", "SDC.DIMENSIONS_INVALID", `Une requête croise de 1 à ${String(MAX_CUBE_DIMENSIONS)} dimensions.`);
    return err(errors);
  }
  const seenDims = new Set<string>();
  input.dimensions.forEach((dimension, d) => {
    if (!(RESEARCH_DIMENSIONS as readonly string[]).includes(dimension.id)) {
      push(`dimensions.${String(d)}`, "SDC.DIMENSION_UNKNOWN", "Dimension inconnue.");
    }
    if (seenDims.has(dimension.id)) push(`dimensions.${String(d)}`, "SDC.DIMENSION_DUPLICATE", "Une dimension ne peut figurer qu'une fois.");
    seenDims.add(dimension.id);
    const seen = new Set<string>();
    if (dimension.categories.length === 0) push(`dimensions.${String(d)}.categories`, "SDC.CATEGORY_INVALID", "Une dimension a au moins une modalité.");
    for (const category of dimension.categories) {
      if (typeof category !== "string" || category.length === 0 || seen.has(category)) {
        push(`dimensions.${String(d)}.categories`, "SDC.CATEGORY_INVALID", "Les modalités sont des textes non vides et distincts.");
      } else if (IDENTIFIER_LIKE.test(category)) {
        // DOMAIN.md §6.3 R5 ✅ [S61]: no professional (or structure) identifier ever leaves, not even as a label.
        push(`dimensions.${String(d)}.categories`, "SDC.CATEGORY_IDENTIFIER", "Une modalité ressemble à un identifiant (RPPS, ADELI, FINESS, SIRET) : refusé.");
      }
      seen.add(category);
    }
  });
  const measureIds = new Set<string>();
  if (input.measures.length === 0) push("measures", "SDC.MEASURES_INVALID", "Au moins une mesure est demandée.");
  for (const measure of input.measures) {
    if (measure.id.length === 0 || measureIds.has(measure.id) || !(MEASURE_KINDS as readonly string[]).includes(measure.kind)) {
      push("measures", "SDC.MEASURES_INVALID", "Chaque mesure a un identifiant distinct et un type connu.");
    }
    measureIds.add(measure.id);
  }
  if (errors.length > 0) return err(errors);

  const categories = input.dimensions.map((dimension) => [...dimension.categories].sort(codePointCompare));
  const sizes = categories.map((c) => c.length + 1);
  const strides: number[] = [];
  let cellCount = 1;
  for (let d = dims - 1; d >= 0; d -= 1) {
    strides[d] = cellCount;
    cellCount *= sizes[d] ?? 1;
  }
  const categoryIndex = categories.map((c) => new Map(c.map((category, i) => [category, i])));

  const cellMeasures = input.measures.map(() => new Array<CellMeasure | undefined>(cellCount).fill(undefined));
  input.cells.forEach((cell, c) => {
    const field = `cells.${String(c)}`;
    if (cell.coordinates.length !== dims) {
      push(field, "SDC.CELL_COORDINATES_INVALID", "Une cellule a une coordonnée par dimension.");
      return;
    }
    let index = 0;
    for (let d = 0; d < dims; d += 1) {
      const coordinate = cell.coordinates[d];
      const position = coordinate === null || coordinate === undefined ? categories[d]?.length : categoryIndex[d]?.get(coordinate);
      if (position === undefined) {
        push(field, "SDC.CELL_COORDINATES_INVALID", "Coordonnée inconnue pour cette dimension.");
        return;
      }
      index += position * (strides[d] ?? 1);
    }
    input.measures.forEach((measure, m) => {
      const value = cell.measures[measure.id];
      const slot = cellMeasures[m];
      if (slot === undefined) return;
      if (slot[index] !== undefined) {
        push(field, "SDC.CELL_DUPLICATE", "Cellule en double.");
        return;
      }
      if (value === undefined || !validCellMeasure(measure, value)) {
        push(`${field}.measures.${measure.id}`, "SDC.CELL_VALUE_INVALID", "Valeurs de cellule invalides pour cette mesure.");
        return;
      }
      slot[index] = value;
    });
  });
  if (errors.length === 0) {
    for (const slot of cellMeasures) {
      if (slot.some((v) => v === undefined)) {
        push("cells", "SDC.CELL_MISSING", "Le cube doit contenir toutes les cellules, marges comprises.");
        break;
      }
    }
  }
  if (errors.length > 0) return err(errors);
  const complete = cellMeasures as CellMeasure[][];

  const series: Series[] = [];
  input.measures.forEach((measure, m) => {
    const cells = complete[m] ?? [];
    const make = (part: Series["part"], pick: (cm: CellMeasure) => number, nonNegative: boolean): Series => {
      const values = Float64Array.from(cells, pick);
      let scale = 1;
      for (const v of values) scale = Math.max(scale, Math.abs(v));
      return { measure: m, part, values, nonNegative, scale };
    };
    if (measure.kind === "MEAN" || measure.kind === "RATE") {
      series.push(make("numerator", (cm) => cm.value, measure.kind === "RATE" || measure.signed !== true));
      series.push(make("denominator", (cm) => cm.denominator ?? 0, true));
    } else {
      series.push(make("value", (cm) => cm.value, measure.kind !== "SUM_EUR" || measure.signed !== true));
    }
  });

  const lines = buildLines(sizes, strides, cellCount);
  for (const s of series) {
    const tolerance = 1e-9 * s.scale * Math.max(...sizes);
    const bad = lines.find((line) => {
      let sum = 0;
      for (let k = 0; k < line.cells.length - 1; k += 1) sum += s.values[line.cells[k] ?? 0] ?? 0;
      return Math.abs(sum - (s.values[line.cells[line.cells.length - 1] ?? 0] ?? 0)) > tolerance;
    });
    if (bad !== undefined) {
      push(
        `measures.${input.measures[s.measure]?.id ?? ""}`,
        "SDC.MARGIN_NOT_ADDITIVE",
        "Les marges du cube ne sont pas la somme des cellules : le cube est incohérent.",
      );
    }
  }
  if (errors.length > 0) return err(errors);

  return ok({ input, dims, sizes, strides, cellCount, categories, measures: input.measures, cellMeasures: complete, series, lines });
}

function validCellMeasure(measure: MeasureSpec, cm: CellMeasure): boolean {
  const finite = (x: number | undefined): boolean => x === undefined || Number.isFinite(x);
  if (!finite(cm.value) || !finite(cm.largestContribution) || !finite(cm.denominator) || !finite(cm.professionals)) return false;
  if (!Number.isInteger(cm.contributors) || cm.contributors < 0) return false;
  if (cm.professionals !== undefined && (!Number.isInteger(cm.professionals) || cm.professionals < 0)) return false;
  const signed = measure.signed === true && (measure.kind === "SUM_EUR" || measure.kind === "MEAN");
  if (!signed && cm.value < 0) return false;
  if (measure.kind === "MEAN" || measure.kind === "RATE") {
    if (cm.denominator === undefined || cm.denominator < 0) return false;
    if (measure.kind === "RATE" && cm.value > cm.denominator) return false;
  }
  if ((measure.kind === "COUNT_MSP" || measure.kind === "COUNT_PATIENTS" || measure.kind === "RATE") && !Number.isInteger(cm.value)) return false;
  return true;
}

function buildLines(sizes: readonly number[], strides: readonly number[], cellCount: number): Line[] {
  const lines: Line[] = [];
  sizes.forEach((size, d) => {
    const stride = strides[d] ?? 1;
    for (let cell = 0; cell < cellCount; cell += 1) {
      if (Math.floor(cell / stride) % size !== 0) continue; // one line per start cell (index 0 along d)
      const cells: number[] = [];
      for (let k = 0; k < size; k += 1) cells.push(cell + k * stride);
      lines.push({ dimension: d, cells });
    }
  });
  return lines;
}
