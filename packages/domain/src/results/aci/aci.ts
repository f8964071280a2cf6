import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { ACI_ERROR_MESSAGES, type AciErrorCode } from "./aci.errors.js";
import { ACI_RULE_SETS } from "./aci.rule-sets.js";
import type {
  AciAchievement,
  AciComputation,
  AciIndicator,
  AciIndicatorPoints,
  AciInput,
  AciPrecariteInput,
  AciRuleSet,
} from "./aci.types.js";

/** Advance = 60 % of the 100 % socle prérequis + socle remuneration (DOMAIN.md §2.5 ✅ [S1]). */
export const ACI_ADVANCE_RATE = 0.6;

const round2 = (x: number): number => Math.round(x * 100) / 100;

const fieldError = (field: string, code: AciErrorCode): FieldError<AciErrorCode> => ({
  field,
  code,
  message: ACI_ERROR_MESSAGES[code],
});

const isNonNegativeInteger = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;
const isShare = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;

/** Parses a strict ISO calendar date (YYYY-MM-DD); null when malformed or not a real date. */
const parseIsoDate = (iso: string): { year: number; month: number; day: number } | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
};

/** The most recent rule set in force in `year` (by the year of `validFrom`), or null before 2015. */
export const aciRuleSetForYear = (year: number): AciRuleSet | null => {
  const candidates = Object.values(ACI_RULE_SETS)
    .filter((rs) => Number(rs.validFrom.slice(0, 4)) <= year)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return candidates[0] ?? null;
};

/** Input validation with French messages (FieldError, field names are the input paths). */
export const validateAciInput = (ruleSet: AciRuleSet, input: AciInput): FieldError<AciErrorCode>[] => {
  const errors: FieldError<AciErrorCode>[] = [];
  if (!isNonNegativeInteger(input.patientele)) errors.push(fieldError("patientele", "ACI.NOT_A_NON_NEGATIVE_INTEGER"));
  if (!isNonNegativeInteger(input.associatedProfessionals)) {
    errors.push(fieldError("associatedProfessionals", "ACI.NOT_A_NON_NEGATIVE_INTEGER"));
  }
  const codes = new Set(ruleSet.indicators.map((i) => i.code));
  for (const [code, a] of Object.entries(input.achievements)) {
    if (!codes.has(code)) {
      errors.push(fieldError(`achievements.${code}`, "ACI.UNKNOWN_INDICATOR"));
      continue;
    }
    if (a.units !== undefined && !isNonNegativeInteger(a.units)) {
      errors.push(fieldError(`achievements.${code}.units`, "ACI.NOT_A_NON_NEGATIVE_INTEGER"));
    }
    if (a.level !== undefined && !isShare(a.level)) {
      errors.push(fieldError(`achievements.${code}.level`, "ACI.LEVEL_OUT_OF_RANGE"));
    }
  }
  if (input.precarite !== undefined) {
    for (const key of ["c2sRate", "ameRate", "nationalC2sRate", "nationalAmeRate"] as const) {
      if (!isShare(input.precarite[key])) errors.push(fieldError(`precarite.${key}`, "ACI.RATE_OUT_OF_RANGE"));
    }
  }
  const yearValid = Number.isSafeInteger(input.year) && input.year >= 1000 && input.year <= 9999;
  if (!yearValid) errors.push(fieldError("year", "ACI.YEAR_INVALID"));
  else if (input.year < Number(ruleSet.validFrom.slice(0, 4))) errors.push(fieldError("year", "ACI.YEAR_BEFORE_RULE_SET"));
  const start = parseIsoDate(input.contractStart);
  if (start === null) errors.push(fieldError("contractStart", "ACI.DATE_INVALID"));
  else if (yearValid && start.year > input.year) errors.push(fieldError("contractStart", "ACI.CONTRACT_AFTER_YEAR"));
  return errors;
};

