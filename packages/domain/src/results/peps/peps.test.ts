import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { PEPS_ERROR_CODES, PEPS_ERROR_MESSAGES } from "./peps.errors.js";
import {
  computePepsForfait,
  ILLUSTRATIVE_PEPS_TABLE,
  type PepsCoefficientTable,
  type PepsInput,
  type PepsPatientGroup,
  validatePepsCoefficientTable,
  validatePepsInputs,
} from "./peps.js";

/** A simple test table (💡 illustrative numbers, DOMAIN.md §4.4: tables are ⚠️, passed in). */
const TABLE: PepsCoefficientTable = {
  id: "PEPS_TEST",
  label: "Table de test",
  illustrative: true,
  basePerPatientEur: 100,
  ageBands: [
    { band: "0-64", minAge: 0, maxAge: 64, coefficient: 1 },
    { band: "65+", minAge: 65, maxAge: null, coefficient: 2 },
  ],
  sexCoefficients: { F: 1.5, M: 1 },
  aldCoefficients: [
    { count: 0, coefficient: 1 },
    { count: 1, coefficient: 2 },
    { count: 2, coefficient: 3 },
  ],
  precariteCoefficient: 1.5,
  qualityBonusMaxRate: 0.1,
  feeForServiceCapRate: null,
};

const input = (overrides: Partial<PepsInput> = {}): PepsInput => ({
  scope: "PATIENTELE_MT",
  groups: [{ ageBand: "0-64", sex: "M", aldCount: 0, precarite: false, patients: 10 }],
  daysInScope: 365,
  daysInPeriod: 365,
  qualityScore: 0,
  feeForServiceEquivalentEur: 0,
  ...overrides,
});

