import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { IPEP_ERROR_CODES, IPEP_ERROR_MESSAGES } from "./ipep.errors.js";
import {
  computeIpepIncentive,
  DEFAULT_IPEP_PARAMETERS,
  type IpepInput,
  type IpepParameters,
  validateIpepParameters,
} from "./ipep.js";

const QUALITY = { soclePoints: 40, aLaCartePoints: 0, patientExperiencePoints: 10 };

const ipepInput = (overrides: Partial<IpepInput> = {}): IpepInput => ({
  patients: 5000,
  gainLevelPerPatientEur: 30,
  gainEvolutionPerPatientEur: 12,
  quality: QUALITY,
  ...overrides,
});

const compute = (params: IpepParameters, input: IpepInput) => {
  const result = computeIpepIncentive(params, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const codes = (errors: readonly { code: string }[]) => errors.map((e) => e.code);

describe("IPEP parameters (DOMAIN.md §5.2 ✅ [S41])", () => {
  it("defaults are C_écart 1/3, C_évolution 2/3, C_partage 50 %, patient experience ≤ 20, no modulation (⚠️)", () => {
    expect(DEFAULT_IPEP_PARAMETERS).toMatchObject({ cEcart: 1 / 3, cEvolution: 2 / 3, shareOfSavings: 0.5, patientExperienceMaxPoints: 20 });
    expect(DEFAULT_IPEP_PARAMETERS.qualityModulation.kind).toBe("NONE");
    expect(validateIpepParameters(DEFAULT_IPEP_PARAMETERS).ok).toBe(true);
  });

  it.each([
    [{ id: "" }, "IPEP.PARAMETERS_ID_REQUIRED"],
    [{ cEcart: 0.5, cEvolution: 0.6 }, "IPEP.COEFFICIENTS_SUM_NOT_ONE"],
    [{ cEcart: -0.5, cEvolution: 1.5 }, "IPEP.COEFFICIENT_OUT_OF_RANGE"],
    [{ shareOfSavings: 0 }, "IPEP.SHARE_OF_SAVINGS_INVALID"],
    [{ shareOfSavings: 1.2 }, "IPEP.SHARE_OF_SAVINGS_INVALID"],
    [{ patientExperienceMaxPoints: 25 }, "IPEP.PATIENT_EXPERIENCE_MAX_INVALID"],
    [{ qualityModulation: { kind: "LINEAR" as const, maxScore: 0, minimumScore: 0 } }, "IPEP.QUALITY_RULE_INVALID"],
    [{ qualityModulation: { kind: "LINEAR" as const, maxScore: 100, minimumScore: 120 } }, "IPEP.QUALITY_RULE_INVALID"],
  ])("rejects %j with %s", (patch, code) => {
    const result = validateIpepParameters({ ...DEFAULT_IPEP_PARAMETERS, ...patch });
    expect(!result.ok && codes(result.error)).toContain(code);
    expect(computeIpepIncentive({ ...DEFAULT_IPEP_PARAMETERS, ...patch }, ipepInput()).ok).toBe(false);
  });

  it("cEcart + cEvolution must equal 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const result = validateIpepParameters({ ...DEFAULT_IPEP_PARAMETERS, cEcart: a, cEvolution: b });
        expect(result.ok).toBe(Math.abs(a + b - 1) <= 1e-9);
      }),
    );
    expect(validateIpepParameters({ ...DEFAULT_IPEP_PARAMETERS, cEcart: 0.5, cEvolution: 0.5 }).ok).toBe(true);
  });

  it("has a French message for every code", () => {
    for (const code of IPEP_ERROR_CODES) expect(IPEP_ERROR_MESSAGES[code]).toMatch(/\S/);
  });
});

