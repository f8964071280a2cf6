import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ACI_ERROR_CODES, ACI_ERROR_MESSAGES } from "./aci.errors.js";
import { ACI_RULE_SETS } from "./aci.rule-sets.js";
import { aciRuleSetForYear, computeAci } from "./aci.js";
import type { AciAchievement, AciComputation, AciInput, AciRuleSet } from "./aci.types.js";

const AV1 = ACI_RULE_SETS.ACI2017_AV1;
const AV1_NO_MIN: AciRuleSet = { ...AV1, minimumAdvanceEur: null };

const all = (rs: AciRuleSet, extra: Partial<AciAchievement> = {}): Record<string, AciAchievement> =>
  Object.fromEntries(rs.indicators.map((i) => [i.code, { achieved: true, ...extra }]));

const run = (rs: AciRuleSet, input: Partial<AciInput>): AciComputation => {
  const r = computeAci(rs, {
    patientele: 4000,
    associatedProfessionals: 13,
    achievements: all(rs),
    contractStart: "2020-01-01",
    year: 2023,
    ...input,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** T-ACI-3 configuration (§3.7, 🔶 avenant-1 values, engine test only). */
const T3: Record<string, AciAchievement> = {
  HORAIRES_SNP: { achieved: true },
  REPONSE_CRISES_SANITAIRES: { achieved: true },
  FONCTION_COORDINATION: { achieved: true },
  PROTOCOLES_PLURIPRO: { achieved: true, units: 5 },
  CONCERTATION_PLURIPRO: { achieved: true },
  SI_STANDARD: { achieved: true },
};
const t3 = (patientele: number, extra: Partial<AciInput> = {}): AciComputation =>
  run(AV1, { patientele, associatedProfessionals: 10, achievements: T3, ...extra });
const points = (c: AciComputation, code: string): number => c.points.byIndicator.find((p) => p.code === code)?.total ?? NaN;

describe("rule sets (DOMAIN.md §3.1, §3.5)", () => {
  it("carry the confirmed constants and a flag + source on every row", () => {
    for (const rs of Object.values(ACI_RULE_SETS)) {
      expect(rs.pointValueEur).toBe(7);
      expect(rs.referencePatients).toBe(4000);
      expect(rs.newStructureMinimumEur).toBe(20000);
      expect(rs.precariteCapRate).toBe(0.25);
      expect(new Set(rs.indicators.map((i) => i.code)).size).toBe(rs.indicators.length);
      for (const i of rs.indicators) expect(i.source.length).toBeGreaterThan(0);
    }
    expect(AV1.minimumAdvanceEur).toBe(12000);
  });
  it("picks the rule set in force for a year", () => {
    expect(aciRuleSetForYear(2014)).toBeNull();
    expect(aciRuleSetForYear(2016)?.id).toBe("RA2015");
    expect(aciRuleSetForYear(2019)?.id).toBe("ACI2017");
    expect(aciRuleSetForYear(2024)?.id).toBe("ACI2017_AV1");
  });
  it("has a French message for every error code", () => {
    for (const code of ACI_ERROR_CODES) expect(ACI_ERROR_MESSAGES[code].length).toBeGreaterThan(0);
  });
});

describe("T-ACI-1 (§3.7 ✅): ACI 2017 MSP type, 13 PS, 4,000 patients, all engagements", () => {
  it("= 10,500 points = 73,500 €", () => {
    const c = run(ACI_RULE_SETS.ACI2017, { year: 2018, contractStart: "2017-09-01" });
    expect(c.points.total).toBe(10500);
    expect(c.grossEur).toBe(73500);
    expect(c.netEur).toBe(73500);
  });
});

describe("T-ACI-2 (§3.7 ✅): RA 2015 bounds at 4,000 patients", () => {
  const RA = ACI_RULE_SETS.RA2015;
  it("full achievement = 7,400 points = 51,800 €; prerequisites only = 16,450 €", () => {
    expect(run(RA, { year: 2016, contractStart: "2015-03-01" }).points.total).toBe(7400);
    expect(run(RA, { year: 2016, contractStart: "2015-03-01" }).grossEur).toBe(51800);
    const pre = Object.fromEntries(
      RA.indicators.filter((i) => i.type === "SOCLE_PREREQUIS").map((i) => [i.code, { achieved: true }]),
    );
    expect(run(RA, { year: 2016, contractStart: "2015-03-01", achievements: pre }).grossEur).toBe(16450);
  });
  it("any achievement at 4,000 patients stays within [0] ∪ [16,450 €, 51,800 €] and ≤ 7,400 points", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ achieved: fc.boolean(), units: fc.option(fc.nat(10), { nil: undefined }) }), {
          minLength: RA.indicators.length,
          maxLength: RA.indicators.length,
        }),
        fc.nat(40),
        (achs, ps) => {
          const achievements = Object.fromEntries(RA.indicators.map((i, k) => [i.code, achs[k] ?? { achieved: false }]));
          const c = run(RA, { year: 2016, contractStart: "2015-03-01", achievements, associatedProfessionals: ps });
          expect(c.points.total).toBeLessThanOrEqual(7400);
          if (c.prerequisitesMet) {
            expect(c.grossEur).toBeGreaterThanOrEqual(16450);
            expect(c.grossEur).toBeLessThanOrEqual(51800);
          } else expect(c.grossEur).toBe(0);
        },
      ),
    );
  });
});

