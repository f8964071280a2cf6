import { describe, expect, it } from "vitest";
import { draftFiltersOf, exportUrl, toAggregateInput } from "./query-input";

describe("toAggregateInput", () => {
  it("builds the API input: dimensions in the order chosen, non-empty filters sorted, no indicator unless needed", () => {
    const built = toAggregateInput({ measure: "MSP_COUNT", indicatorCode: "X", groupBy: ["SIZE_BAND", "YEAR"], filters: { YEAR: ["2025", "2024"], REGION: [] } }, false);
    expect(built).toEqual({ input: { measure: "MSP_COUNT", groupBy: ["SIZE_BAND", "YEAR"], filters: [{ dimension: "YEAR", values: ["2024", "2025"] }] } });
  });

  it("asks for the measure and, when the measure needs one, the indicator", () => {
    expect(toAggregateInput({ measure: "", indicatorCode: "", groupBy: [], filters: {} }, false)).toEqual({ problems: [{ field: "measure", message: "Choisissez une mesure." }] });
    expect(toAggregateInput({ measure: "ACI_INDICATOR_MEAN", indicatorCode: "", groupBy: ["YEAR"], filters: {} }, true)).toEqual({
      problems: [{ field: "indicatorCode", message: "Choisissez l’indicateur de cette mesure." }],
    });
    expect(toAggregateInput({ measure: "ACI_INDICATOR_MEAN", indicatorCode: "FONCTION_COORDINATION", groupBy: ["YEAR"], filters: {} }, true)).toEqual({
      input: { measure: "ACI_INDICATOR_MEAN", indicatorCode: "FONCTION_COORDINATION", groupBy: ["YEAR"] },
    });
  });

  it("refuses a fourth dimension", () => {
    const built = toAggregateInput({ measure: "MSP_COUNT", indicatorCode: "", groupBy: ["YEAR", "REGION", "RURALITY", "SIZE_BAND"], filters: {} }, false);
    expect(built).toEqual({ problems: [{ field: "groupBy", message: "Trois dimensions au maximum." }] });
  });
});

describe("draftFiltersOf", () => {
  it("reads the API's `{ filters: [{ dimension, values }] }`", () => {
    expect(draftFiltersOf({ filters: [{ dimension: "YEAR", values: ["2024"] }, { dimension: "NOPE", values: ["x"] }] })).toEqual({ filters: { YEAR: ["2024"] }, indicatorCode: "" });
  });

  it("also reads a map by dimension and a bare list, and nothing from null", () => {
    expect(draftFiltersOf({ SIZE_BAND: ["LT_4000"], indicatorCode: "FONCTION_COORDINATION" })).toEqual({ filters: { SIZE_BAND: ["LT_4000"] }, indicatorCode: "FONCTION_COORDINATION" });
    expect(draftFiltersOf([{ dimension: "REGION", values: ["75"] }])).toEqual({ filters: { REGION: ["75"] }, indicatorCode: "" });
    expect(draftFiltersOf(null)).toEqual({ filters: {}, indicatorCode: "" });
  });
});

describe("exportUrl", () => {
  it("points the CSV and XLSX exports at the stored answer of the query, by its id", () => {
    expect(exportUrl("5f0c7a52-3d1e-4c8a-9b1f-2a6e8d4c0b17", "csv")).toBe("/research/queries/5f0c7a52-3d1e-4c8a-9b1f-2a6e8d4c0b17.csv");
    expect(exportUrl("5f0c7a52-3d1e-4c8a-9b1f-2a6e8d4c0b17", "xlsx")).toBe("/research/queries/5f0c7a52-3d1e-4c8a-9b1f-2a6e8d4c0b17.xlsx");
  });

  it("never lets an id leave the path segment", () => {
    expect(exportUrl("../aggregate", "csv")).toBe("/research/queries/..%2Faggregate.csv");
  });
});
