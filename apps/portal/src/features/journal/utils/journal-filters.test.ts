import { describe, expect, it } from "vitest";
import { auditCsvHref, journalFiltersToSearchParams, parseJournalFilters, toAuditEventFilter } from "./journal-filters";

describe("journal filters", () => {
  it("reads the French query string, dropping values the API would reject", () => {
    const filters = parseJournalFilters(new URLSearchParams("personne=u-1&action=USER%20INVITE&du=2026-11-01&au=hier"));
    expect(filters).toEqual({ actorId: "u-1", action: "", from: "2026-11-01", to: "" });
    expect(toAuditEventFilter(filters)).toEqual({ actorId: "u-1", from: "2026-11-01" });
  });

  it("writes only the set criteria, to the URL and to the CSV export", () => {
    const filters = { actorId: "", action: "user.invite", from: "", to: "2026-11-30" };
    expect(journalFiltersToSearchParams(filters).toString()).toBe("action=user.invite&au=2026-11-30");
    expect(auditCsvHref(filters)).toBe("/exports/audit.csv?action=user.invite&to=2026-11-30");
    expect(auditCsvHref({ actorId: "", action: "", from: "", to: "" })).toBe("/exports/audit.csv");
  });
});
