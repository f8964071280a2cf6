import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { PEPS_ERROR_MESSAGES, type PepsErrorCode } from "./peps.errors.js";

/**
 * PEPS — *Paiement en équipe de professionnels de santé en ville* (DOMAIN.md §4).
 *
 * The official base amounts and coefficient tables were NOT retrieved (DOMAIN.md §4.2 "Base amounts /
 * coefficients / formula: not found" ⚠️, §0.3), so every number lives in a versioned
 * {@link PepsCoefficientTable} passed in by the caller (`peps_version` ∈ PEPS1, PEPS2, PEPS2_CDS,
 * CONVENTION_2024, §4.4) — never in constants of this module.
 */

/** A PEPS age band; ages are whole years, `maxAge` inclusive, `null` = open-ended last band. */
export type PepsAgeBand = { readonly band: string; readonly minAge: number; readonly maxAge: number | null; readonly coefficient: number };

/** ALD coefficient for `count` ALD pathologies; the highest `count` means "count or more" (e.g. 2 = "2+"). */
export type PepsAldCoefficient = { readonly count: number; readonly coefficient: number };

/**
 * Versioned PEPS reference data (DOMAIN.md §4.4: "Store coefficient tables as versioned reference data").
 * Adjustment variables âge, sexe, nombre d'ALD, précarité are ✅ [SEED-000]; their values are ⚠️.
 */
export type PepsCoefficientTable = {
  /** "PEPS1", "PEPS2", "PEPS2_CDS", "CONVENTION_2024"… */
  readonly id: string;
  readonly label: string;
  /** True when the numbers are placeholders, not the official table (💡). */
  readonly illustrative: boolean;
  /** BASE[scope, year] of §4.4, € per patient per full period. ⚠️ */
  readonly basePerPatientEur: number;
  readonly ageBands: readonly PepsAgeBand[];
  /** Optional: when absent, sex does not adjust the forfait (coefficient 1). */
  readonly sexCoefficients?: { readonly F: number; readonly M: number };
  readonly aldCoefficients: readonly PepsAldCoefficient[];
  /** Multiplier for C2S/AME patients (the *majoration pauvreté* 🟡 [S48]); ≥ 1. */
  readonly precariteCoefficient: number;
  /** Quality bonus at a perfect quality score, as a rate of the forfait (5 % presumption 🟡 [S48], scale ⚠️). */
  readonly qualityBonusMaxRate: number;
  /**
   * Cap relative to the fee-for-service equivalent (cap existence ✅ [S34], 20 % 🟡 [S35]).
   * ⚠️ semantics uncertain: interpreted here as "total ≤ (1 + rate) × fee-for-service equivalent"
   * (i.e. at most +20 %). `null` = no cap configured.
   */
  readonly feeForServiceCapRate: number | null;
};

/** The three PEPS 1 scopes (DOMAIN.md §4.1 ✅). */
export const PEPS_SCOPES = ["PATIENTELE_MT", "AGE_65_PLUS", "DIABETIQUES"] as const;
export type PepsScope = (typeof PEPS_SCOPES)[number];

export type PepsSex = "F" | "M";

/** A cell of the patient mix: `patients` MT patients sharing the same adjustment variables. */
export type PepsPatientGroup = {
  readonly ageBand: string;
  readonly sex: PepsSex;
  readonly aldCount: number;
  readonly precarite: boolean;
  readonly patients: number;
};

export type PepsInput = {
  readonly scope: PepsScope;
  readonly groups: readonly PepsPatientGroup[];
  /** Days the patients were in scope during the period (💡 pro rata, §4.4). */
  readonly daysInScope: number;
  readonly daysInPeriod: number;
  /** 0..1; scales the quality bonus linearly up to {@link PepsCoefficientTable.qualityBonusMaxRate} (⚠️ scale unknown). */
  readonly qualityScore: number;
  /** "Shadow" fee-for-service amount for the same patients and period (needed for the cap, §4.4). */
  readonly feeForServiceEquivalentEur: number;
};

