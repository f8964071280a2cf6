import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { aciCalendar } from "./calendar.js";

describe(aciCalendar.name, () => {
  it("year 2026: advance 30 April 2026, evidence 31 January 2027, balance 30 April 2027 (DOMAIN.md §2.5), UTC end of day", () => {
    const c = aciCalendar(2026);
    expect(c.advanceDue.toISOString()).toBe("2026-04-30T23:59:59.999Z");
    expect(c.evidenceDue.toISOString()).toBe("2027-01-31T23:59:59.999Z");
    expect(c.balanceDue.toISOString()).toBe("2027-04-30T23:59:59.999Z");
  });

  it("handles a leap year like any other", () => {
    const c = aciCalendar(2028);
    expect(c.advanceDue.toISOString()).toBe("2028-04-30T23:59:59.999Z");
    expect(c.evidenceDue.toISOString()).toBe("2029-01-31T23:59:59.999Z");
  });

  it.each([2026.5, Number.NaN, 1969, 9999, Number.POSITIVE_INFINITY])("throws on year %s (programming error)", (year) => {
    expect(() => aciCalendar(year)).toThrow(RangeError);
  });

  it("property: advance < evidence < balance; the balance of N is the advance date of N+1 one year later", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 9997 }), (year) => {
        const c = aciCalendar(year);
        const next = aciCalendar(year + 1);
        expect(c.advanceDue.getTime()).toBeLessThan(c.evidenceDue.getTime());
        expect(c.evidenceDue.getTime()).toBeLessThan(c.balanceDue.getTime());
        expect(c.balanceDue.getTime()).toBe(next.advanceDue.getTime());
      }),
    );
  });
});