describe("T-ACI-3 (§3.7, 🔶 values): socle + prérequis, 5 protocols, no IPA, 10 PS, crisis plan + actions", () => {
  it.each([
    [2000, 6425, 44975],
    [4000, 7950, 55650],
    [6000, 9475, 66325],
  ])("P = %i ⇒ %i points, %i €", (p, pts, eur) => {
    const c = t3(p);
    expect(c.points.total).toBe(pts);
    expect(c.grossEur).toBe(eur);
    expect(c.netEur).toBe(eur);
    expect(c.points.fixed).toBe(2900);
  });
  it("P = 0 ⇒ fixed + per-PS only", () => {
    const c = t3(0);
    expect(c.points.total).toBe(2900 + 2000);
  });
  it("coordination: 1,700 per 4,000 up to 8,000, then 1,100 (🔶)", () => {
    expect(points(t3(8000), "FONCTION_COORDINATION")).toBe(1000 + 3400);
    expect(points(t3(12000), "FONCTION_COORDINATION")).toBe(1000 + 3400 + 1100);
    expect(points(t3(10000), "FONCTION_COORDINATION")).toBe(1000 + 3400 + 550);
  });
  it("SI: 16 PS ⇒ 500 + 3,200; 17 PS ⇒ + 150 (🔶)", () => {
    expect(points(t3(4000, { associatedProfessionals: 16 }), "SI_STANDARD")).toBe(3700);
    expect(points(t3(4000, { associatedProfessionals: 17 }), "SI_STANDARD")).toBe(3850);
  });
  it("a missing prerequisite ⇒ 0 € everywhere (§3.4 ✅)", () => {
    const c = t3(4000, { achievements: { ...T3, SI_STANDARD: { achieved: false } } });
    expect(c.prerequisitesMet).toBe(false);
    expect(c.missingPrerequisites).toEqual(["SI_STANDARD"]);
    expect([c.points.total, c.grossEur, c.netEur, c.advanceEur, c.balanceEur]).toEqual([0, 0, 0, 0, 0]);
  });
  it("contract signed 1 Oct of year N ⇒ advance × 3/12 (§2.5 ✅)", () => {
    const full = run(AV1_NO_MIN, { patientele: 4000, associatedProfessionals: 10, achievements: T3 });
    const oct = run(AV1_NO_MIN, {
      patientele: 4000,
      associatedProfessionals: 10,
      achievements: T3,
      contractStart: "2023-10-01",
    });
    // 100 % socle = 7,950 + 3 more protocols = 8,250 points ⇒ 0.6 × 57,750 € = 34,650 €
    expect(full.advanceEur).toBe(34650);
    expect(oct.advanceEur).toBeCloseTo(34650 * (3 / 12), 2);
    expect(oct.balanceEur).toBeCloseTo(oct.netEur - oct.advanceEur, 2);
  });
  it("minimum advance 12,000 € (🟡) applies only when configured", () => {
    const c = run(AV1, { patientele: 4000, associatedProfessionals: 10, achievements: T3, contractStart: "2023-10-01" });
    expect(c.advanceEur).toBe(12000);
  });
});

