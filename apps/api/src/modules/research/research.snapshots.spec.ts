import { describe, expect, it } from "vitest";

import type { ResearchPeriodRow } from "./research.repository.js";
import { PeriodSnapshots } from "./research.snapshots.js";

const row = (periodId: string, approved = true, computedEur = 1000): ResearchPeriodRow => ({
  periodId,
  approved,
  projectId: `p-${periodId}`,
  federationId: "f",
  year: 2024,
  programme: "ACI",
  patients: 3000,
  computedEur,
  indicator: null,
  contractStart: null,
  communeCode: "33063",
  departementCode: "33",
  regionCode: "75",
  professionals: 8,
});

/** A fake database: the approved periods, and what changed since a time. */
function source(initial: ResearchPeriodRow[]) {
  const calls = { full: 0, delta: 0 };
  let all = initial;
  let changed: ResearchPeriodRow[] = [];
  return {
    calls,
    set(next: ResearchPeriodRow[], delta: ResearchPeriodRow[]) {
      all = next;
      changed = delta;
    },
    periods: async () => {
      calls.full += 1;
      return all.filter((r) => r.approved);
    },
    periodsChangedSince: async () => {
      calls.delta += 1;
      return changed;
    },
  };
}

describe("PeriodSnapshots", () => {
  it("reads everything first, then only what a new version changed (an approval, an unlock, a correction)", async () => {
    const db = source([row("a"), row("b")]);
    const snapshots = new PeriodSnapshots(db, 4);
    expect((await snapshots.read("2|t1|f", null)).map((r) => r.periodId)).toEqual(["a", "b"]);
    expect(db.calls).toEqual({ full: 1, delta: 0 });

    // An approval of c, an unlock of a, and b corrected: the delta only.
    db.set([row("b", true, 2000), row("c")], [row("a", false), row("b", true, 2000), row("c")]);
    const next = await snapshots.read("2|t2|f", null);
    expect(next.map((r) => [r.periodId, r.computedEur])).toEqual([
      ["b", 2000],
      ["c", 1000],
    ]);
    expect(db.calls).toEqual({ full: 1, delta: 1 });
  });

  it("reads everything again when the federations changed or the count does not match (a deletion it could not see)", async () => {
    const db = source([row("a"), row("b")]);
    const snapshots = new PeriodSnapshots(db, 4);
    await snapshots.read("2|t1|f", null);
    db.set([row("a")], []);
    expect((await snapshots.read("1|t1|f", null)).map((r) => r.periodId)).toEqual(["a"]);
    expect(db.calls).toEqual({ full: 2, delta: 1 });
    db.set([row("a"), row("z")], []);
    await snapshots.read("2|t3|f,g", null);
    expect(db.calls).toEqual({ full: 3, delta: 1 });
  });

  it("keeps one snapshot per indicator", async () => {
    const db = source([row("a")]);
    const snapshots = new PeriodSnapshots(db, 4);
    await snapshots.read("1|t1|f", null);
    await snapshots.read("1|t1|f", "SOCLE_1");
    expect(db.calls.full).toBe(2);
  });
});