describe("computeIpepIncentive (DOMAIN.md §5.2)", () => {
  it("T-IPEP-1: +30 / +12 €/patient, 5 000 patients ⇒ 9 €/patient, 45 000 € before modulation", () => {
    const value = compute(DEFAULT_IPEP_PARAMETERS, ipepInput());
    expect(value.perPatientEur).toBe(9);
    expect(value.grossEur).toBe(45000);
    expect(value.modulationRate).toBe(1);
    expect(value.totalEur).toBe(45000);
  });

  it("T-IPEP-1: negative gap floored ⇒ 0.5 × (0 + 8) = 4 €/patient", () => {
    const value = compute(DEFAULT_IPEP_PARAMETERS, ipepInput({ gainLevelPerPatientEur: -30 }));
    expect(value.perPatientEur).toBe(4);
    expect(value.grossEur).toBe(20000);
  });

  it("negative evolution does not cancel a favourable gap", () => {
    expect(compute(DEFAULT_IPEP_PARAMETERS, ipepInput({ gainEvolutionPerPatientEur: -100 })).perPatientEur).toBe(5);
  });

  it("quality score = socle + à la carte + patient experience (§5.3 ✅)", () => {
    const value = compute(DEFAULT_IPEP_PARAMETERS, ipepInput({ quality: { soclePoints: 50, aLaCartePoints: 20, patientExperiencePoints: 15 } }));
    expect(value.qualityScore).toBe(85);
  });

  it("LINEAR modulation (💡): threshold, then score / max, capped at 1", () => {
    const params: IpepParameters = { ...DEFAULT_IPEP_PARAMETERS, qualityModulation: { kind: "LINEAR", maxScore: 100, minimumScore: 30 } };
    expect(compute(params, ipepInput()).modulationRate).toBe(0.5);
    expect(compute(params, ipepInput()).totalEur).toBe(22500);
    expect(compute(params, ipepInput({ quality: { soclePoints: 20, aLaCartePoints: 0, patientExperiencePoints: 0 } })).totalEur).toBe(0);
    expect(compute(params, ipepInput({ quality: { soclePoints: 150, aLaCartePoints: 0, patientExperiencePoints: 20 } })).modulationRate).toBe(1);
  });

  it("USER_ENTERED modulation (⚠️ → user-entered value) requires a rate in [0, 1]", () => {
    const params: IpepParameters = { ...DEFAULT_IPEP_PARAMETERS, qualityModulation: { kind: "USER_ENTERED" } };
    expect(compute(params, ipepInput({ quality: { ...QUALITY, enteredModulationRate: 0.8 } })).totalEur).toBe(36000);
    const missing = computeIpepIncentive(params, ipepInput());
    expect(!missing.ok && codes(missing.error)).toEqual(["IPEP.MODULATION_RATE_REQUIRED"]);
  });

  it.each([
    [{ patients: -1 }, "IPEP.PATIENTS_INVALID"],
    [{ patients: 1.5 }, "IPEP.PATIENTS_INVALID"],
    [{ gainLevelPerPatientEur: Number.NaN }, "IPEP.GAIN_INVALID"],
    [{ gainEvolutionPerPatientEur: Number.POSITIVE_INFINITY }, "IPEP.GAIN_INVALID"],
    [{ quality: { ...QUALITY, soclePoints: -1 } }, "IPEP.QUALITY_POINTS_INVALID"],
    [{ quality: { ...QUALITY, aLaCartePoints: -1 } }, "IPEP.QUALITY_POINTS_INVALID"],
    [{ quality: { ...QUALITY, patientExperiencePoints: 21 } }, "IPEP.PATIENT_EXPERIENCE_POINTS_INVALID"],
  ])("rejects input %j with %s", (patch, code) => {
    const result = computeIpepIncentive(DEFAULT_IPEP_PARAMETERS, ipepInput(patch));
    expect(!result.ok && codes(result.error)).toContain(code);
  });
});

const gain = fc.double({ min: -1000, max: 1000, noNaN: true });
const inputArb = fc.record({
  patients: fc.integer({ min: 0, max: 200_000 }),
  gainLevelPerPatientEur: gain,
  gainEvolutionPerPatientEur: gain,
  quality: fc.record({
    soclePoints: fc.double({ min: 0, max: 200, noNaN: true }),
    aLaCartePoints: fc.double({ min: 0, max: 100, noNaN: true }),
    patientExperiencePoints: fc.double({ min: 0, max: 20, noNaN: true }),
  }),
});
const paramsArb = fc.oneof(
  fc.constant(DEFAULT_IPEP_PARAMETERS),
  fc.constant<IpepParameters>({ ...DEFAULT_IPEP_PARAMETERS, qualityModulation: { kind: "LINEAR", maxScore: 100, minimumScore: 30 } }),
);

describe("computeIpepIncentive properties", () => {
  it("never negative; total = gross × rate; gross = per patient × patients", () => {
    fc.assert(
      fc.property(paramsArb, inputArb, (params, input) => {
        const v = compute(params, input);
        expect(v.perPatientEur).toBeGreaterThanOrEqual(0);
        expect(v.totalEur).toBeGreaterThanOrEqual(0);
        expect(v.grossEur).toBe(v.perPatientEur * input.patients);
        expect(v.totalEur).toBe(v.grossEur * v.modulationRate);
        expect(v.modulationRate).toBeGreaterThanOrEqual(0);
        expect(v.modulationRate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("monotone in gains and patients", () => {
    fc.assert(
      fc.property(
        paramsArb,
        inputArb,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.nat({ max: 10_000 }),
        (params, input, dLevel, dEvolution, dPatients) => {
          const base = compute(params, input).totalEur;
          const more = (patch: Partial<IpepInput>) => compute(params, { ...input, ...patch }).totalEur;
          expect(more({ gainLevelPerPatientEur: input.gainLevelPerPatientEur + dLevel })).toBeGreaterThanOrEqual(base);
          expect(more({ gainEvolutionPerPatientEur: input.gainEvolutionPerPatientEur + dEvolution })).toBeGreaterThanOrEqual(base);
          expect(more({ patients: input.patients + dPatients })).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it("all-negative gains ⇒ 0", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const v = compute(DEFAULT_IPEP_PARAMETERS, {
          ...input,
          gainLevelPerPatientEur: -Math.abs(input.gainLevelPerPatientEur),
          gainEvolutionPerPatientEur: -Math.abs(input.gainEvolutionPerPatientEur),
        });
        expect(v.totalEur).toBe(0);
      }),
    );
  });
});
