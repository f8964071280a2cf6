import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PROGRAMMES, type Programme } from "../periods/period.types.js";
import {
  PERIOD_CALENDAR_STATUS_LABELS,
  PERIOD_CALENDAR_STATUSES,
  periodCalendar,
  periodCalendarStatus,
  RESULT_PERIOD_STATUSES,
  type PeriodCalendarStatus,
  type ResultPeriodStatus,
} from "./calendar.js";

const at = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe(periodCalendar.name, () => {
  it("ACI 2025: advance 30 April 2025, evidence 31 January 2026, balance 30 April 2026 (DOMAIN.md §2.5), end of UTC day", () => {
    const c = periodCalendar({ programme: "ACI", year: 2025, contractStart: "2019-06-01" });
    expect(iso(c.opensAt)).toBe("2025-01-01T00:00:00.000Z");
    expect(iso(c.endsAt)).toBe("2025-12-31T23:59:59.999Z");
    expect(iso(c.advanceDue)).toBe("2025-04-30T23:59:59.999Z");
    expect(iso(c.evidenceDue)).toBe("2026-01-31T23:59:59.999Z");
    expect(iso(c.balanceDue)).toBe("2026-04-30T23:59:59.999Z");
    expect(c.deadlines.map((d) => [d.kind, d.flag])).toEqual([
      ["ADVANCE", "CONFIRMED"],
      ["EVIDENCE", "TO_VERIFY"],
      ["BALANCE", "CONFIRMED"],
    ]);
    expect(c.deadlines[1]?.label).toBe("Transmission des justificatifs à la CPAM");
  });

  it("new adherent: the advance of the signature year is due within 3 months of the signature (§2.5 ✅)", () => {
    expect(iso(periodCalendar({ programme: "ACI", year: 2025, contractStart: "2025-06-15" }).advanceDue)).toBe("2025-09-15T23:59:59.999Z");
    // 30 November + 3 months = 28 February of N+1 (clamped), after the evidence deadline: the list stays chronological.
    const late = periodCalendar({ programme: "ACI", year: 2025, contractStart: "2025-11-30" });
    expect(iso(late.advanceDue)).toBe("2026-02-28T23:59:59.999Z");
    expect(late.deadlines.map((d) => d.kind)).toEqual(["EVIDENCE", "ADVANCE", "BALANCE"]);
    // A signature in an earlier year, or none: 30 April N.
    expect(iso(periodCalendar({ programme: "ACI", year: 2026, contractStart: "2025-11-30" }).advanceDue)).toBe("2026-04-30T23:59:59.999Z");
    expect(iso(periodCalendar({ programme: "ACI", year: 2026 }).advanceDue)).toBe("2026-04-30T23:59:59.999Z");
  });

  it("PEPS and IPEP: yearly, results due in the ACI's N+1 window (assumption, §5.3), no advance or balance", () => {
    for (const programme of ["PEPS", "IPEP"] as const) {
      const c = periodCalendar({ programme, year: 2025 });
      expect(iso(c.evidenceDue)).toBe("2026-01-31T23:59:59.999Z");
      expect(c.advanceDue).toBeNull();
      expect(c.balanceDue).toBeNull();
      expect(c.deadlines).toHaveLength(1);
      expect(c.deadlines[0]).toMatchObject({ kind: "EVIDENCE", flag: "ASSUMED", label: `Transmission des résultats ${programme}` });
    }
  });

  it("takes the evidence deadline from the configuration (🟡), leap days included", () => {
    expect(iso(periodCalendar({ programme: "ACI", year: 2027 }, { evidenceDeadline: { month: 2, day: 29 } }).evidenceDue)).toBe(
      "2028-02-29T23:59:59.999Z",
    );
    expect(() => periodCalendar({ programme: "ACI", year: 2025 }, { evidenceDeadline: { month: 2, day: 29 } })).toThrow(RangeError);
    expect(() => periodCalendar({ programme: "PEPS", year: 2025 }, { evidenceDeadline: { month: 13, day: 1 } })).toThrow(RangeError);
  });

  it.each([2025.5, Number.NaN, 1969, 9999])("throws on year %s (programming error)", (year) => {
    expect(() => periodCalendar({ programme: "ACI", year })).toThrow(RangeError);
  });

  it("property: deadlines are chronological, after the opening; evidence after the year's end; advance < evidence < balance for a continuing adherent", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Programme>(...PROGRAMMES),
        fc.integer({ min: 1971, max: 9997 }),
        fc.option(fc.date({ min: at("1970-01-01"), max: at("9997-12-31"), noInvalidDate: true })),
        fc.record({ month: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 1, max: 28 }) }),
        (programme, year, signed, evidenceDeadline) => {
          const contractStart = signed === null ? null : signed.toISOString().slice(0, 10);
          const c = periodCalendar({ programme, year, contractStart }, { evidenceDeadline });
          const times = c.deadlines.map((d) => d.dueAt.getTime());
          expect(times).toEqual([...times].sort((a, b) => a - b));
          expect(c.opensAt.getTime()).toBeLessThan(c.endsAt.getTime());
          expect(c.endsAt.getTime()).toBeLessThan(c.evidenceDue.getTime());
          for (const t of times) expect(t).toBeGreaterThan(c.opensAt.getTime());
          if (programme === "ACI") {
            expect(c.evidenceDue.getTime()).toBeLessThan(c.balanceDue?.getTime() ?? 0);
            if (signed === null || signed.getUTCFullYear() !== year) {
              expect(c.advanceDue?.getTime()).toBeLessThan(c.evidenceDue.getTime());
            }
          }
        },
      ),
    );
  });
});