/** Variable points driven by the patientèle, with optional tiers (§3.4 ✅ formula; tiers §3.5 🔶). */
const patienteleVariable = (indicator: AciIndicator, patientele: number, reference: number): number => {
  if (indicator.variableTiers === undefined || indicator.variableTiers.length === 0) {
    return (indicator.variablePointsPer4000 * patientele) / reference;
  }
  let points = 0;
  let lower = 0;
  for (const tier of indicator.variableTiers) {
    if (patientele <= lower) break;
    const slice = Math.min(patientele, tier.upToPatients) - lower;
    points += (tier.pointsPer4000 * slice) / reference;
    lower = tier.upToPatients;
  }
  return points;
};

/** Per-PS variable points (SI: 200 up to 16 PS, then 150, §3.5 🔶). */
const professionalVariable = (indicator: AciIndicator, professionals: number): number => {
  const pp = indicator.perProfessional;
  if (pp === undefined) return 0;
  return Math.min(professionals, pp.upTo) * pp.points + Math.max(0, professionals - pp.upTo) * pp.beyondPoints;
};

/**
 * Points of one indicator (§3.4): (fixed + variable) × achievement. `level` is the share reached
 * (default 1); per-unit indicators count `units` (default: `maxUnits`) capped at `maxUnits`, and
 * pay nothing under `minUnits`. IPA bonuses (avenant 1, §3.5 ✅) apply when `withIpa`.
 */
export const aciIndicatorPoints = (
  ruleSet: AciRuleSet,
  indicator: AciIndicator,
  achievement: AciAchievement | undefined,
  patientele: number,
  associatedProfessionals: number,
): AciIndicatorPoints => {
  if (achievement === undefined || !achievement.achieved) return { code: indicator.code, fixed: 0, variable: 0, total: 0 };
  const level = achievement.level ?? 1;
  const ref = ruleSet.referencePatients;
  let units = 1;
  if (indicator.maxUnits !== undefined) {
    units = Math.min(achievement.units ?? indicator.maxUnits, indicator.maxUnits);
    if (indicator.minUnits !== undefined && units < indicator.minUnits) units = 0;
  }
  let fixed = indicator.fixedPoints * units;
  let variable =
    patienteleVariable(indicator, patientele, ref) + professionalVariable(indicator, associatedProfessionals);
  const ipa = indicator.ipaBonus;
  if (achievement.withIpa === true && ipa !== undefined) {
    fixed += (ipa.fixedPerUnit ?? 0) * units;
    const maxReached = indicator.maxUnits === undefined || units >= indicator.maxUnits;
    if (ipa.fixed !== undefined && (ipa.fixedRequiresMaxUnits !== true || maxReached)) fixed += ipa.fixed;
    variable += ((ipa.variablePer4000 ?? 0) * patientele) / ref;
  }
  fixed *= level;
  variable *= level;
  return { code: indicator.code, fixed, variable, total: fixed + variable };
};

/**
 * Majoration précarité (§3.4: existence ✅, formula 🔶 [S12]): (structure C2S rate − national)
 * + (structure AME rate − national), each difference floored at 0 (decision: a structure below the
 * national rate gets no majoration, never a reduction), capped at `precariteCapRate` (25 % 🔶).
 */
export const aciPrecariteRate = (ruleSet: AciRuleSet, precarite: AciPrecariteInput | undefined): number => {
  if (precarite === undefined) return 0;
  const rate =
    Math.max(0, precarite.c2sRate - precarite.nationalC2sRate) +
    Math.max(0, precarite.ameRate - precarite.nationalAmeRate);
  return Math.min(rate, ruleSet.precariteCapRate);
};

/**
 * Prorata of the advance (§2.5 ✅ principle): 1 for a contract signed before year N; otherwise the
 * months remaining in N, counting the month of signature (1 Oct ⇒ 3/12) — month granularity is our
 * decision, the text only says "prorata de la date du contrat".
 */
export const aciAdvanceProrata = (contractStart: string, year: number): number => {
  const start = parseIsoDate(contractStart);
  if (start === null || start.year > year) return 0;
  if (start.year < year) return 1;
  return (12 - (start.month - 1)) / 12;
};

