import { describe, expect, it } from "vitest";
import { daysSince, formatDay, formatDaysAgo, formatFileSize, formatPercent, todayIsoDay } from "./format";

describe("French formatting", () => {
  it("writes calendar days as typed, whatever the time zone", () => {
    expect(formatDay("2026-03-01")).toBe("1 mars 2026");
    expect(formatDay("pas une date")).toBe("pas une date");
  });

  it("takes today in Paris for date inputs", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(todayIsoDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("counts whole days since an instant, and says them in French", () => {
    const now = new Date("2026-11-13T10:00:00Z");
    expect(daysSince("2026-11-01T09:00:00Z", now)).toBe(12);
    expect(daysSince("2026-11-14T09:00:00Z", now)).toBe(0);
    expect(formatDaysAgo(0)).toBe("aujourd’hui");
    expect(formatDaysAgo(1)).toBe("hier");
    expect(formatDaysAgo(12)).toBe("il y a 12 jours");
  });

  it("writes sizes and shares with French units and separators", () => {
    expect(formatFileSize(512)).toBe("512 octets");
    expect(formatFileSize(248_000)).toBe("242,2 Ko");
    expect(formatFileSize(2_400_000)).toBe("2,3 Mo");
    expect(formatPercent(0.45)).toMatch(/^45\s%$/);
  });
});
