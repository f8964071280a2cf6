import { describe, expect, it } from "vitest";

import { nextLocalHour } from "./alerts.scheduler.js";

describe(nextLocalHour.name, () => {
  it("is later today before the hour, tomorrow at or after it", () => {
    const morning = new Date(2026, 10, 23, 6, 59, 59);
    expect(nextLocalHour(morning, 7)).toEqual(new Date(2026, 10, 23, 7, 0, 0));
    expect(nextLocalHour(new Date(2026, 10, 23, 7, 0, 0), 7)).toEqual(new Date(2026, 10, 24, 7, 0, 0));
    expect(nextLocalHour(new Date(2026, 10, 23, 18, 30), 7)).toEqual(new Date(2026, 10, 24, 7, 0, 0));
  });

  it("crosses months and years", () => {
    expect(nextLocalHour(new Date(2026, 11, 31, 23, 0), 0)).toEqual(new Date(2027, 0, 1, 0, 0, 0));
  });
});
