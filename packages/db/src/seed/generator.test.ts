import { describe, expect, it } from "vitest";

import { allocateByDepartement, allocateByStage, deCommune, drawTimeline, projectSearchText, STAGES } from "./generator";
import { cogDepartements, cogRegions, departementsOfRegion } from "./geo";
import { mulberry32, Rng, stableUuid } from "./random";

describe("random helpers", () => {
  it("mulberry32 is deterministic", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("stableUuid is a stable RFC 4122 version-5 UUID", () => {
    const id = stableUuid("federation/demo-nouvelle-aquitaine");
    expect(id).toBe(stableUuid("federation/demo-nouvelle-aquitaine"));
    expect(id).not.toBe(stableUuid("federation/demo-bretagne"));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("stableUuid matches the RFC 4122 v5 test vector (DNS namespace, python.org)", () => {
    expect(stableUuid("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });
});

describe("naming", () => {
  it.each([
    ["Bordeaux", "de Bordeaux"],
    ["Angoulême", "d'Angoulême"],
    ["Le Bouscat", "du Bouscat"],
    ["Les Eyzies", "des Eyzies"],
    ["La Rochelle", "de La Rochelle"],
    ["L'Isle-Jourdain", "de L'Isle-Jourdain"],
    ["Hendaye", null],
  ])("deCommune(%s) = %s", (nom, expected) => {
    expect(deCommune(nom)).toBe(expected);
  });

  it("computes the search text from the name and the commune (normalizeSearchText of @maillage/domain)", () => {
    expect(projectSearchText("Pôle de santé d'Égletons", "Égletons")).toBe("pole de sante d'egletons egletons");
  });
});

describe("reference geography (COG 2026, DOMAIN.md §7.1 ✅)", () => {
  it("has 18 régions and 101 départements, no COM", () => {
    expect(cogRegions()).toHaveLength(18);
    expect(cogDepartements()).toHaveLength(101);
    expect(cogDepartements().some((d) => ["975", "977", "978", "984", "986", "987", "988", "989"].includes(d.code))).toBe(false);
    expect(departementsOfRegion("75")).toHaveLength(12);
    expect(departementsOfRegion("53").map((d) => d.code)).toEqual(["22", "29", "35", "56"]);
  });
});

describe("allocation and timelines", () => {
  it("splits exactly", () => {
    const stages = allocateByStage(150);
    expect([...stages.values()].reduce((s, n) => s + n, 0)).toBe(150);
    expect([...stages.values()].every((n) => n > 0)).toBe(true);
    const deps = allocateByDepartement(1000, departementsOfRegion("75").map((d) => d.code));
    expect([...deps.values()].reduce((s, n) => s + n, 0)).toBe(1000);
    expect(deps.get("33")).toBeGreaterThan(deps.get("23") ?? 0);
  });

  it("createdAt < updatedAt <= now, within ~3 years, older for later stages", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const rng = new Rng(7);
    for (const stage of STAGES) {
      for (const status of ["ACTIVE", "ON_HOLD", "ABANDONED"] as const) {
        const { createdAt, updatedAt } = drawTimeline(rng, stage, status, now);
        expect(createdAt.getTime()).toBeLessThan(updatedAt.getTime());
        expect(updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime() - createdAt.getTime()).toBeLessThan((stage === "EN_FONCTIONNEMENT" ? 3000 : 1100) * 86_400_000);
      }
    }
  });
});
