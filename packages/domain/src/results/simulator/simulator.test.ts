import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ILLUSTRATIVE_PEPS_TABLE, type PepsCoefficientTable, type PepsPatientGroup } from "../peps/peps.js";
import { patientMixFromShares, simulatePeps } from "./simulator.js";

const T = ILLUSTRATIVE_PEPS_TABLE;
const group = (overrides: Partial<PepsPatientGroup> = {}): PepsPatientGroup => ({
  ageBand: "45-64",
  sex: "F",
  aldCount: 0,
  precarite: false,
  patients: 100,
  ...overrides,
});
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};

describe(simulatePeps.name, () => {
  // DOMAIN.md §4.4 by hand, illustrative table: 100 € × 1.1 (45-64) × 1.05 (F) = 115.50 €/patient; 100 patients =
  // 11,550 €; quality bonus 5 % × 1 = 577.50 € → 12,127.50 €; cap +20 % of 10,000 € = 12,000 €.
  it("capped: 100 women aged 45–64, quality 1, 10,000 € at the act → 12,000 € (cap), +2,000 € (+20 %)", () => {
    const s = value(simulatePeps(T, { groups: [group()], qualityScore: 1, feeForServiceEur: 10_000 }));
    expect(s.illustrative).toBe(true);
    expect(s.tableId).toBe("PEPS_ILLUSTRATIF");
    expect(s.patients).toBe(100);
    expect(s.groups[0]?.coefficient).toBeCloseTo(1.155, 10);
    expect(s.groups[0]?.perPatientEur).toBeCloseTo(115.5, 10);
    expect(s.groups[0]?.forfaitEur).toBeCloseTo(11_550, 8);
    expect(s.groups[0]?.share).toBe(1);
    expect(s.baseEur).toBeCloseTo(11_550, 8);
    expect(s.qualityBonusEur).toBeCloseTo(577.5, 8);
    expect(s.uncappedEur).toBeCloseTo(12_127.5, 8);
    expect(s.capEur).toBeCloseTo(12_000, 8);
    expect(s.capped).toBe(true);
    expect(s.capReductionEur).toBeCloseTo(127.5, 8);
    expect(s.pepsEur).toBeCloseTo(12_000, 8);
    expect(s.differenceEur).toBeCloseTo(2_000, 8);
    expect(s.differenceRate).toBeCloseTo(0.2, 10);
    expect(s.pepsPerPatientEur).toBeCloseTo(120, 8);
    expect(s.feeForServicePerPatientEur).toBe(100);
  });

  it("not capped: the same mix against 20,000 € at the act → 12,127.50 €, −7,872.50 € (−39.4 %)", () => {
    const s = value(simulatePeps(T, { groups: [group()], qualityScore: 1, feeForServiceEur: 20_000 }));
    expect(s.capped).toBe(false);
    expect(s.capReductionEur).toBe(0);
    expect(s.pepsEur).toBeCloseTo(12_127.5, 8);
    expect(s.differenceEur).toBeCloseTo(-7_872.5, 8);
    expect(s.differenceRate).toBeCloseTo(-0.393625, 10);
  });

  it("multiplies age × sex × ALD × précarité per group: a man aged 85+ with 2 ALD in C2S weighs 2.3 × 2.2 × 1.2", () => {
    const s = value(
      simulatePeps(T, {
        groups: [group({ ageBand: "85+", sex: "M", aldCount: 3, precarite: true, patients: 10 }), group({ patients: 0 })],
        qualityScore: 0,
        feeForServiceEur: 0,
      }),
    );
    expect(s.groups[0]?.coefficient).toBeCloseTo(2.3 * 2.2 * 1.2, 10);
    expect(s.groups[0]?.forfaitEur).toBeCloseTo(6_072, 8);
    expect(s.precariteEur).toBeCloseTo(6_072 - 5_060, 8);
    // A group without patients still shows its per-patient forfait.
    expect(s.groups[1]).toMatchObject({ patients: 0, forfaitEur: 0, share: 0 });
    expect(s.groups[1]?.perPatientEur).toBeCloseTo(115.5, 10);
    // No fee-for-service income: the cap is 0 € (the table's cap is relative to it) and there is no rate to show.
    expect(s.capped).toBe(true);
    expect(s.pepsEur).toBe(0);
    expect(s.differenceRate).toBeNull();
  });

  it("without a cap in the table, nothing is capped", () => {
    const table: PepsCoefficientTable = { ...T, feeForServiceCapRate: null };
    const s = value(simulatePeps(table, { groups: [group()], qualityScore: 1, feeForServiceEur: 1 }));
    expect(s.capEur).toBeNull();
    expect(s.capped).toBe(false);
    expect(s.pepsEur).toBeCloseTo(12_127.5, 8);
  });

  it("reports every invalid field in French (fee-for-service, groups, quality score)", () => {
    const r = simulatePeps(T, { groups: [group({ ageBand: "12-20" }), group({ patients: -1 })], qualityScore: 2, feeForServiceEur: -5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => [e.field, e.code])).toEqual([
      ["feeForServiceEur", "SIMULATOR.FEE_FOR_SERVICE_INVALID"],
      ["groups[0].ageBand", "PEPS.GROUP_AGE_BAND_UNKNOWN"],
      ["groups[1].patients", "PEPS.GROUP_PATIENTS_INVALID"],
      ["qualityScore", "PEPS.QUALITY_SCORE_INVALID"],
    ]);
    expect(r.error[0]?.message).toBe("Le montant perçu à l'acte doit être un nombre positif ou nul.");
  });

  const groupArb = fc.record({
    ageBand: fc.constantFrom(...T.ageBands.map((b) => b.band)),
    sex: fc.constantFrom<"F" | "M">("F", "M"),
    aldCount: fc.integer({ min: 0, max: 2 }),
    precarite: fc.boolean(),
    patients: fc.integer({ min: 0, max: 5_000 }),
  });
  /** Groups with distinct cells (the calculator refuses a duplicated cell). */
  const mixArb = fc.uniqueArray(groupArb, { minLength: 1, maxLength: 20, selector: (g) => `${g.ageBand}|${g.sex}|${g.aldCount}|${g.precarite}` });
  const ffsArb = fc.double({ min: 0, max: 5_000_000, noNaN: true });
  const qualityArb = fc.double({ min: 0, max: 1, noNaN: true });
  const tableArb = fc.constantFrom<PepsCoefficientTable>(T, { ...T, feeForServiceCapRate: null }, { ...T, feeForServiceCapRate: 0 });

  it("property: more patients in any group never lowers the forfait (fee-for-service unchanged)", () => {
    fc.assert(
      fc.property(tableArb, mixArb, fc.nat(), fc.integer({ min: 1, max: 2_000 }), qualityArb, ffsArb, (table, mix, pick, extra, quality, ffs) => {
        const i = pick % mix.length;
        const more = mix.map((g, j) => (j === i ? { ...g, patients: g.patients + extra } : g));
        const before = value(simulatePeps(table, { groups: mix, qualityScore: quality, feeForServiceEur: ffs }));
        const after = value(simulatePeps(table, { groups: more, qualityScore: quality, feeForServiceEur: ffs }));
        expect(after.pepsEur).toBeGreaterThanOrEqual(before.pepsEur);
        expect(after.uncappedEur).toBeGreaterThan(before.uncappedEur);
      }),
    );
  });

  it("property: the cap holds, and the figures add up", () => {
    fc.assert(
      fc.property(tableArb, mixArb, qualityArb, ffsArb, (table, mix, quality, ffs) => {
        const s = value(simulatePeps(table, { groups: mix, qualityScore: quality, feeForServiceEur: ffs }));
        const tolerance = 1e-6 * Math.max(1, s.uncappedEur);
        if (table.feeForServiceCapRate !== null) expect(s.pepsEur).toBeLessThanOrEqual((1 + table.feeForServiceCapRate) * ffs + tolerance);
        expect(s.pepsEur).toBeLessThanOrEqual(s.uncappedEur + tolerance);
        expect(Math.abs(s.pepsEur + s.capReductionEur - s.uncappedEur)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(s.groups.reduce((sum, g) => sum + g.forfaitEur, 0) - (s.baseEur + s.precariteEur))).toBeLessThanOrEqual(tolerance);
        expect(s.differenceEur).toBeCloseTo(s.pepsEur - ffs, 6);
        expect(s.patients).toBe(mix.reduce((sum, g) => sum + g.patients, 0));
      }),
    );
  });
});