const compute = (table: PepsCoefficientTable, value: PepsInput) => {
  const result = computePepsForfait(table, value);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const codes = (errors: readonly { code: string }[]) => errors.map((e) => e.code);

describe("validatePepsCoefficientTable (DOMAIN.md §4.4, versioned reference data)", () => {
  it("accepts the illustrative table and the test table", () => {
    expect(validatePepsCoefficientTable(ILLUSTRATIVE_PEPS_TABLE)).toEqual({ ok: true, value: ILLUSTRATIVE_PEPS_TABLE });
    expect(validatePepsCoefficientTable(TABLE).ok).toBe(true);
    expect(ILLUSTRATIVE_PEPS_TABLE.illustrative).toBe(true);
  });

  it("accepts a table without sex coefficients", () => {
    const { sexCoefficients: _omitted, ...noSex } = TABLE;
    expect(validatePepsCoefficientTable(noSex).ok).toBe(true);
  });

  it("rejects non-objects", () => {
    const result = validatePepsCoefficientTable("PEPS2");
    expect(!result.ok && codes(result.error)).toEqual(["PEPS.TABLE_NOT_OBJECT"]);
  });

  const rejects = (patch: Record<string, unknown>, code: string) => {
    const result = validatePepsCoefficientTable({ ...TABLE, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(codes(result.error)).toContain(code);
      for (const e of result.error) expect(e.message.length).toBeGreaterThan(0);
    }
  };

  it.each([
    [{ id: " " }, "PEPS.TABLE_ID_REQUIRED"],
    [{ label: "" }, "PEPS.TABLE_LABEL_REQUIRED"],
    [{ illustrative: "oui" }, "PEPS.ILLUSTRATIVE_NOT_BOOLEAN"],
    [{ basePerPatientEur: 0 }, "PEPS.BASE_INVALID"],
    [{ basePerPatientEur: Number.NaN }, "PEPS.BASE_INVALID"],
    [{ ageBands: [] }, "PEPS.AGE_BANDS_EMPTY"],
    [{ ageBands: [{ band: "x", minAge: 0, maxAge: null, coefficient: 0 }] }, "PEPS.COEFFICIENT_INVALID"],
    [{ ageBands: [{ band: "x", minAge: 1, maxAge: null, coefficient: 1 }] }, "PEPS.AGE_BANDS_NOT_FROM_ZERO"],
    [{ ageBands: [{ band: "x", minAge: 5, maxAge: 2, coefficient: 1 }] }, "PEPS.AGE_BAND_INVALID"],
    [
      {
        ageBands: [
          { band: "a", minAge: 0, maxAge: 10, coefficient: 1 },
          { band: "b", minAge: 12, maxAge: null, coefficient: 1 },
        ],
      },
      "PEPS.AGE_BANDS_NOT_CONTIGUOUS",
    ],
    [
      {
        ageBands: [
          { band: "a", minAge: 0, maxAge: 10, coefficient: 1 },
          { band: "b", minAge: 5, maxAge: null, coefficient: 1 },
        ],
      },
      "PEPS.AGE_BANDS_NOT_CONTIGUOUS",
    ],
    [
      {
        ageBands: [
          { band: "a", minAge: 0, maxAge: 10, coefficient: 1 },
          { band: "a", minAge: 11, maxAge: null, coefficient: 1 },
        ],
      },
      "PEPS.AGE_BAND_DUPLICATE",
    ],
    [{ ageBands: [{ band: "a", minAge: 0, maxAge: 99, coefficient: 1 }] }, "PEPS.AGE_BANDS_NOT_OPEN_ENDED"],
    [{ sexCoefficients: { F: 1, M: -1 } }, "PEPS.COEFFICIENT_INVALID"],
    [{ aldCoefficients: [] }, "PEPS.ALD_COEFFICIENTS_INVALID"],
    [{ aldCoefficients: [{ count: 1, coefficient: 1 }] }, "PEPS.ALD_COEFFICIENTS_INVALID"],
    [
      {
        aldCoefficients: [
          { count: 0, coefficient: 1 },
          { count: 2, coefficient: 1 },
        ],
      },
      "PEPS.ALD_COEFFICIENTS_INVALID",
    ],
    [{ aldCoefficients: [{ count: 0, coefficient: 0 }] }, "PEPS.COEFFICIENT_INVALID"],
    [{ precariteCoefficient: 0.9 }, "PEPS.PRECARITE_COEFFICIENT_INVALID"],
    [{ qualityBonusMaxRate: 1.5 }, "PEPS.QUALITY_BONUS_RATE_INVALID"],
    [{ feeForServiceCapRate: -0.2 }, "PEPS.CAP_RATE_INVALID"],
  ])("rejects %j with %s", (patch, code) => rejects(patch, code));

  it("sorts bands and ALD entries given out of order", () => {
    const result = validatePepsCoefficientTable({
      ...TABLE,
      ageBands: [...TABLE.ageBands].reverse(),
      aldCoefficients: [...TABLE.aldCoefficients].reverse(),
    });
    expect(result.ok && result.value.ageBands.map((b) => b.band)).toEqual(["0-64", "65+"]);
    expect(result.ok && result.value.aldCoefficients.map((a) => a.count)).toEqual([0, 1, 2]);
  });

  it("has a French message for every code", () => {
    for (const code of PEPS_ERROR_CODES) expect(PEPS_ERROR_MESSAGES[code]).toMatch(/\S/);
  });
});

describe("validatePepsInputs", () => {
  it("accepts a valid input", () => {
    expect(validatePepsInputs(TABLE, input())).toEqual([]);
  });

  it.each<[Partial<PepsInput>, string]>([
    [{ scope: "TOUS" as never }, "PEPS.SCOPE_INVALID"],
    [{ daysInPeriod: 0 }, "PEPS.DAYS_IN_PERIOD_INVALID"],
    [{ daysInScope: 366 }, "PEPS.DAYS_IN_SCOPE_INVALID"],
    [{ daysInScope: -1 }, "PEPS.DAYS_IN_SCOPE_INVALID"],
    [{ qualityScore: 1.1 }, "PEPS.QUALITY_SCORE_INVALID"],
    [{ feeForServiceEquivalentEur: -1 }, "PEPS.FEE_FOR_SERVICE_INVALID"],
    [{ groups: [{ ageBand: "90+", sex: "M", aldCount: 0, precarite: false, patients: 1 }] }, "PEPS.GROUP_AGE_BAND_UNKNOWN"],
    [{ groups: [{ ageBand: "0-64", sex: "X" as never, aldCount: 0, precarite: false, patients: 1 }] }, "PEPS.GROUP_SEX_INVALID"],
    [{ groups: [{ ageBand: "0-64", sex: "F", aldCount: 1.5, precarite: false, patients: 1 }] }, "PEPS.GROUP_ALD_COUNT_INVALID"],
    [{ groups: [{ ageBand: "0-64", sex: "F", aldCount: 0, precarite: false, patients: -3 }] }, "PEPS.GROUP_PATIENTS_INVALID"],
    [
      {
        scope: "AGE_65_PLUS" as const,
        groups: [{ ageBand: "0-64", sex: "F" as const, aldCount: 0, precarite: false, patients: 1 }],
      },
      "PEPS.GROUP_AGE_BAND_OUT_OF_SCOPE",
    ],
    [
      {
        groups: [
          { ageBand: "0-64", sex: "F" as const, aldCount: 2, precarite: false, patients: 1 },
          { ageBand: "0-64", sex: "F" as const, aldCount: 5, precarite: false, patients: 1 },
        ],
      },
      "PEPS.GROUP_DUPLICATE",
    ],
  ])("rejects %j with %s", (patch, code) => {
    expect(codes(validatePepsInputs(TABLE, input(patch)))).toContain(code);
    const result = computePepsForfait(TABLE, input(patch));
    expect(result.ok).toBe(false);
  });
});

describe("computePepsForfait (DOMAIN.md §4.4)", () => {
  it("hand-computed: base × age × sex × ALD × patients", () => {
    // 10 × 100 × 1 × 1 × 1 = 1 000 ; 5 × 100 × 2 (65+) × 1.5 (F) × 3 (ALD 4 → "2+") = 4 500
    const value = compute(
      TABLE,
      input({
        groups: [
          { ageBand: "0-64", sex: "M", aldCount: 0, precarite: false, patients: 10 },
          { ageBand: "65+", sex: "F", aldCount: 4, precarite: false, patients: 5 },
        ],
      }),
    );
    expect(value.byGroup.map((g) => g.forfaitEur)).toEqual([1000, 4500]);
    expect(value).toMatchObject({ baseEur: 5500, precariteEur: 0, qualityBonusEur: 0, capped: false, totalEur: 5500, patients: 15 });
    expect(value.perPatientEur).toBeCloseTo(5500 / 15, 10);
  });

  it("précarité majoration: uplift = forfait × (coef − 1)", () => {
    const value = compute(TABLE, input({ groups: [{ ageBand: "0-64", sex: "M", aldCount: 1, precarite: true, patients: 4 }] }));
    // 4 × 100 × 2 = 800 base ; × 1.5 ⇒ 1 200, uplift 400
    expect(value).toMatchObject({ baseEur: 800, precariteEur: 400, totalEur: 1200 });
    expect(value.byGroup[0]?.forfaitEur).toBe(1200);
  });

  it("quality bonus: (base + précarité) × maxRate × score", () => {
    const value = compute(TABLE, input({ qualityScore: 0.5 }));
    // 1 000 × 0.1 × 0.5 = 50
    expect(value.qualityBonusEur).toBeCloseTo(50, 10);
    expect(value.totalEur).toBeCloseTo(1050, 10);
  });

  it("pro rata of days in scope (💡)", () => {
    const value = compute(TABLE, input({ daysInScope: 73, daysInPeriod: 365 }));
    expect(value.totalEur).toBeCloseTo(200, 10);
    expect(compute(TABLE, input({ daysInScope: 0 })).totalEur).toBe(0);
  });

  it("cap relative to the fee-for-service equivalent (⚠️ read as ≤ (1 + rate) × FFS)", () => {
    const capped = { ...TABLE, feeForServiceCapRate: 0.2 };
    const value = compute(capped, input({ feeForServiceEquivalentEur: 500 }));
    expect(value).toMatchObject({ capped: true, totalEur: 600, capReductionEur: 400, baseEur: 1000 });
    expect(compute(capped, input({ feeForServiceEquivalentEur: 1000 }))).toMatchObject({ capped: false, totalEur: 1000 });
    // No cap configured ⇒ never capped
    expect(compute(TABLE, input({ feeForServiceEquivalentEur: 0 })).capped).toBe(false);
  });

  it("works with the illustrative table (no sex coefficient when absent)", () => {
    const { sexCoefficients: _omitted, ...noSex } = ILLUSTRATIVE_PEPS_TABLE;
    const f = compute(noSex, input({ groups: [{ ageBand: "85+", sex: "F", aldCount: 0, precarite: false, patients: 1 }], feeForServiceEquivalentEur: 1000 }));
    expect(f.totalEur).toBeCloseTo(230, 10);
  });
});

const groupArb = (table: PepsCoefficientTable): fc.Arbitrary<PepsPatientGroup> =>
  fc.record({
    ageBand: fc.constantFrom(...table.ageBands.map((b) => b.band)),
    sex: fc.constantFrom("F" as const, "M" as const),
    aldCount: fc.integer({ min: 0, max: 2 }),
    precarite: fc.boolean(),
    patients: fc.integer({ min: 0, max: 5000 }),
  });

const inputArb: fc.Arbitrary<PepsInput> = fc
  .tuple(
    fc.uniqueArray(groupArb(ILLUSTRATIVE_PEPS_TABLE), {
      maxLength: 8,
      selector: (g) => JSON.stringify([g.ageBand, g.sex, g.aldCount, g.precarite]),
    }),
    fc.integer({ min: 1, max: 366 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 2_000_000, noNaN: true }),
  )
  .map(([groups, daysInPeriod, daysRatio, qualityScore, ffs]) => ({
    scope: "PATIENTELE_MT" as const,
    groups,
    daysInPeriod,
    daysInScope: Math.round(daysRatio * daysInPeriod),
    qualityScore,
    feeForServiceEquivalentEur: ffs,
  }));

const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("computePepsForfait properties", () => {
  it("total = base + précarité + bonus − cap reduction, = Σ groups before bonus, never above the cap", () => {
    fc.assert(
      fc.property(inputArb, (value) => {
        const f = compute(ILLUSTRATIVE_PEPS_TABLE, value);
        expect(relClose(f.totalEur, f.baseEur + f.precariteEur + f.qualityBonusEur - f.capReductionEur)).toBe(true);
        const sumGroups = f.byGroup.reduce((s, g) => s + g.forfaitEur, 0);
        expect(relClose(sumGroups, f.baseEur + f.precariteEur)).toBe(true);
        expect(f.patients).toBe(value.groups.reduce((s, g) => s + g.patients, 0));
        expect(f.totalEur).toBeGreaterThanOrEqual(0);
        expect(f.totalEur).toBeLessThanOrEqual(1.2 * value.feeForServiceEquivalentEur + 1e-6);
        expect(f.capped).toBe(f.capReductionEur > 0);
      }),
    );
  });

  it("zero patients ⇒ 0", () => {
    fc.assert(
      fc.property(inputArb, (value) => {
        const f = compute(ILLUSTRATIVE_PEPS_TABLE, { ...value, groups: value.groups.map((g) => ({ ...g, patients: 0 })) });
        expect(f.totalEur).toBe(0);
        expect(f.perPatientEur).toBe(0);
      }),
    );
  });

  it("monotone in patients", () => {
    fc.assert(
      fc.property(inputArb, fc.nat({ max: 1000 }), fc.nat(), (value, extra, index) => {
        if (value.groups.length === 0) return;
        const i = index % value.groups.length;
        const more = { ...value, groups: value.groups.map((g, j) => (j === i ? { ...g, patients: g.patients + extra } : g)) };
        expect(compute(ILLUSTRATIVE_PEPS_TABLE, more).totalEur).toBeGreaterThanOrEqual(compute(ILLUSTRATIVE_PEPS_TABLE, value).totalEur);
      }),
    );
  });

  it("monotone in days in scope", () => {
    fc.assert(
      fc.property(inputArb, fc.nat({ max: 366 }), (value, extra) => {
        const more = { ...value, daysInScope: Math.min(value.daysInPeriod, value.daysInScope + extra) };
        expect(compute(ILLUSTRATIVE_PEPS_TABLE, more).totalEur).toBeGreaterThanOrEqual(compute(ILLUSTRATIVE_PEPS_TABLE, value).totalEur);
      }),
    );
  });
});
