import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ACI_RULE_SETS } from "../aci/aci.rule-sets.js";
import { computeAci } from "../aci/aci.js";
import { computeIpepIncentive, DEFAULT_IPEP_PARAMETERS } from "../ipep/ipep.js";
import { computePepsForfait, ILLUSTRATIVE_PEPS_TABLE } from "../peps/peps.js";
import { DEFAULT_RESULTS_REFERENCE_DATA as REF, daysInYear, evaluatePeriod, mspSizeBand, validatePeriodInputs } from "./periods.js";

const TODAY = new Date("2026-11-30T12:00:00Z");

const pepsInputs = (over: Record<string, unknown> = {}) => ({
  tableId: "PEPS_ILLUSTRATIF",
  scope: "PATIENTELE_MT",
  patientele: 1500,
  groups: [
    { ageBand: "16-44", sex: "F", aldCount: 0, precarite: false, patients: 600 },
    { ageBand: "45-64", sex: "M", aldCount: 1, precarite: true, patients: 500 },
    { ageBand: "75-84", sex: "F", aldCount: 2, precarite: false, patients: 400 },
  ],
  daysInScope: 365,
  daysInPeriod: 365,
  qualityScore: 0.8,
  qualityIndicators: [{ code: "VACC_GRIPPE", label: "Vaccination antigrippale des 65 ans et plus", value: 61.5 }],
  forfaitReceivedEur: 200_000,
  feeForServiceEquivalentEur: 190_000,
  internalSplit: [
    { label: "Médecins généralistes", amountEur: 150_000 },
    { label: "Infirmiers", amountEur: 50_000 },
  ],
  ...over,
});

const ipepInputs = (over: Record<string, unknown> = {}) => ({
  parametersId: "IPEP_2022",
  groupement: "Groupement du Val de l'Isle",
  patients: 5000,
  gainLevelPerPatientEur: 30,
  gainEvolutionPerPatientEur: 12,
  soclePoints: 40,
  aLaCartePoints: 10,
  patientExperiencePoints: 15,
  qualityIndicators: [],
  incentiveReceivedEur: null,
  ...over,
});

const allAchieved = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, { achieved: true }]));
const AV1 = ACI_RULE_SETS.ACI2017_AV1;

