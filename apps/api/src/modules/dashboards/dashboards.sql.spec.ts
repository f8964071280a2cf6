import { MSP_SIZE_BANDS, mspSizeBand } from "@maillage/domain";
import { describe, expect, it } from "vitest";

import { filterFromQuery } from "./dashboards.controller.js";
import { RESULTS_DASHBOARD_SQL, resultsDashboardParams, SIZE_BAND_LOWER_BOUNDS } from "./dashboards.sql.js";

describe("results dashboard SQL", () => {
  it("bands MSPs exactly as mspSizeBand does (same bands, same bounds)", () => {
    expect(SIZE_BAND_LOWER_BOUNDS.map(([band]) => band)).toEqual([...MSP_SIZE_BANDS]);
    SIZE_BAND_LOWER_BOUNDS.forEach(([band, lower], i) => {
      expect(mspSizeBand(lower)).toBe(band);
      if (i > 0) expect(mspSizeBand(lower - 1)).toBe(SIZE_BAND_LOWER_BOUNDS[i - 1]?.[0]);
    });
    for (const [band, lower] of SIZE_BAND_LOWER_BOUNDS.slice(1)) expect(RESULTS_DASHBOARD_SQL).toContain(`< ${lower} THEN`);
    expect(RESULTS_DASHBOARD_SQL).toContain(`ELSE '${MSP_SIZE_BANDS[MSP_SIZE_BANDS.length - 1]}' END`);
  });

  it("reads only approved periods of the one federation", () => {
    expect(RESULTS_DASHBOARD_SQL).toMatch(/rp\."federationId" = \$1::uuid\s+AND rp\.status = 'APPROVED'/);
  });

  it("passes lists as JSON text and 'all' as NULL", () => {
    expect(resultsDashboardParams("f", { years: [2024], programmes: [], departements: null, sizeBands: ["LT_4000"] })).toEqual(["f", "[2024]", null, null, '["LT_4000"]']);
  });
});

describe("export filter from the URL", () => {
  it("accepts comma-separated or repeated parameters and GraphQL or domain size-band names", () => {
    expect(filterFromQuery({ years: ["2024", "2025"], programmes: "ACI,PEPS", departements: "33", sizeBands: "FROM_4000_TO_7999,GE_12000" })).toEqual({
      years: [2024, 2025],
      programmes: ["ACI", "PEPS"],
      departements: ["33"],
      sizeBands: ["4000_7999", "GE_12000"],
    });
    expect(filterFromQuery({})).toEqual({ years: [], programmes: [], departements: [], sizeBands: [] });
  });

  it("refuses malformed values with a French message", () => {
    expect(() => filterFromQuery({ years: "24" })).toThrow(/années/);
    expect(() => filterFromQuery({ programmes: "ROSP" })).toThrow(/Programme inconnu/);
    expect(() => filterFromQuery({ sizeBands: "HUGE" })).toThrow(/Taille/);
    expect(() => filterFromQuery({ departements: "12345" })).toThrow(/département/);
  });
});
