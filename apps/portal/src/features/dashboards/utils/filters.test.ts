import { describe, expect, it } from "vitest";
import { exportUrl, filtersFromSearch, searchFromFilters, toDashboardFilter } from "./filters";

describe("dashboard filters in the URL", () => {
  it("reads known values only, sorted and without duplicates, and writes them back", () => {
    const f = filtersFromSearch(new URLSearchParams("annees=2025,2024,2024,abc&programmes=PEPS,XYZ,ACI&departements=2a,33,<x>&tailles=GE_12000,HUGE"));
    expect(f).toEqual({ years: [2024, 2025], programmes: ["ACI", "PEPS"], departements: ["2A", "33"], sizeBands: ["GE_12000"] });
    expect(filtersFromSearch(searchFromFilters(f))).toEqual(f);
  });

  it("leaves empty lists out of the GraphQL filter and of the export URL", () => {
    const f = { years: [], programmes: [], departements: ["33"], sizeBands: [] };
    expect(toDashboardFilter(f)).toEqual({ departements: ["33"] });
    expect(exportUrl("by-year", "xlsx", f)).toBe("/exports/results-dashboard/by-year.xlsx?departements=33");
    expect(exportUrl("aci-indicators", "csv", { ...f, departements: [] })).toBe("/exports/results-dashboard/aci-indicators.csv");
  });
});
