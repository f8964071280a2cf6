import { describe, expect, it } from "vitest";
import {
  EMPTY_FILTERS,
  filtersToSearchParams,
  hasActiveFilters,
  parseFilters,
  toProjectFilter,
} from "./project-list-filters";

describe("project list filters", () => {
  it("reads the French query-string keys and drops unknown stages and statuses", () => {
    const filters = parseFilters(
      new URLSearchParams("etape=PROJET_SANTE&etape=NOPE&statut=ACTIVE&departement=07&charge=u1&q=%20Privas%20"),
    );
    expect(filters).toEqual({
      stages: ["PROJET_SANTE"],
      statuses: ["ACTIVE"],
      departementCodes: ["07"],
      chargeId: "u1",
      mine: false,
      text: "Privas",
    });
  });

  it("round-trips through the query string", () => {
    const filters = { ...EMPTY_FILTERS, stages: ["IMMOBILIER" as const], mine: true, text: "Aubenas" };
    expect(parseFilters(filtersToSearchParams(filters))).toEqual(filters);
    expect(filtersToSearchParams(filters).toString()).toBe("etape=IMMOBILIER&portefeuille=1&q=Aubenas");
  });

  it("sends only the criteria that are set, and « Mon portefeuille » wins over a chargé", () => {
    expect(toProjectFilter(EMPTY_FILTERS)).toEqual({});
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(toProjectFilter({ ...EMPTY_FILTERS, chargeId: "u2", mine: true })).toEqual({ mine: true });
    expect(toProjectFilter({ ...EMPTY_FILTERS, chargeId: "u2" })).toEqual({ chargeId: "u2" });
  });
});
