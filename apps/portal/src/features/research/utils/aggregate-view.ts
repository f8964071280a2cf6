import type { ResearchAggregate, ResearchCell, ResearchDimension } from "../types";

/**
 * Turns the API's flat list of cells (every combination of the chosen dimensions, margins included: a
 * coordinate whose value is null is the total over that dimension) into what the tables and the chart show.
 * Nothing is computed here: margins are the API's, already protected (DOMAIN.md §6.3 R1–R4, R2 for margins);
 * a cell the API did not send stays empty (« — »), it is never derived from others.
 */

export type Category = { value: string; label: string };
/** A category or the margin (`null`) of one dimension. */
export type Position = string | null;

type Cell = ResearchAggregate["cells"][number];

export type AggregateView = {
  dimensions: readonly ResearchDimension[];
  /** The categories present in the answer, per dimension, in the catalogue's order when it is known. */
  categories: ReadonlyMap<ResearchDimension, readonly Category[]>;
  /** The cell at these positions (one per dimension, in `dimensions` order); undefined when the API sent none. */
  cellAt: (...positions: Position[]) => Cell | undefined;
};

const MARGIN_KEY = "\u0000total";

const keyOf = (positions: readonly Position[]) => positions.map((p) => (p === null ? MARGIN_KEY : p)).join("\u0001");

/**
 * @param catalogOrder the catalogue's categories per dimension (their order is the natural one: years ascending,
 * size bands from small to large…); categories the catalogue does not know come after, in the API's order.
 */
export function buildAggregateView(
  aggregate: Pick<ResearchAggregate, "groupBy" | "cells">,
  catalogOrder: ReadonlyMap<ResearchDimension, readonly Category[]> = new Map(),
): AggregateView {
  const dimensions = aggregate.groupBy;
  const byKey = new Map<string, Cell>();
  const seen = new Map<ResearchDimension, Map<string, string>>(dimensions.map((d) => [d, new Map()]));
  for (const cell of aggregate.cells) {
    const positions = dimensions.map((d) => cell.coordinates.find((c) => c.dimension === d)?.value ?? null);
    byKey.set(keyOf(positions), cell);
    for (const coordinate of cell.coordinates) {
      if (coordinate.value === null) continue;
      const labels = seen.get(coordinate.dimension);
      if (labels && !labels.has(coordinate.value)) labels.set(coordinate.value, coordinate.label ?? coordinate.value);
    }
  }
  const categories = new Map<ResearchDimension, Category[]>();
  for (const dimension of dimensions) {
    const present = seen.get(dimension) ?? new Map<string, string>();
    const known = catalogOrder.get(dimension) ?? [];
    const ordered: Category[] = known.filter((c) => present.has(c.value)).map((c) => ({ value: c.value, label: present.get(c.value) ?? c.label }));
    const knownValues = new Set(known.map((c) => c.value));
    for (const [value, label] of present) if (!knownValues.has(value)) ordered.push({ value, label });
    categories.set(dimension, ordered);
  }
  return {
    dimensions,
    categories,
    cellAt: (...positions) => byKey.get(keyOf(positions)),
  };
}

/** Whether every coordinate is a category (not a margin): the cells a chart may draw. */
export const isInnerCell = (cell: Pick<ResearchCell, "coordinates">): boolean => cell.coordinates.every((c) => c.value !== null);

export type ChartSeries = { key: string; label: string };
export type ChartData = {
  /** One entry per category of the first dimension (x axis); a suppressed or missing cell is absent from it. */
  rows: Record<string, string | number>[];
  series: ChartSeries[];
  /** Inner cells drawn and inner cells left out because they are masked. */
  drawn: number;
  suppressed: number;
};

/**
 * The published inner cells of one table, for a bar chart: x = categories of `rowDimension`; one series per
 * category of `columnDimension` (or a single series without one). `fixed` pins other dimensions (the layer of a
 * 3-dimension answer). Suppressed cells are left out, never drawn as zero.
 */
export function chartDataOf(
  view: AggregateView,
  rowDimension: ResearchDimension,
  columnDimension: ResearchDimension | null,
  fixed: Partial<Record<ResearchDimension, string>> = {},
  singleSeriesLabel = "Valeur",
): ChartData {
  const rowsCategories = view.categories.get(rowDimension) ?? [];
  const columns: (Category | null)[] = columnDimension ? [...(view.categories.get(columnDimension) ?? [])] : [null];
  const series: ChartSeries[] = columns.map((c, i) => ({ key: `s${i}`, label: c ? c.label : singleSeriesLabel }));
  let drawn = 0;
  let suppressed = 0;
  const rows = rowsCategories.map((row) => {
    const entry: Record<string, string | number> = { category: row.label };
    columns.forEach((column, i) => {
      const positions = view.dimensions.map((d) => (d === rowDimension ? row.value : d === columnDimension ? (column?.value ?? null) : (fixed[d] ?? null)));
      const cell = view.cellAt(...positions);
      if (!cell) return;
      if (cell.suppressed || cell.value === null) {
        suppressed += 1;
        return;
      }
      entry[`s${i}`] = cell.value;
      drawn += 1;
    });
    return entry;
  });
  return { rows, series, drawn, suppressed };
}
