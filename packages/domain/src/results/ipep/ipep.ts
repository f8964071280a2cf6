import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { IPEP_ERROR_MESSAGES, type IpepErrorCode } from "./ipep.errors.js";

/**
 * IPEP — *Incitation à une prise en charge partagée* (DOMAIN.md §5).
 * The intéressement mechanics (§5.2) are ✅ [S41]; how the quality score maps to the final amount is
 * ⚠️ ("§III. Détermination du montant… truncated", §5.3 "Not retrieved"), so it is a configurable
 * {@link IpepQualityModulation} whose default applies no modulation.
 */

/**
 * How the quality score modulates the gross intéressement (⚠️ DOMAIN.md §5.2 last line, §5.3):
 * - `NONE` (default): rate 1 — the amount "before quality modulation" of T-IPEP-1;
 * - `USER_ENTERED`: the rate comes from the input (`quality.enteredModulationRate`), per §0.1 ⚠️
 *   "model as a user-entered value";
 * - `LINEAR` (💡, advisory): 0 below `minimumScore`, otherwise `min(1, score / maxScore)`.
 */
export type IpepQualityModulation =
  | { readonly kind: "NONE" }
  | { readonly kind: "USER_ENTERED" }
  | { readonly kind: "LINEAR"; readonly maxScore: number; readonly minimumScore: number };

export type IpepParameters = {
  readonly id: string;
  /** Static weighting, level vs reference; 1/3 ✅ [S41]. */
  readonly cEcart: number;
  /** Dynamic weighting, difference in evolution; 2/3 ✅ [S41]. Must satisfy cEcart + cEvolution = 1 ✅. */
  readonly cEvolution: number;
  /** C_partage = 50 % ✅ [S41]. */
  readonly shareOfSavings: number;
  /** Maximal *majoration* from patient-experience results: "up to 20 points" ✅ [S42]. */
  readonly patientExperienceMaxPoints: number;
  readonly qualityModulation: IpepQualityModulation;
};

/** Arrêté 26 Jul 2022 cahier values (DOMAIN.md §5.2 ✅ [S41]); modulation NONE because its rule is ⚠️. */
export const DEFAULT_IPEP_PARAMETERS: IpepParameters = {
  id: "IPEP_2022",
  cEcart: 1 / 3,
  cEvolution: 2 / 3,
  shareOfSavings: 0.5,
  patientExperienceMaxPoints: 20,
  qualityModulation: { kind: "NONE" },
};

export type IpepQualityInput = {
  /** Points on the *indicateurs socles* (§5.3 ✅; list and points ⚠️). */
  readonly soclePoints: number;
  /** Points on the optional *indicateurs à la carte* (0 when not chosen). */
  readonly aLaCartePoints: number;
  /** *Majoration* from patient experience, ≤ patientExperienceMaxPoints (≤ 20 ✅ [S42]). */
  readonly patientExperiencePoints: number;
  /** Only for the USER_ENTERED modulation: rate in [0, 1] taken from the CNAM notification. */
  readonly enteredModulationRate?: number;
};

export type IpepInput = {
  readonly patients: number;
  /** G_écart, €/patient (may be negative; floored at 0). Exact definition ⚠️ (§5.2). */
  readonly gainLevelPerPatientEur: number;
  /** G_évolution, €/patient (may be negative; floored at 0). Exact definition ⚠️ (§5.2). */
  readonly gainEvolutionPerPatientEur: number;
  readonly quality: IpepQualityInput;
};

export type IpepIncentive = {
  /** C_partage × (C_écart × max(0, G_écart) + C_évolution × max(0, G_évolution)). */
  readonly perPatientEur: number;
  /** perPatientEur × patients, before quality modulation. */
  readonly grossEur: number;
  /** Score qualité global = socle + à la carte + expérience patient points (§5.3 ✅). */
  readonly qualityScore: number;
  readonly modulationRate: number;
  /** grossEur × modulationRate. */
  readonly totalEur: number;
};

const fieldError = (field: string, code: IpepErrorCode): FieldError<IpepErrorCode> => ({
  field,
  code,
  message: IPEP_ERROR_MESSAGES[code],
});

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const inUnitInterval = (value: unknown): value is number => isFiniteNumber(value) && value >= 0 && value <= 1;

/** Tolerance for cEcart + cEvolution = 1 (1/3 + 2/3 is not exactly 1 in every representation). */
const SUM_TOLERANCE = 1e-9;