describe("IPA bonuses, units and levels (§3.5)", () => {
  it("protocols +40 per protocol, concertation +200 per 4,000, missions +200 at 2 missions", () => {
    const c = run(AV1, {
      achievements: {
        ...T3,
        PROTOCOLES_PLURIPRO: { achieved: true, units: 10, withIpa: true },
        CONCERTATION_PLURIPRO: { achieved: true, withIpa: true },
        MISSIONS_SANTE_PUBLIQUE: { achieved: true, units: 1, withIpa: true },
      },
    });
    expect(points(c, "PROTOCOLES_PLURIPRO")).toBe(8 * 140);
    expect(points(c, "CONCERTATION_PLURIPRO")).toBe(1200);
    expect(points(c, "MISSIONS_SANTE_PUBLIQUE")).toBe(350);
    const c2 = run(AV1, { achievements: { ...T3, MISSIONS_SANTE_PUBLIQUE: { achieved: true, units: 2, withIpa: true } } });
    expect(points(c2, "MISSIONS_SANTE_PUBLIQUE")).toBe(900);
  });
  it("internships pay nothing under 2 and SAS level 0.5 = 100 points", () => {
    const c = run(AV1, {
      achievements: { ...T3, FORMATION_STAGES: { achieved: true, units: 1 }, SNP_SAS: { achieved: true, level: 0.5 } },
    });
    expect(points(c, "FORMATION_STAGES")).toBe(0);
    expect(points(c, "SNP_SAS")).toBe(100);
  });
});

describe("précarité and new structures (§3.4)", () => {
  it("adds the two positive gaps to the national rates, capped at 25 % (🔶)", () => {
    const pr = { c2sRate: 0.2, ameRate: 0.03, nationalC2sRate: 0.1, nationalAmeRate: 0.01 };
    const c = t3(4000, { precarite: pr });
    expect(c.precariteRate).toBeCloseTo(0.12, 10);
    expect(c.netEur).toBeCloseTo(55650 * 1.12, 2);
    expect(t3(4000, { precarite: { ...pr, c2sRate: 0.9 } }).precariteRate).toBe(0.25);
    expect(t3(4000, { precarite: { ...pr, c2sRate: 0.01, ameRate: 0 } }).precariteRate).toBe(0);
  });
  it("guaranteed minimum 20,000 € (✅) for a new structure in its first two calendar years", () => {
    const pre = { HORAIRES_SNP: T3.HORAIRES_SNP!, FONCTION_COORDINATION: T3.FONCTION_COORDINATION!, SI_STANDARD: T3.SI_STANDARD! };
    const c = t3(0, { associatedProfessionals: 0, isNewStructure: true, contractStart: "2023-03-01", achievements: pre });
    expect(c.grossEur).toBe(2300 * 7);
    expect(c.netEur).toBe(20000);
    expect(c.guaranteedMinimumApplied).toBe(true);
    const later = t3(0, { associatedProfessionals: 0, isNewStructure: true, contractStart: "2020-03-01", achievements: pre });
    expect(later.guaranteedMinimumApplied).toBe(false);
  });
});