const ZERO_COMPUTATION = (ruleSet: AciRuleSet, missing: string[], precariteRate: number): AciComputation => ({
  ruleSetId: ruleSet.id,
  prerequisitesMet: false,
  missingPrerequisites: missing,
  points: {
    byIndicator: ruleSet.indicators.map((i) => ({ code: i.code, fixed: 0, variable: 0, total: 0 })),
    fixed: 0,
    variable: 0,
    total: 0,
  },
  grossEur: 0,
  precariteRate,
  netEur: 0,
  advanceEur: 0,
  balanceEur: 0,
  guaranteedMinimumApplied: false,
});

/**
 * Annual ACI remuneration of an MSP for calendar year N (DOMAIN.md §3.4, §2.5).
 * - Any missing socle prérequis ⇒ 0 € everywhere (§3.3/§3.4 ✅).
 * - gross = 7 € × Σ points; net = gross × (1 + majoration précarité 🔶).
 * - New structure (§3.4 ✅ 20,000 €/year, "2 first calendar years"): net raised to the minimum in
 *   the calendar year of the contract and the next one, only when prerequisites are met (the
 *   waived indicators are ⚠️ not retrieved, so nothing is waived).
 * - advance = 60 % × 7 € × points of socle prérequis + socle at 100 % (units at their cap, level 1,
 *   no IPA bonus, no précarité) × prorata (§2.5 ✅); then raised to `minimumAdvanceEur` (🟡) only
 *   when the rule set configures it.
 * - balance = net − advance (§2.5 ✅), negative when the advance exceeded the final amount.
 */
export const computeAci = (ruleSet: AciRuleSet, input: AciInput): Result<AciComputation, FieldError[]> => {
  const errors = validateAciInput(ruleSet, input);
  if (errors.length > 0) return err(errors);

  const precariteRate = aciPrecariteRate(ruleSet, input.precarite);
  const missing = ruleSet.indicators
    .filter((i) => i.type === "SOCLE_PREREQUIS" && input.achievements[i.code]?.achieved !== true)
    .map((i) => i.code);
  if (missing.length > 0) return ok(ZERO_COMPUTATION(ruleSet, missing, precariteRate));

  const { patientele, associatedProfessionals } = input;
  const byIndicator = ruleSet.indicators.map((i) =>
    aciIndicatorPoints(ruleSet, i, input.achievements[i.code], patientele, associatedProfessionals),
  );
  const fixed = byIndicator.reduce((s, p) => s + p.fixed, 0);
  const variable = byIndicator.reduce((s, p) => s + p.variable, 0);
  const total = fixed + variable;

  const grossEur = round2(total * ruleSet.pointValueEur);
  let netEur = round2(grossEur * (1 + precariteRate));
  let guaranteedMinimumApplied = false;
  const start = parseIsoDate(input.contractStart);
  const inFirstTwoYears = start !== null && input.year - start.year < 2;
  if (input.isNewStructure === true && inFirstTwoYears && netEur < ruleSet.newStructureMinimumEur) {
    netEur = ruleSet.newStructureMinimumEur;
    guaranteedMinimumApplied = true;
  }

  const socleFullPoints = ruleSet.indicators
    .filter((i) => i.type !== "OPTIONNEL")
    .reduce(
      (s, i) => s + aciIndicatorPoints(ruleSet, i, { achieved: true }, patientele, associatedProfessionals).total,
      0,
    );
  let advanceEur = round2(
    ACI_ADVANCE_RATE * socleFullPoints * ruleSet.pointValueEur * aciAdvanceProrata(input.contractStart, input.year),
  );
  if (ruleSet.minimumAdvanceEur !== null) advanceEur = Math.max(advanceEur, ruleSet.minimumAdvanceEur);

  return ok({
    ruleSetId: ruleSet.id,
    prerequisitesMet: true,
    missingPrerequisites: [],
    points: {
      byIndicator: byIndicator.map((p) => ({
        code: p.code,
        fixed: round2(p.fixed),
        variable: round2(p.variable),
        total: round2(p.total),
      })),
      fixed: round2(fixed),
      variable: round2(variable),
      total: round2(total),
    },
    grossEur,
    precariteRate,
    netEur,
    advanceEur,
    balanceEur: round2(netEur - advanceEur),
    guaranteedMinimumApplied,
  });
};