describe(periodCalendarStatus.name, () => {
  const aci2025 = (status: ResultPeriodStatus | null) => ({ programme: "ACI" as const, year: 2025, status, contractStart: "2020-03-01" });

  it.each<[string, ResultPeriodStatus | null, PeriodCalendarStatus]>([
    ["2024-12-31T23:59:59.999Z", null, "NOT_OPEN"],
    ["2025-01-01T00:00:00.000Z", null, "IN_PROGRESS"],
    ["2025-12-31T23:59:59.999Z", "DRAFT", "IN_PROGRESS"],
    ["2026-01-01T00:00:00.000Z", "DRAFT", "TO_SUBMIT"],
    ["2026-01-31T23:59:59.999Z", null, "TO_SUBMIT"],
    ["2026-02-01T00:00:00.000Z", "DRAFT", "OVERDUE"],
    ["2026-02-01T00:00:00.000Z", "RETURNED", "OVERDUE"],
    ["2026-01-10", "SUBMITTED", "AWAITING_DECISION"],
    ["2027-06-01", "SUBMITTED", "AWAITING_DECISION"],
    ["2026-03-10", "APPROVED", "CLOSED"],
  ])("on %s, a period %s is %s", (today, status, expected) => {
    expect(periodCalendarStatus(aci2025(status), at(today))).toBe(expected);
  });

  it("follows the configured evidence deadline", () => {
    const p = aci2025("DRAFT");
    expect(periodCalendarStatus(p, at("2026-02-15"))).toBe("OVERDUE");
    expect(periodCalendarStatus(p, at("2026-02-15"), { evidenceDeadline: { month: 3, day: 31 } })).toBe("TO_SUBMIT");
  });

  it("labels every status in French", () => {
    expect(Object.keys(PERIOD_CALENDAR_STATUS_LABELS)).toEqual([...PERIOD_CALENDAR_STATUSES]);
    expect(PERIOD_CALENDAR_STATUS_LABELS.OVERDUE).toBe("En retard");
  });

  const rank: Record<PeriodCalendarStatus, number> = {
    NOT_OPEN: 0,
    IN_PROGRESS: 1,
    TO_SUBMIT: 2,
    OVERDUE: 3,
    AWAITING_DECISION: 4,
    CLOSED: 5,
  };

  it("property: for a given stored status, the calendar status never goes back in time", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Programme>(...PROGRAMMES),
        fc.integer({ min: 2015, max: 2040 }),
        fc.constantFrom<ResultPeriodStatus | null>(null, ...RESULT_PERIOD_STATUSES),
        fc.date({ min: at("2010-01-01"), max: at("2045-12-31"), noInvalidDate: true }),
        fc.date({ min: at("2010-01-01"), max: at("2045-12-31"), noInvalidDate: true }),
        (programme, year, status, d1, d2) => {
          const [early, late] = d1.getTime() <= d2.getTime() ? [d1, d2] : [d2, d1];
          const p = { programme, year, status };
          expect(rank[periodCalendarStatus(p, early)]).toBeLessThanOrEqual(rank[periodCalendarStatus(p, late)]);
        },
      ),
    );
  });

  it("property: a submitted or approved period never shows as to submit or overdue; a missing one never as closed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ResultPeriodStatus | null>(null, ...RESULT_PERIOD_STATUSES),
        fc.date({ min: at("2010-01-01"), max: at("2045-12-31"), noInvalidDate: true }),
        (status, today) => {
          const s = periodCalendarStatus({ programme: "ACI", year: 2025, status }, today);
          if (status === "SUBMITTED" || status === "APPROVED") expect(["AWAITING_DECISION", "CLOSED"]).toContain(s);
          else expect(["NOT_OPEN", "IN_PROGRESS", "TO_SUBMIT", "OVERDUE"]).toContain(s);
        },
      ),
    );
  });
});
