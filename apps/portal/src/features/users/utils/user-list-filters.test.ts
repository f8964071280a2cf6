import { describe, expect, it } from "vitest";
import { hasActiveUserFilters, parseUserFilters, toUsersFilter, userFiltersToSearchParams } from "./user-list-filters";

describe("user list filters", () => {
  it("reads the search, the role and the status from the query string", () => {
    const filters = parseUserFilters(new URLSearchParams("q=%20martin%20&role=MSP_MEMBER&statut=INVITED"));
    expect(filters).toEqual({ search: "martin", role: "MSP_MEMBER", status: "INVITED" });
    expect(toUsersFilter(filters)).toEqual({ search: "martin", role: "MSP_MEMBER", status: "INVITED" });
    expect(userFiltersToSearchParams(filters).toString()).toBe("q=martin&role=MSP_MEMBER&statut=INVITED");
  });

  it("drops values the API would reject and sends no empty criterion", () => {
    const filters = parseUserFilters(new URLSearchParams("q=&role=ADMIN&statut=actif"));
    expect(filters).toEqual({ search: "", role: null, status: null });
    expect(toUsersFilter(filters)).toEqual({});
    expect(hasActiveUserFilters(filters)).toBe(false);
    expect(userFiltersToSearchParams(filters).toString()).toBe("");
  });
});