describe(patientMixFromShares.name, () => {
  const allMiddleAged = { "45-64": 1 };

  it("spreads a total over the grid: 1,000 patients aged 45–64, 52 % women, no ALD, no précarité", () => {
    const mix = value(patientMixFromShares(T, { totalPatients: 1_000, ageShares: allMiddleAged, womenShare: 0.52, aldShare: 0, precariteShare: 0 }));
    // 7 bands × 2 sexes × 3 ALD levels × 2 précarité.
    expect(mix).toHaveLength(84);
    expect(mix.filter((g) => g.patients > 0)).toEqual([
      { ageBand: "45-64", sex: "F", aldCount: 0, precarite: false, patients: 520 },
      { ageBand: "45-64", sex: "M", aldCount: 0, precarite: false, patients: 480 },
    ]);
  });

  it("splits ALD patients into 1 and 2+ and rounds to whole patients that add up to the total", () => {
    const mix = value(
      patientMixFromShares(T, {
        totalPatients: 999,
        ageShares: { "0-6": 0.1, "16-44": 0.4, "65-74": 0.3, "85+": 0.2 },
        womenShare: 0.5,
        aldShare: 0.2,
        multiAldShare: 0.25,
        precariteShare: 0.1,
      }),
    );
    expect(mix.reduce((s, g) => s + g.patients, 0)).toBe(999);
    const ald = (n: number) => mix.filter((g) => g.aldCount === n).reduce((s, g) => s + g.patients, 0);
    expect(Math.abs(ald(1) - 999 * 0.15)).toBeLessThanOrEqual(8);
    expect(Math.abs(ald(2) - 999 * 0.05)).toBeLessThanOrEqual(8);
    // The mix is accepted by the simulator as it is.
    expect(simulatePeps(T, { groups: mix, qualityScore: 0.5, feeForServiceEur: 100_000 }).ok).toBe(true);
  });

  it("refuses shares outside 0–100 %, unknown bands and age shares that do not add up to 100 %", () => {
    const bad = patientMixFromShares(T, { totalPatients: 1.5, ageShares: { "45-64": 0.5, "12-20": 0.5 }, womenShare: 1.2, aldShare: -0.1, precariteShare: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.map((e) => e.field)).toEqual(["totalPatients", "ageShares.12-20", "womenShare", "aldShare"]);
    }
    const sum = patientMixFromShares(T, { totalPatients: 10, ageShares: { "45-64": 0.5, "65-74": 0.4 }, womenShare: 0.5, aldShare: 0, precariteShare: 0 });
    expect(sum.ok ? [] : sum.error.map((e) => [e.field, e.message])).toEqual([["ageShares", "Les parts par tranche d'âge doivent totaliser 100 %."]]);
  });

  it("property: whole, non-negative counts that add up to the total", () => {
    const bands = T.ageBands.map((b) => b.band);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: bands.length, maxLength: bands.length }).filter((w) => w.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, weights, women, ald, multi, prec) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const ageShares = Object.fromEntries(bands.map((b, i) => [b, (weights[i] ?? 0) / sum]));
          const mix = value(patientMixFromShares(T, { totalPatients: total, ageShares, womenShare: women, aldShare: ald, multiAldShare: multi, precariteShare: prec }));
          expect(mix.reduce((s, g) => s + g.patients, 0)).toBe(total);
          for (const g of mix) expect(Number.isInteger(g.patients) && g.patients >= 0).toBe(true);
        },
      ),
    );
  });
});
