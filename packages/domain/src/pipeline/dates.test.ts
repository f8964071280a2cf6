import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addUtcMonths,
  addUtcYears,
  elapsedDays,
  endOfUtcDay,
  formatFrenchDate,
  formatIsoDate,
  latestTodayIso,
  parseIsoDate,
  startOfUtcDay,
} from "./dates.js";

const utc = (iso: string): Date => new Date(iso);

describe(parseIsoDate.name, () => {
  it.each([
    ["2026-01-15", "2026-01-15T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["1900-01-01", "1900-01-01T00:00:00.000Z"],
    ["9999-12-31", "9999-12-31T00:00:00.000Z"],
  ])("parses %s to midnight UTC", (s, expected) => {
    expect(parseIsoDate(s)?.toISOString()).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["French order", "15/01/2026"],
    ["with time", "2026-01-15T10:00:00Z"],
    ["one-digit month", "2026-1-15"],
    ["month 13", "2026-13-01"],
    ["month 0", "2026-00-10"],
    ["day 0", "2026-01-00"],
    ["30 February", "2026-02-30"],
    ["29 February of a common year", "2025-02-29"],
    ["29 February 1900 (not leap)", "1900-02-29"],
    ["31 April", "2026-04-31"],
    ["before 1900", "1899-12-31"],
    ["surrounding spaces", " 2026-01-15"],
    ["full-width digits", "２０２６-01-15"],
  ])("refuses %s", (_label, s) => {
    expect(parseIsoDate(s)).toBeNull();
  });

  it("property: formatIsoDate(parseIsoDate(s)) === s for every valid date", () => {
    fc.assert(
      fc.property(fc.date({ min: utc("1900-01-01T00:00:00Z"), max: utc("9999-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const s = formatIsoDate(d);
        expect(formatIsoDate(parseIsoDate(s) ?? new Date(Number.NaN))).toBe(s);
      }),
    );
  });
});

describe("formatting", () => {
  it("formats the UTC day", () => {
    const d = utc("2027-01-31T23:59:59.999Z");
    expect(formatIsoDate(d)).toBe("2027-01-31");
    expect(formatFrenchDate(d)).toBe("31/01/2027");
    expect(formatFrenchDate(utc("2026-05-04T00:00:00Z"))).toBe("04/05/2026");
  });

  it("bounds the UTC day", () => {
    expect(startOfUtcDay(utc("2026-03-10T17:45:00Z")).toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(endOfUtcDay(utc("2026-03-10T00:00:00Z")).toISOString()).toBe("2026-03-10T23:59:59.999Z");
  });
});

describe(addUtcMonths.name, () => {
  it.each([
    ["2026-01-15", 6, "2026-07-15"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-07-15", -6, "2026-01-15"],
    ["2026-01-31", -2, "2025-11-30"],
  ])("%s + %i months = %s (day clamped to the month's end)", (from, months, expected) => {
    expect(formatIsoDate(addUtcMonths(utc(`${from}T00:00:00Z`), months))).toBe(expected);
  });

  it("keeps the time of day", () => {
    expect(addUtcMonths(utc("2026-01-15T12:34:56.789Z"), 1).toISOString()).toBe("2026-02-15T12:34:56.789Z");
  });

  it("adds years on 29 February by clamping to 28 February", () => {
    expect(formatIsoDate(addUtcYears(utc("2024-02-29T00:00:00Z"), 5))).toBe("2029-02-28");
    expect(formatIsoDate(addUtcYears(utc("2024-02-29T00:00:00Z"), 4))).toBe("2028-02-29");
  });

  it("property: the result is always within the target month, never later", () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc("1950-01-01T00:00:00Z"), max: utc("2150-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: -240, max: 240 }),
        (d, months) => {
          const r = addUtcMonths(d, months);
          const monthsBetween = (r.getUTCFullYear() - d.getUTCFullYear()) * 12 + r.getUTCMonth() - d.getUTCMonth();
          expect(monthsBetween).toBe(months);
          expect(r.getUTCDate()).toBeLessThanOrEqual(d.getUTCDate());
        },
      ),
    );
  });
});

describe(latestTodayIso.name, () => {
  it.each([
    ["2026-11-20T00:00:00Z", "2026-11-20"],
    ["2026-11-20T09:59:59Z", "2026-11-20"],
    // 10:00 UTC is already the next day at UTC+14.
    ["2026-11-20T10:00:00Z", "2026-11-21"],
    ["2026-11-20T23:30:00Z", "2026-11-21"],
  ])("at %s the latest 'today' is %s", (now, expected) => {
    expect(latestTodayIso(utc(now))).toBe(expected);
  });
});

describe(elapsedDays.name, () => {
  it("counts whole days, floored", () => {
    expect(elapsedDays(utc("2026-01-01T00:00:00Z"), utc("2026-01-31T00:00:00Z"))).toBe(30);
    expect(elapsedDays(utc("2026-01-01T12:00:00Z"), utc("2026-01-02T11:59:59Z"))).toBe(0);
    expect(elapsedDays(utc("2026-01-02T00:00:00Z"), utc("2026-01-01T00:00:00Z"))).toBe(-1);
  });
});