export type PepsGroupForfait = PepsPatientGroup & { readonly forfaitEur: number };

/**
 * Amounts are unrounded euros (round for display only), so that
 * `totalEur = baseEur + precariteEur + qualityBonusEur − capReductionEur` holds.
 */
export type PepsForfait = {
  /** Per group: base × coefficients (incl. précarité) × patients × pro rata, before quality bonus and cap. */
  readonly byGroup: readonly PepsGroupForfait[];
  /** Σ groups without the précarité uplift. */
  readonly baseEur: number;
  /** Uplift of précarité groups: forfait × (precariteCoefficient − 1). */
  readonly precariteEur: number;
  readonly qualityBonusEur: number;
  /** Amount removed by the cap (0 when not capped). */
  readonly capReductionEur: number;
  readonly capped: boolean;
  readonly totalEur: number;
  /** totalEur / patients, 0 when there are no patients. */
  readonly perPatientEur: number;
  readonly patients: number;
};

const fieldError = (field: string, code: PepsErrorCode): FieldError<PepsErrorCode> => ({
  field,
  code,
  message: PEPS_ERROR_MESSAGES[code],
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isPositive = (value: unknown): value is number => isFiniteNumber(value) && value > 0;
const isNonNegativeInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isNonBlankString = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;

/**
 * Validates a coefficient table imported by an administrator: every coefficient > 0, age bands
 * contiguous and non-overlapping from 0 with an open-ended last band, ALD counts 0, 1, 2… without
 * gaps, précarité ≥ 1, quality rate in [0, 1], cap rate null or ≥ 0. Errors carry French messages.
 */
export const validatePepsCoefficientTable = (raw: unknown): Result<PepsCoefficientTable, FieldError<PepsErrorCode>[]> => {
  if (!isRecord(raw)) return err([fieldError("table", "PEPS.TABLE_NOT_OBJECT")]);
  const errors: FieldError<PepsErrorCode>[] = [];

  if (!isNonBlankString(raw.id)) errors.push(fieldError("id", "PEPS.TABLE_ID_REQUIRED"));
  if (!isNonBlankString(raw.label)) errors.push(fieldError("label", "PEPS.TABLE_LABEL_REQUIRED"));
  if (typeof raw.illustrative !== "boolean") errors.push(fieldError("illustrative", "PEPS.ILLUSTRATIVE_NOT_BOOLEAN"));
  if (!isPositive(raw.basePerPatientEur)) errors.push(fieldError("basePerPatientEur", "PEPS.BASE_INVALID"));

  const ageBands: PepsAgeBand[] = [];
  if (!Array.isArray(raw.ageBands) || raw.ageBands.length === 0) {
    errors.push(fieldError("ageBands", "PEPS.AGE_BANDS_EMPTY"));
  } else {
    const seen = new Set<string>();
    raw.ageBands.forEach((band: unknown, i) => {
      const field = `ageBands[${i}]`;
      if (
        !isRecord(band) ||
        !isNonBlankString(band.band) ||
        !isNonNegativeInteger(band.minAge) ||
        !(band.maxAge === null || (isNonNegativeInteger(band.maxAge) && band.maxAge >= band.minAge))
      ) {
        errors.push(fieldError(field, "PEPS.AGE_BAND_INVALID"));
        return;
      }
      if (!isPositive(band.coefficient)) errors.push(fieldError(`${field}.coefficient`, "PEPS.COEFFICIENT_INVALID"));
      if (seen.has(band.band)) errors.push(fieldError(`${field}.band`, "PEPS.AGE_BAND_DUPLICATE"));
      seen.add(band.band);
      ageBands.push({ band: band.band, minAge: band.minAge, maxAge: band.maxAge, coefficient: band.coefficient as number });
    });
    if (ageBands.length === raw.ageBands.length) {
      const sorted = [...ageBands].sort((a, b) => a.minAge - b.minAge);
      if (sorted[0]?.minAge !== 0) errors.push(fieldError("ageBands", "PEPS.AGE_BANDS_NOT_FROM_ZERO"));
      sorted.forEach((band, i) => {
        const next = sorted[i + 1];
        if (next === undefined) {
          if (band.maxAge !== null) errors.push(fieldError("ageBands", "PEPS.AGE_BANDS_NOT_OPEN_ENDED"));
        } else if (band.maxAge === null) {
          errors.push(fieldError("ageBands", "PEPS.AGE_BANDS_NOT_OPEN_ENDED"));
        } else if (next.minAge !== band.maxAge + 1) {
          errors.push(fieldError("ageBands", "PEPS.AGE_BANDS_NOT_CONTIGUOUS"));
        }
      });
    }
  }

  if (raw.sexCoefficients !== undefined) {
    const sex = raw.sexCoefficients;
    if (!isRecord(sex) || !isPositive(sex.F) || !isPositive(sex.M)) {
      errors.push(fieldError("sexCoefficients", "PEPS.COEFFICIENT_INVALID"));
    }
  }

  const ald = raw.aldCoefficients;
  if (
    !Array.isArray(ald) ||
    ald.length === 0 ||
    !ald.every((entry: unknown) => isRecord(entry) && isNonNegativeInteger(entry.count))
  ) {
    errors.push(fieldError("aldCoefficients", "PEPS.ALD_COEFFICIENTS_INVALID"));
  } else {
    const counts = (ald as { count: number }[]).map((entry) => entry.count).sort((a, b) => a - b);
    if (!counts.every((count, i) => count === i)) errors.push(fieldError("aldCoefficients", "PEPS.ALD_COEFFICIENTS_INVALID"));
    (ald as Record<string, unknown>[]).forEach((entry, i) => {
      if (!isPositive(entry.coefficient)) errors.push(fieldError(`aldCoefficients[${i}].coefficient`, "PEPS.COEFFICIENT_INVALID"));
    });
  }

  if (!isFiniteNumber(raw.precariteCoefficient) || raw.precariteCoefficient < 1) {
    errors.push(fieldError("precariteCoefficient", "PEPS.PRECARITE_COEFFICIENT_INVALID"));
  }
  if (!isFiniteNumber(raw.qualityBonusMaxRate) || raw.qualityBonusMaxRate < 0 || raw.qualityBonusMaxRate > 1) {
    errors.push(fieldError("qualityBonusMaxRate", "PEPS.QUALITY_BONUS_RATE_INVALID"));
  }
  if (!(raw.feeForServiceCapRate === null || (isFiniteNumber(raw.feeForServiceCapRate) && raw.feeForServiceCapRate >= 0))) {
    errors.push(fieldError("feeForServiceCapRate", "PEPS.CAP_RATE_INVALID"));
  }

  if (errors.length > 0) return err(errors);
  const sex = raw.sexCoefficients as { F: number; M: number } | undefined;
  const table: PepsCoefficientTable = {
    id: (raw.id as string).trim(),
    label: (raw.label as string).trim(),
    illustrative: raw.illustrative as boolean,
    basePerPatientEur: raw.basePerPatientEur as number,
    ageBands: [...ageBands].sort((a, b) => a.minAge - b.minAge),
    ...(sex === undefined ? {} : { sexCoefficients: { F: sex.F, M: sex.M } }),
    aldCoefficients: (ald as PepsAldCoefficient[])
      .map((entry) => ({ count: entry.count, coefficient: entry.coefficient }))
      .sort((a, b) => a.count - b.count),
    precariteCoefficient: raw.precariteCoefficient as number,
    qualityBonusMaxRate: raw.qualityBonusMaxRate as number,
    feeForServiceCapRate: raw.feeForServiceCapRate as number | null,
  };
  return ok(table);
};

/**
 * 💡 ILLUSTRATIVE table — plausible placeholder values for demos and tests, NOT the official PEPS
 * coefficients (not public, DOMAIN.md §4.2 ⚠️). Quality bonus 5 % (presumption 🟡 [S48]); cap +20 %
 * (🟡 [S35], semantics ⚠️).
 */
export const ILLUSTRATIVE_PEPS_TABLE: PepsCoefficientTable = {
  id: "PEPS_ILLUSTRATIF",
  label: "Table PEPS illustrative (valeurs fictives, non officielles)",
  illustrative: true,
  basePerPatientEur: 100,
  ageBands: [
    { band: "0-6", minAge: 0, maxAge: 6, coefficient: 1.3 },
    { band: "7-15", minAge: 7, maxAge: 15, coefficient: 0.8 },
    { band: "16-44", minAge: 16, maxAge: 44, coefficient: 0.9 },
    { band: "45-64", minAge: 45, maxAge: 64, coefficient: 1.1 },
    { band: "65-74", minAge: 65, maxAge: 74, coefficient: 1.5 },
    { band: "75-84", minAge: 75, maxAge: 84, coefficient: 1.9 },
    { band: "85+", minAge: 85, maxAge: null, coefficient: 2.3 },
  ],
  sexCoefficients: { F: 1.05, M: 1 },
  aldCoefficients: [
    { count: 0, coefficient: 1 },
    { count: 1, coefficient: 1.6 },
    { count: 2, coefficient: 2.2 },
  ],
  precariteCoefficient: 1.2,
  qualityBonusMaxRate: 0.05,
  feeForServiceCapRate: 0.2,
};

/** Coefficient for `aldCount` ALD: the entry with the largest count ≤ aldCount (last entry = "and more"). */
const aldCoefficient = (table: PepsCoefficientTable, aldCount: number): number => {
  let coefficient = 1;
  for (const entry of table.aldCoefficients) {
    if (entry.count <= aldCount) coefficient = entry.coefficient;
  }
  return coefficient;
};

/**
 * Validates the PEPS period input against a (valid) table: scope, groups (known band, band within the
 * "65 ans et plus" scope when chosen, sex, integer ALD count and patients, no duplicated cell so that
 * each patient is counted once), days (0 ≤ daysInScope ≤ daysInPeriod, integers), quality score in
 * [0, 1], fee-for-service equivalent ≥ 0.
 */
export const validatePepsInputs = (table: PepsCoefficientTable, input: PepsInput): FieldError<PepsErrorCode>[] => {
  const errors: FieldError<PepsErrorCode>[] = [];
  if (!(PEPS_SCOPES as readonly unknown[]).includes(input.scope)) errors.push(fieldError("scope", "PEPS.SCOPE_INVALID"));
  if (!Array.isArray(input.groups)) {
    errors.push(fieldError("groups", "PEPS.GROUPS_INVALID"));
  } else {
    const seen = new Set<string>();
    input.groups.forEach((group, i) => {
      const field = `groups[${i}]`;
      const band = table.ageBands.find((b) => b.band === group.ageBand);
      if (band === undefined) errors.push(fieldError(`${field}.ageBand`, "PEPS.GROUP_AGE_BAND_UNKNOWN"));
      else if (input.scope === "AGE_65_PLUS" && band.minAge < 65) {
        errors.push(fieldError(`${field}.ageBand`, "PEPS.GROUP_AGE_BAND_OUT_OF_SCOPE"));
      }
      if (group.sex !== "F" && group.sex !== "M") errors.push(fieldError(`${field}.sex`, "PEPS.GROUP_SEX_INVALID"));
      if (!isNonNegativeInteger(group.aldCount)) errors.push(fieldError(`${field}.aldCount`, "PEPS.GROUP_ALD_COUNT_INVALID"));
      if (typeof group.precarite !== "boolean") errors.push(fieldError(`${field}.precarite`, "PEPS.GROUP_PRECARITE_INVALID"));
      if (!isNonNegativeInteger(group.patients)) errors.push(fieldError(`${field}.patients`, "PEPS.GROUP_PATIENTS_INVALID"));
      const key = JSON.stringify([group.ageBand, group.sex, aldCoefficientKey(table, group.aldCount), group.precarite]);
      if (seen.has(key)) errors.push(fieldError(field, "PEPS.GROUP_DUPLICATE"));
      seen.add(key);
    });
  }
  if (!Number.isInteger(input.daysInPeriod) || input.daysInPeriod <= 0) {
    errors.push(fieldError("daysInPeriod", "PEPS.DAYS_IN_PERIOD_INVALID"));
  }
  if (!isNonNegativeInteger(input.daysInScope) || (isFiniteNumber(input.daysInPeriod) && input.daysInScope > input.daysInPeriod)) {
    errors.push(fieldError("daysInScope", "PEPS.DAYS_IN_SCOPE_INVALID"));
  }
  if (!isFiniteNumber(input.qualityScore) || input.qualityScore < 0 || input.qualityScore > 1) {
    errors.push(fieldError("qualityScore", "PEPS.QUALITY_SCORE_INVALID"));
  }
  if (!isFiniteNumber(input.feeForServiceEquivalentEur) || input.feeForServiceEquivalentEur < 0) {
    errors.push(fieldError("feeForServiceEquivalentEur", "PEPS.FEE_FOR_SERVICE_INVALID"));
  }
  return errors;
};

/** ALD count as the table sees it (counts above the last entry collapse into "N+"). */
const aldCoefficientKey = (table: PepsCoefficientTable, aldCount: number): number => {
  const last = table.aldCoefficients[table.aldCoefficients.length - 1];
  return last === undefined ? aldCount : Math.min(aldCount, last.count);
};

/**
 * Computes the PEPS forfait of a period, DOMAIN.md §4.4 (parameterised model, tables ⚠️):
 * - per group: `BASE × coef_age × coef_sex × coef_ALD × (précarité ? coef_précarité : 1) × patients
 *   × daysInScope / daysInPeriod` (pro rata 💡);
 * - quality bonus: `(base + précarité) × qualityBonusMaxRate × qualityScore` (⚠️ scale unknown; linear
 *   in the score is our choice 💡);
 * - cap (✅ existence [S34], 🟡 20 % [S35], ⚠️ semantics): when `feeForServiceCapRate` is set,
 *   `total ≤ (1 + rate) × feeForServiceEquivalentEur`.
 * *Crédits d'amorçage* (🟡 [S48]) are one-off start-up grants, not part of the forfait: left out.
 * The table is assumed valid ({@link validatePepsCoefficientTable}); the input is validated here.
 */
export const computePepsForfait = (
  table: PepsCoefficientTable,
  input: PepsInput,
): Result<PepsForfait, FieldError<PepsErrorCode>[]> => {
  const errors = validatePepsInputs(table, input);
  if (errors.length > 0) return err(errors);

  const proRata = input.daysInScope / input.daysInPeriod;
  let baseEur = 0;
  let precariteEur = 0;
  let patients = 0;
  const byGroup = input.groups.map((group): PepsGroupForfait => {
    const ageCoefficient = table.ageBands.find((b) => b.band === group.ageBand)?.coefficient ?? 1;
    const sexCoefficient = table.sexCoefficients?.[group.sex] ?? 1;
    const groupBase =
      table.basePerPatientEur * ageCoefficient * sexCoefficient * aldCoefficient(table, group.aldCount) * group.patients * proRata;
    const uplift = group.precarite ? groupBase * (table.precariteCoefficient - 1) : 0;
    baseEur += groupBase;
    precariteEur += uplift;
    patients += group.patients;
    return { ...group, forfaitEur: groupBase + uplift };
  });

  const qualityBonusEur = (baseEur + precariteEur) * table.qualityBonusMaxRate * input.qualityScore;
  const uncapped = baseEur + precariteEur + qualityBonusEur;
  const cap = table.feeForServiceCapRate === null ? Infinity : (1 + table.feeForServiceCapRate) * input.feeForServiceEquivalentEur;
  const capped = uncapped > cap;
  const totalEur = capped ? cap : uncapped;
  return ok({
    byGroup,
    baseEur,
    precariteEur,
    qualityBonusEur,
    capReductionEur: capped ? uncapped - cap : 0,
    capped,
    totalEur,
    perPatientEur: patients === 0 ? 0 : totalEur / patients,
    patients,
  });
};