const errorsOf = (r: ReturnType<typeof evaluatePeriod>) => (r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`));

describe("evaluatePeriod — PEPS (DOMAIN.md §4.4)", () => {
  it("computes the forfait with the calculator and keeps received and fee-for-service amounts beside it", () => {
    const r = evaluatePeriod("PEPS", 2025, pepsInputs(), REF, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok || !("peps" in r.value.outputs)) return;
    const direct = computePepsForfait(ILLUSTRATIVE_PEPS_TABLE, r.value.inputs as never);
    expect(direct.ok && direct.value).toEqual(r.value.outputs.peps);
    const { summary } = r.value.outputs;
    expect(summary).toMatchObject({ programme: "PEPS", referenceId: "PEPS_ILLUSTRATIF", illustrative: true, patients: 1500, receivedEur: 200_000, feeForServiceEquivalentEur: 190_000, score: 80 });
    expect(summary.computedEur).toBeCloseTo(r.value.outputs.peps.totalEur, 9);
    expect(summary.indicators).toEqual({ VACC_GRIPPE: 61.5 });
    expect(r.value.referenceId).toBe("PEPS_ILLUSTRATIF");
  });

  it("requires the patient mix to add up to the patientèle", () => {
    expect(errorsOf(evaluatePeriod("PEPS", 2025, pepsInputs({ patientele: 1499 }), REF, TODAY))).toEqual(["patientele:PERIOD.PATIENT_MIX_SUM"]);
  });

  it("requires the internal split to add up to the forfait received, to the euro", () => {
    expect(errorsOf(evaluatePeriod("PEPS", 2025, pepsInputs({ forfaitReceivedEur: 200_002 }), REF, TODAY))).toEqual(["internalSplit:PERIOD.SPLIT_SUM"]);
    expect(evaluatePeriod("PEPS", 2025, pepsInputs({ forfaitReceivedEur: 200_000.5 }), REF, TODAY).ok).toBe(true);
    expect(evaluatePeriod("PEPS", 2025, pepsInputs({ internalSplit: [] }), REF, TODAY).ok).toBe(true);
  });

  it("names every bad field in French, including the calculator's range checks", () => {
    const r = evaluatePeriod(
      "PEPS",
      2025,
      pepsInputs({ tableId: "PEPS_INCONNUE", qualityScore: 1.2, daysInPeriod: 360, qualityIndicators: [{ code: "A", label: "a", value: 120 }] }),
      REF,
      TODAY,
    );
    expect(errorsOf(r)).toEqual([
      "tableId:PERIOD.REFERENCE_UNKNOWN",
      "qualityScore:PERIOD.PERCENT_OUT_OF_RANGE",
      "qualityIndicators[0].value:PERIOD.INDICATOR_OUT_OF_RANGE",
      "daysInPeriod:PERIOD.DAYS_IN_PERIOD_YEAR",
    ]);
    expect(r.ok ? [] : r.error.every((e) => /[a-zé]/.test(e.message))).toBe(true);
    const groups = evaluatePeriod("PEPS", 2025, pepsInputs({ groups: [{ ageBand: "99-120", sex: "X", aldCount: -1, precarite: "oui", patients: 1500 }] }), REF, TODAY);
    expect(errorsOf(groups)).toEqual([
      "groups[0].ageBand:PEPS.GROUP_AGE_BAND_UNKNOWN",
      "groups[0].sex:PEPS.GROUP_SEX_INVALID",
      "groups[0].aldCount:PEPS.GROUP_ALD_COUNT_INVALID",
      "groups[0].precarite:PEPS.GROUP_PRECARITE_INVALID",
    ]);
  });

  it("reports missing fields as required", () => {
    const r = evaluatePeriod("PEPS", 2025, {}, REF, TODAY);
    expect(errorsOf(r)).toEqual(expect.arrayContaining(["tableId:PERIOD.REQUIRED", "groups:PERIOD.REQUIRED", "forfaitReceivedEur:PERIOD.REQUIRED"]));
  });

  it("daysInPeriod is the year's length (leap years included)", () => {
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2025)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(evaluatePeriod("PEPS", 2024, pepsInputs({ daysInPeriod: 366, daysInScope: 366 }), REF, TODAY).ok).toBe(true);
  });
});

describe("evaluatePeriod — IPEP (DOMAIN.md §5.2)", () => {
  it("reproduces T-IPEP-1: 9 €/patient, 45,000 € before quality modulation", () => {
    const r = evaluatePeriod("IPEP", 2025, ipepInputs(), REF, TODAY);
    expect(r.ok && r.value.outputs.summary.computedEur).toBeCloseTo(45_000, 9);
    expect(r.ok && r.value.outputs.summary.perPatientEur).toBeCloseTo(9, 9);
    expect(r.ok && r.value.outputs.summary.score).toBe(65);
  });
  it("floors a negative gain on the level (T-IPEP-1, second case: 4 €/patient)", () => {
    const r = evaluatePeriod("IPEP", 2025, ipepInputs({ gainLevelPerPatientEur: -30 }), REF, TODAY);
    expect(r.ok && r.value.outputs.summary.perPatientEur).toBeCloseTo(4, 9);
  });
  it("agrees with the calculator on any gains", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 50_000 }), (level, evolution, patients) => {
        const r = evaluatePeriod("IPEP", 2025, ipepInputs({ gainLevelPerPatientEur: level, gainEvolutionPerPatientEur: evolution, patients }), REF, TODAY);
        const direct = computeIpepIncentive(DEFAULT_IPEP_PARAMETERS, {
          patients,
          gainLevelPerPatientEur: level,
          gainEvolutionPerPatientEur: evolution,
          quality: { soclePoints: 40, aLaCartePoints: 10, patientExperiencePoints: 15 },
        });
        expect(r.ok && direct.ok && r.value.outputs.summary.computedEur).toBe(direct.ok ? direct.value.totalEur : NaN);
      }),
    );
  });
  it("maps the calculator's field names to the period's (no 'quality.' prefix)", () => {
    expect(errorsOf(evaluatePeriod("IPEP", 2025, ipepInputs({ patientExperiencePoints: 25 }), REF, TODAY))).toEqual([
      "patientExperiencePoints:IPEP.PATIENT_EXPERIENCE_POINTS_INVALID",
    ]);
  });
});

describe("evaluatePeriod — ACI (DOMAIN.md §3.4, §3.7)", () => {
  const base = { patientele: 4000, associatedProfessionals: 13, contractStart: "2017-09-01", amountReceivedEur: null };
  it("reproduces T-ACI-1 through a period: 10,500 points = 73,500 €", () => {
    const codes = ACI_RULE_SETS.ACI2017.indicators.map((i) => i.code);
    const r = evaluatePeriod("ACI", 2018, { ...base, ruleSetId: "ACI2017", achievements: allAchieved(codes) }, REF, TODAY);
    expect(r.ok && r.value.outputs.summary).toMatchObject({ referenceId: "ACI2017", score: 10_500, computedEur: 73_500, patients: 4000 });
  });
  it("picks the rule set in force in the year and refuses payment without a prerequisite", () => {
    const codes = AV1.indicators.filter((i) => i.type !== "SOCLE_PREREQUIS").map((i) => i.code);
    const r = evaluatePeriod("ACI", 2024, { ...base, achievements: allAchieved(codes) }, REF, TODAY);
    expect(r.ok && r.value.referenceId).toBe("ACI2017_AV1");
    expect(r.ok && "aci" in r.value.outputs && r.value.outputs.aci.prerequisitesMet).toBe(false);
    expect(r.ok && r.value.outputs.summary.computedEur).toBe(0);
    const direct = computeAci(AV1, { ...base, achievements: allAchieved(codes), year: 2024 });
    expect(r.ok && "aci" in r.value.outputs && r.value.outputs.aci).toEqual(direct.ok && direct.value);
  });
  it("records each indicator as achieved (1) or not (0)", () => {
    const [first, second] = AV1.indicators;
    const r = evaluatePeriod("ACI", 2024, { ...base, achievements: { [first!.code]: { achieved: true }, [second!.code]: { achieved: false } } }, REF, TODAY);
    expect(r.ok && r.value.outputs.summary.indicators[first!.code]).toBe(1);
    expect(r.ok && r.value.outputs.summary.indicators[second!.code]).toBe(0);
    expect(r.ok && Object.keys(r.value.outputs.summary.indicators)).toHaveLength(AV1.indicators.length);
  });
  it("reports unknown indicators, bad dates and bad shapes by field", () => {
    expect(errorsOf(evaluatePeriod("ACI", 2024, { ...base, contractStart: "2024-13-01", achievements: { NOPE: { achieved: true } } }, REF, TODAY))).toEqual([
      "achievements.NOPE:ACI.UNKNOWN_INDICATOR",
      "contractStart:ACI.DATE_INVALID",
    ]);
    expect(errorsOf(evaluatePeriod("ACI", 2024, { ...base, achievements: { X: "oui" } }, REF, TODAY))).toEqual(["achievements.X.achieved:PERIOD.NOT_A_BOOLEAN"]);
    expect(errorsOf(evaluatePeriod("ACI", 2024, { ...base, ruleSetId: "ACI2099", achievements: {} }, REF, TODAY))).toEqual(["ruleSetId:PERIOD.REFERENCE_UNKNOWN"]);
  });
});

describe("evaluatePeriod — common rules", () => {
  it("refuses a year in the future or before 2015", () => {
    expect(errorsOf(evaluatePeriod("IPEP", 2027, ipepInputs(), REF, TODAY))).toEqual(["year:PERIOD.YEAR_IN_FUTURE"]);
    expect(errorsOf(evaluatePeriod("IPEP", 2014, ipepInputs(), REF, TODAY))).toEqual(["year:PERIOD.YEAR_INVALID"]);
    expect(evaluatePeriod("IPEP", 2026, ipepInputs(), REF, TODAY).ok).toBe(true);
  });
  it("refuses inputs that are not an object and unknown programmes", () => {
    expect(errorsOf(evaluatePeriod("ACI", 2024, [], REF, TODAY))).toEqual(["inputs:PERIOD.INPUTS_NOT_OBJECT"]);
    expect(errorsOf(evaluatePeriod("XYZ" as never, 2024, {}, REF, TODAY))).toEqual(["programme:PERIOD.PROGRAMME_INVALID"]);
  });
  it("never throws on arbitrary JSON, and outputs survive a JSON round trip", () => {
    fc.assert(
      fc.property(fc.constantFrom("PEPS", "IPEP", "ACI" as const), fc.jsonValue(), (programme, raw) => {
        const r = evaluatePeriod(programme, 2025, raw, REF, TODAY);
        if (r.ok) expect(JSON.parse(JSON.stringify(r.value.outputs))).toEqual(r.value.outputs);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
    );
  });
  it("validatePeriodInputs returns the normalised inputs", () => {
    const r = validatePeriodInputs("IPEP", 2025, { ...ipepInputs(), groupement: "  Groupement  " }, REF, TODAY);
    expect(r.ok && (r.value as { groupement: string }).groupement).toBe("Groupement");
  });
});

describe("mspSizeBand", () => {
  it("bands the patientèle around the ACI reference of 4,000 patients", () => {
    expect([0, 3999, 4000, 7999, 8000, 11999, 12000].map(mspSizeBand)).toEqual(["LT_4000", "LT_4000", "4000_7999", "4000_7999", "8000_11999", "8000_11999", "GE_12000"]);
  });
});