/** Validates an IPEP parameter set (admin-entered, versioned): C_écart + C_évolution = 1 ✅ [S41], etc. */
export const validateIpepParameters = (params: IpepParameters): Result<IpepParameters, FieldError<IpepErrorCode>[]> => {
  const errors: FieldError<IpepErrorCode>[] = [];
  if (typeof params.id !== "string" || params.id.trim().length === 0) errors.push(fieldError("id", "IPEP.PARAMETERS_ID_REQUIRED"));
  const cEcartOk = inUnitInterval(params.cEcart);
  const cEvolutionOk = inUnitInterval(params.cEvolution);
  if (!cEcartOk) errors.push(fieldError("cEcart", "IPEP.COEFFICIENT_OUT_OF_RANGE"));
  if (!cEvolutionOk) errors.push(fieldError("cEvolution", "IPEP.COEFFICIENT_OUT_OF_RANGE"));
  if (cEcartOk && cEvolutionOk && Math.abs(params.cEcart + params.cEvolution - 1) > SUM_TOLERANCE) {
    errors.push(fieldError("cEvolution", "IPEP.COEFFICIENTS_SUM_NOT_ONE"));
  }
  if (!inUnitInterval(params.shareOfSavings) || params.shareOfSavings === 0) {
    errors.push(fieldError("shareOfSavings", "IPEP.SHARE_OF_SAVINGS_INVALID"));
  }
  if (!isFiniteNumber(params.patientExperienceMaxPoints) || params.patientExperienceMaxPoints < 0 || params.patientExperienceMaxPoints > 20) {
    errors.push(fieldError("patientExperienceMaxPoints", "IPEP.PATIENT_EXPERIENCE_MAX_INVALID"));
  }
  const rule = params.qualityModulation;
  const ruleOk =
    rule.kind === "NONE" ||
    rule.kind === "USER_ENTERED" ||
    (rule.kind === "LINEAR" &&
      isFiniteNumber(rule.maxScore) &&
      rule.maxScore > 0 &&
      isFiniteNumber(rule.minimumScore) &&
      rule.minimumScore >= 0 &&
      rule.minimumScore <= rule.maxScore);
  if (!ruleOk) errors.push(fieldError("qualityModulation", "IPEP.QUALITY_RULE_INVALID"));
  return errors.length > 0 ? err(errors) : ok(params);
};

const modulationRateOf = (rule: IpepQualityModulation, score: number, quality: IpepQualityInput): number => {
  switch (rule.kind) {
    case "NONE":
      return 1;
    case "USER_ENTERED":
      return quality.enteredModulationRate ?? 0;
    case "LINEAR":
      return score < rule.minimumScore ? 0 : Math.min(1, score / rule.maxScore);
  }
};

/**
 * IPEP intéressement of a groupement for a year (DOMAIN.md §5.2 ✅ [S41]):
 * `perPatient = C_partage × (C_écart × max(0, G_écart) + C_évolution × max(0, G_évolution))`, each
 * negative component floored independently; `gross = perPatient × patients`; then
 * `total = gross × modulationRate` with the configured quality rule (⚠️, default NONE ⇒ rate 1).
 * T-IPEP-1: +30 / +12 €/patient, 5 000 patients ⇒ 9 €/patient, 45 000 €.
 */
export const computeIpepIncentive = (
  params: IpepParameters,
  input: IpepInput,
): Result<IpepIncentive, FieldError<IpepErrorCode>[]> => {
  const paramsResult = validateIpepParameters(params);
  const errors: FieldError<IpepErrorCode>[] = paramsResult.ok ? [] : [...paramsResult.error];
  if (!Number.isInteger(input.patients) || input.patients < 0) errors.push(fieldError("patients", "IPEP.PATIENTS_INVALID"));
  if (!isFiniteNumber(input.gainLevelPerPatientEur)) errors.push(fieldError("gainLevelPerPatientEur", "IPEP.GAIN_INVALID"));
  if (!isFiniteNumber(input.gainEvolutionPerPatientEur)) errors.push(fieldError("gainEvolutionPerPatientEur", "IPEP.GAIN_INVALID"));
  const { quality } = input;
  if (!isFiniteNumber(quality.soclePoints) || quality.soclePoints < 0) errors.push(fieldError("quality.soclePoints", "IPEP.QUALITY_POINTS_INVALID"));
  if (!isFiniteNumber(quality.aLaCartePoints) || quality.aLaCartePoints < 0) {
    errors.push(fieldError("quality.aLaCartePoints", "IPEP.QUALITY_POINTS_INVALID"));
  }
  if (
    !isFiniteNumber(quality.patientExperiencePoints) ||
    quality.patientExperiencePoints < 0 ||
    quality.patientExperiencePoints > Math.min(20, params.patientExperienceMaxPoints)
  ) {
    errors.push(fieldError("quality.patientExperiencePoints", "IPEP.PATIENT_EXPERIENCE_POINTS_INVALID"));
  }
  if (params.qualityModulation.kind === "USER_ENTERED" && !inUnitInterval(quality.enteredModulationRate)) {
    errors.push(fieldError("quality.enteredModulationRate", "IPEP.MODULATION_RATE_REQUIRED"));
  }
  if (errors.length > 0) return err(errors);

  const perPatientEur =
    params.shareOfSavings *
    (params.cEcart * Math.max(0, input.gainLevelPerPatientEur) + params.cEvolution * Math.max(0, input.gainEvolutionPerPatientEur));
  const grossEur = perPatientEur * input.patients;
  const qualityScore = quality.soclePoints + quality.aLaCartePoints + quality.patientExperiencePoints;
  const modulationRate = modulationRateOf(params.qualityModulation, qualityScore, quality);
  return ok({ perPatientEur, grossEur, qualityScore, modulationRate, totalEur: grossEur * modulationRate });
};
