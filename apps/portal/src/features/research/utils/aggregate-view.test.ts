import { describe, expect, it } from "vitest";
import { buildAggregate, buildCatalog, cell, yearBySizeBand } from "../test-fixtures";
import { buildAggregateView, chartDataOf, isInnerCell } from "./aggregate-view";

const catalogOrder = new Map(buildCatalog().dimensions.map((d) => [d.id, d.categories]));

describe("buildAggregateView", () => {
  it("finds every cell of a cross table by its categories, margins included", () => {
    const view = buildAggregateView(yearBySizeBand(), catalogOrder);
    expect(view.cellAt("2025", "4000_7999")?.value).toBe(6);
    expect(view.cellAt("2024", null)?.value).toBe(7);
    expect(view.cellAt(null, "LT_4000")?.value).toBe(5);
    expect(view.cellAt(null, null)?.value).toBe(16);
    expect(view.cellAt("2024", "LT_4000")).toMatchObject({ suppressed: true, value: null, reason: "FEW_CONTRIBUTORS" });
    expect(view.cellAt("2023", null)).toBeUndefined();
  });

  it("lists only the categories present, in the catalogue's order, unknown ones after", () => {
    const Y = "YEAR" as const;
    const aggregate = buildAggregate([Y], [cell([[Y, "2025"]], 4), cell([[Y, "1999"]], 1), cell([[Y, "2024"]], 3), cell([[Y, null]], 8)]);
    const view = buildAggregateView(aggregate, catalogOrder);
    expect(view.categories.get(Y)?.map((c) => c.value)).toEqual(["2024", "2025", "1999"]);
  });

  it("keeps the API's labels of the categories", () => {
    const view = buildAggregateView(yearBySizeBand(), catalogOrder);
    expect(view.categories.get("SIZE_BAND")).toEqual([
      { value: "LT_4000", label: "Moins de 4 000 patients" },
      { value: "4000_7999", label: "4 000 à 7 999 patients" },
    ]);
  });
});

describe("chartDataOf", () => {
  it("draws the published inner cells only and counts the masked ones", () => {
    const view = buildAggregateView(yearBySizeBand(), catalogOrder);
    const chart = chartDataOf(view, "YEAR", "SIZE_BAND");
    expect(chart.series.map((s) => s.label)).toEqual(["Moins de 4 000 patients", "4 000 à 7 999 patients"]);
    expect(chart.rows).toEqual([{ category: "2024" }, { category: "2025", s1: 6 }]);
    expect(chart.drawn).toBe(1);
    expect(chart.suppressed).toBe(3);
  });

  it("draws one series for one dimension, and one layer of a 3-dimension answer", () => {
    const [Y, S, R] = ["YEAR", "SIZE_BAND", "RURALITY"] as const;
    const aggregate = buildAggregate(
      [Y, S, R],
      [cell([[Y, "2024"], [S, "LT_4000"], [R, "RURALE"]], 3), cell([[Y, "2024"], [S, "LT_4000"], [R, "PETITE_VILLE"]], 4), cell([[Y, "2024"], [S, "LT_4000"], [R, null]], 7)],
    );
    const view = buildAggregateView(aggregate, catalogOrder);
    expect(chartDataOf(view, Y, S, { RURALITY: "PETITE_VILLE" }).rows).toEqual([{ category: "2024", s0: 4 }]);
    expect(chartDataOf(view, Y, S).rows).toEqual([{ category: "2024", s0: 7 }]);

    const single = buildAggregateView(buildAggregate([Y], [cell([[Y, "2024"]], 5), cell([[Y, null]], 5)]), catalogOrder);
    expect(chartDataOf(single, Y, null, {}, "MSP")).toMatchObject({ rows: [{ category: "2024", s0: 5 }], series: [{ key: "s0", label: "MSP" }] });
  });

  it("tells inner cells from margins", () => {
    expect(isInnerCell(cell([["YEAR", "2024"], ["SIZE_BAND", "LT_4000"]], 1))).toBe(true);
    expect(isInnerCell(cell([["YEAR", "2024"], ["SIZE_BAND", null]], 1))).toBe(false);
  });
});