describe("validation (French messages, field names)", () => {
  const bad = (input: Partial<AciInput>): string[] => {
    const r = computeAci(AV1, {
      patientele: 4000,
      associatedProfessionals: 13,
      achievements: T3,
      contractStart: "2023-01-01",
      year: 2023,
      ...input,
    });
    return r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`);
  };
  it("rejects bad numbers, rates, dates, years and unknown indicators", () => {
    expect(bad({ patientele: -1 })).toEqual(["patientele:ACI.NOT_A_NON_NEGATIVE_INTEGER"]);
    expect(bad({ associatedProfessionals: 2.5 })).toEqual(["associatedProfessionals:ACI.NOT_A_NON_NEGATIVE_INTEGER"]);
    expect(bad({ achievements: { FOO: { achieved: true } } })).toEqual(["achievements.FOO:ACI.UNKNOWN_INDICATOR"]);
    expect(bad({ achievements: { SNP_SAS: { achieved: true, level: 1.5 } } })).toEqual([
      "achievements.SNP_SAS.level:ACI.LEVEL_OUT_OF_RANGE",
    ]);
    expect(bad({ achievements: { PROTOCOLES_PLURIPRO: { achieved: true, units: -2 } } })).toEqual([
      "achievements.PROTOCOLES_PLURIPRO.units:ACI.NOT_A_NON_NEGATIVE_INTEGER",
    ]);
    expect(
      bad({ precarite: { c2sRate: 1.2, ameRate: 0, nationalC2sRate: 0.1, nationalAmeRate: -0.1 } }),
    ).toEqual(["precarite.c2sRate:ACI.RATE_OUT_OF_RANGE", "precarite.nationalAmeRate:ACI.RATE_OUT_OF_RANGE"]);
    expect(bad({ year: 2021, contractStart: "2020-01-01" })).toEqual(["year:ACI.YEAR_BEFORE_RULE_SET"]);
    expect(bad({ year: 23 })).toEqual(["year:ACI.YEAR_INVALID"]);
    expect(bad({ contractStart: "2023-02-30" })).toEqual(["contractStart:ACI.DATE_INVALID"]);
    expect(bad({ contractStart: "01/10/2023" })).toEqual(["contractStart:ACI.DATE_INVALID"]);
    expect(bad({ contractStart: "2024-01-01" })).toEqual(["contractStart:ACI.CONTRACT_AFTER_YEAR"]);
  });
});

describe("properties", () => {
  const achievementArb = (rs: AciRuleSet) =>
    fc
      .array(
        fc.record({
          achieved: fc.boolean(),
          units: fc.option(fc.nat(10), { nil: undefined }),
          level: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          withIpa: fc.boolean(),
        }),
        { minLength: rs.indicators.length, maxLength: rs.indicators.length },
      )
      .map((achs) => Object.fromEntries(rs.indicators.map((i, k) => [i.code, achs[k] ?? { achieved: false }])));
  const rsArb = fc.constantFrom(...Object.values(ACI_RULE_SETS));
  const base = { contractStart: "2022-01-01", year: 2023 } as const;

  it("points are non-decreasing in patientèle and in associated PS", () => {
    fc.assert(
      fc.property(
        rsArb.chain((rs) => fc.tuple(fc.constant(rs), achievementArb(rs))),
        fc.nat(20000),
        fc.nat(20000),
        fc.nat(40),
        fc.nat(40),
        ([rs, achievements], p1, p2, ps1, ps2) => {
          const [pLo, pHi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const [sLo, sHi] = ps1 <= ps2 ? [ps1, ps2] : [ps2, ps1];
          const lo = run(rs, { ...base, achievements, patientele: pLo, associatedProfessionals: sLo });
          const hiP = run(rs, { ...base, achievements, patientele: pHi, associatedProfessionals: sLo });
          const hiS = run(rs, { ...base, achievements, patientele: pLo, associatedProfessionals: sHi });
          expect(hiP.points.total).toBeGreaterThanOrEqual(lo.points.total);
          expect(hiS.points.total).toBeGreaterThanOrEqual(lo.points.total);
        },
      ),
    );
  });

  it("net ≥ gross and précarité rate ≤ cap", () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        rsArb.chain((rs) => fc.tuple(fc.constant(rs), achievementArb(rs))),
        fc.nat(20000),
        fc.record({ c2sRate: rate, ameRate: rate, nationalC2sRate: rate, nationalAmeRate: rate }),
        fc.boolean(),
        ([rs, achievements], patientele, precarite, isNewStructure) => {
          const c = run(rs, { ...base, achievements, patientele, precarite, isNewStructure });
          expect(c.netEur).toBeGreaterThanOrEqual(c.grossEur);
          expect(c.precariteRate).toBeLessThanOrEqual(rs.precariteCapRate);
          expect(c.precariteRate).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("advance ≤ net for a full-year contract with full achievement (minimum advance not configured)", () => {
    fc.assert(
      fc.property(rsArb, fc.nat(20000), fc.nat(40), (rs0, patientele, ps) => {
        const rs = { ...rs0, minimumAdvanceEur: null };
        const c = run(rs, { ...base, achievements: all(rs), patientele, associatedProfessionals: ps });
        expect(c.advanceEur).toBeLessThanOrEqual(c.netEur);
        expect(c.balanceEur).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
