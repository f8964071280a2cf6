import type { FieldError } from "../../shared/field-error.js";
import { err, ok, type Result } from "../../shared/result.js";
import { computeAci, validateAciInput } from "../aci/aci.js";
import { ACI_RULE_SETS } from "../aci/aci.rule-sets.js";
import type { AciAchievement, AciPrecariteInput, AciRuleSet } from "../aci/aci.types.js";
import { computeIpepIncentive, DEFAULT_IPEP_PARAMETERS } from "../ipep/ipep.js";
import { computePepsForfait, ILLUSTRATIVE_PEPS_TABLE, type PepsPatientGroup, type PepsScope } from "../peps/peps.js";
import { PERIOD_ERROR_MESSAGES, type PeriodErrorCode } from "./period.errors.js";
import {
  PROGRAMMES,
  type AciPeriodInputs,
  type InternalSplitLine,
  type IpepPeriodInputs,
  type MspSizeBand,
  type PepsPeriodInputs,
  type PeriodInputs,
  type PeriodOutputs,
  type PeriodSummary,
  type Programme,
  type QualityIndicatorValue,
  type ResultsReferenceData,
} from "./period.types.js";

/**
 * Result periods: the yearly inputs of one programme for one MSP, validated field by field (French messages, paths
 * such as `groups[2].patients`), then computed by the programme's calculator. Periods are calendar years (ACI:
 * DOMAIN.md §2.5 "Compute on the calendar year" ✅; PEPS and IPEP: yearly by our choice, §5.3 "computed yearly").
 */

/** The shipped reference data: the illustrative PEPS table, the ACI rule sets of §3, the IPEP parameters of §5.2. */
export const DEFAULT_RESULTS_REFERENCE_DATA: ResultsReferenceData = {
  pepsTables: { [ILLUSTRATIVE_PEPS_TABLE.id]: ILLUSTRATIVE_PEPS_TABLE },
  aciRuleSets: ACI_RULE_SETS,
  ipepParameters: { [DEFAULT_IPEP_PARAMETERS.id]: DEFAULT_IPEP_PARAMETERS },
};

/** First year a result period may concern (RA2015, DOMAIN.md §3.1). */
export const FIRST_PERIOD_YEAR = 2015;
/** Tolerance of the internal split against the forfait received: "à l'euro près". */
const SPLIT_TOLERANCE_EUR = 1;
const MAX_TEXT = 200;
const MAX_LIST = 500;

/** Size band by patientèle (4,000 = the ACI reference patientèle, DOMAIN.md §3.4). */
export const mspSizeBand = (patients: number): MspSizeBand =>
  patients < 4000 ? "LT_4000" : patients < 8000 ? "4000_7999" : patients < 12000 ? "8000_11999" : "GE_12000";

export const daysInYear = (year: number): number => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

type Errors = FieldError[];
const fieldError = (field: string, code: PeriodErrorCode): FieldError<PeriodErrorCode> => ({ field, code, message: PERIOD_ERROR_MESSAGES[code] });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A reader over untrusted JSON that records a French error per bad field and returns a typed value. */
class Reader {
  constructor(
    private readonly raw: Record<string, unknown>,
    readonly errors: Errors,
    private readonly prefix = "",
  ) {}
  private path(key: string) {
    return `${this.prefix}${key}`;
  }
  private missing(key: string): boolean {
    if (this.raw[key] === undefined || this.raw[key] === null || this.raw[key] === "") {
      this.errors.push(fieldError(this.path(key), "PERIOD.REQUIRED"));
      return true;
    }
    return false;
  }
  number(key: string): number {
    if (this.missing(key)) return 0;
    const v = this.raw[key];
    if (!isNumber(v)) this.errors.push(fieldError(this.path(key), "PERIOD.NOT_A_NUMBER"));
    return isNumber(v) ? v : 0;
  }
  count(key: string): number {
    if (this.missing(key)) return 0;
    const v = this.raw[key];
    if (!Number.isSafeInteger(v) || (v as number) < 0) this.errors.push(fieldError(this.path(key), "PERIOD.NOT_A_NON_NEGATIVE_INTEGER"));
    return isNumber(v) ? v : 0;
  }
  amount(key: string): number {
    const v = this.number(key);
    if (v < 0) this.errors.push(fieldError(this.path(key), "PERIOD.NEGATIVE_AMOUNT"));
    return v;
  }
  optionalAmount(key: string): number | null {
    return this.raw[key] === undefined || this.raw[key] === null || this.raw[key] === "" ? null : this.amount(key);
  }
  share(key: string): number {
    const v = this.number(key);
    if (v < 0 || v > 1) this.errors.push(fieldError(this.path(key), "PERIOD.PERCENT_OUT_OF_RANGE"));
    return v;
  }
  text(key: string): string {
    if (this.missing(key)) return "";
    const v = this.raw[key];
    if (typeof v !== "string" || v.trim().length === 0 || v.length > MAX_TEXT) {
      this.errors.push(fieldError(this.path(key), "PERIOD.TEXT_INVALID"));
      return "";
    }
    return v.trim();
  }
  optionalBoolean(key: string): boolean | undefined {
    const v = this.raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") this.errors.push(fieldError(this.path(key), "PERIOD.NOT_A_BOOLEAN"));
    return v === true;
  }
  list(key: string, optional = false): Record<string, unknown>[] {
    const v = this.raw[key];
    if ((v === undefined || v === null) && optional) return [];
    if (!Array.isArray(v) || v.length > MAX_LIST || !v.every(isRecord)) {
      this.errors.push(fieldError(this.path(key), v === undefined || v === null ? "PERIOD.REQUIRED" : "PERIOD.LIST_INVALID"));
      return [];
    }
    return v;
  }
  child(key: string, index?: number): Reader {
    const value = index === undefined ? this.raw[key] : (this.raw[key] as unknown[])[index];
    return new Reader(value as Record<string, unknown>, this.errors, `${this.path(key)}${index === undefined ? "" : `[${index}]`}.`);
  }
  get value(): Record<string, unknown> {
    return this.raw;
  }
}

/** Quality indicators as entered (codes unique, values are percentages). Lists are not fixed by DOMAIN.md (§4.4, §5.3 ⚠️). */
const readIndicators = (r: Reader): QualityIndicatorValue[] => {
  const seen = new Set<string>();
  return r.list("qualityIndicators", true).map((_, i) => {
    const item = r.child("qualityIndicators", i);
    const indicator = { code: item.text("code"), label: item.text("label"), value: item.number("value") };
    if (indicator.value < 0 || indicator.value > 100) r.errors.push(fieldError(`qualityIndicators[${i}].value`, "PERIOD.INDICATOR_OUT_OF_RANGE"));
    if (indicator.code && seen.has(indicator.code)) r.errors.push(fieldError(`qualityIndicators[${i}].code`, "PERIOD.INDICATOR_DUPLICATE"));
    seen.add(indicator.code);
    return indicator;
  });
};

/** The reference record `id` of `records`, or an error on `field`. */
const reference = <T>(records: Readonly<Record<string, T>>, id: string, field: string, errors: Errors): T | null => {
  if (!id) return null;
  const found = Object.prototype.hasOwnProperty.call(records, id) ? records[id] : undefined;
  if (found === undefined) errors.push(fieldError(field, "PERIOD.REFERENCE_UNKNOWN"));
  return found ?? null;
};

/** The most recent ACI rule set in force in `year` among the deployment's rule sets (DOMAIN.md §3.1). */
export const aciRuleSetFor = (ref: ResultsReferenceData, year: number): AciRuleSet | null =>
  Object.values(ref.aciRuleSets)
    .filter((rs) => Number(rs.validFrom.slice(0, 4)) <= year)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0] ?? null;

type Checked<T> = { inputs: T; errors: Errors };

/** PEPS inputs (DOMAIN.md §4.4 "Keep, per team and period"), then the calculator's own checks. */
const checkPeps = (year: number, r: Reader, ref: ResultsReferenceData): Checked<PepsPeriodInputs> & { table: (typeof ref.pepsTables)[string] | null } => {
  const tableId = r.text("tableId");
  const table = reference(ref.pepsTables, tableId, "tableId", r.errors);
  const scope = r.text("scope") as PepsScope;
  const groups = r.list("groups").map((_, i): PepsPatientGroup => {
    const g = r.child("groups", i).value;
    return { ageBand: g.ageBand as string, sex: g.sex as "F" | "M", aldCount: g.aldCount as number, precarite: g.precarite as boolean, patients: g.patients as number };
  });
  const split = r.list("internalSplit", true).map((_, i): InternalSplitLine => {
    const line = r.child("internalSplit", i);
    return { label: line.text("label"), amountEur: line.amount("amountEur") };
  });
  const inputs: PepsPeriodInputs = {
    tableId,
    scope,
    patientele: r.count("patientele"),
    groups,
    daysInScope: r.count("daysInScope"),
    daysInPeriod: r.count("daysInPeriod"),
    qualityScore: r.share("qualityScore"),
    qualityIndicators: readIndicators(r),
    forfaitReceivedEur: r.amount("forfaitReceivedEur"),
    feeForServiceEquivalentEur: r.amount("feeForServiceEquivalentEur"),
    internalSplit: split,
  };
  if (inputs.daysInPeriod > 0 && inputs.daysInPeriod !== daysInYear(year)) r.errors.push(fieldError("daysInPeriod", "PERIOD.DAYS_IN_PERIOD_YEAR"));
  const mixTotal = groups.reduce((sum, g) => sum + (Number.isSafeInteger(g.patients) ? g.patients : 0), 0);
  if (groups.length > 0 && mixTotal !== inputs.patientele) r.errors.push(fieldError("patientele", "PERIOD.PATIENT_MIX_SUM"));
  const splitTotal = split.reduce((sum, line) => sum + line.amountEur, 0);
  if (split.length > 0 && Math.abs(splitTotal - inputs.forfaitReceivedEur) > SPLIT_TOLERANCE_EUR) r.errors.push(fieldError("internalSplit", "PERIOD.SPLIT_SUM"));
  return { inputs, errors: r.errors, table };
};

/**
 * IPEP inputs (DOMAIN.md §5.2, §5.3). The 2019 call's prerequisite (MT patientèle of the groupement's doctors
 * > 5,000, §5.1 ✅) concerns the doctors' patientèle, not the `patients` counted in the computation (T-IPEP-1 uses
 * exactly 5,000): it is checked when a groupement joins, not here.
 */
const checkIpep = (r: Reader, ref: ResultsReferenceData): Checked<IpepPeriodInputs> & { params: (typeof ref.ipepParameters)[string] | null } => {
  const parametersId = r.text("parametersId");
  const params = reference(ref.ipepParameters, parametersId, "parametersId", r.errors);
  const rate = r.value.enteredModulationRate;
  const inputs: IpepPeriodInputs = {
    parametersId,
    groupement: r.text("groupement"),
    patients: r.count("patients"),
    gainLevelPerPatientEur: r.number("gainLevelPerPatientEur"),
    gainEvolutionPerPatientEur: r.number("gainEvolutionPerPatientEur"),
    soclePoints: r.number("soclePoints"),
    aLaCartePoints: r.number("aLaCartePoints"),
    patientExperiencePoints: r.number("patientExperiencePoints"),
    ...(rate === undefined || rate === null ? {} : { enteredModulationRate: r.share("enteredModulationRate") }),
    qualityIndicators: readIndicators(r),
    incentiveReceivedEur: r.optionalAmount("incentiveReceivedEur"),
  };
  return { inputs, errors: r.errors, params };
};

/** ACI inputs (DOMAIN.md §3.3–§3.4); the rule set is the one in force in the year unless one is named. */
const checkAci = (year: number, r: Reader, ref: ResultsReferenceData): Checked<AciPeriodInputs> & { ruleSet: AciRuleSet | null } => {
  const named = r.value.ruleSetId;
  const ruleSet =
    named === undefined || named === null || named === "" ? aciRuleSetFor(ref, year) : reference(ref.aciRuleSets, String(named), "ruleSetId", r.errors);
  if (ruleSet === null && (named === undefined || named === null || named === "")) r.errors.push(fieldError("ruleSetId", "PERIOD.REFERENCE_UNKNOWN"));
  const achievements: Record<string, AciAchievement> = {};
  const rawAchievements = r.value.achievements;
  if (!isRecord(rawAchievements)) r.errors.push(fieldError("achievements", rawAchievements === undefined ? "PERIOD.REQUIRED" : "PERIOD.LIST_INVALID"));
  else {
    for (const [code, a] of Object.entries(rawAchievements)) {
      if (!isRecord(a) || typeof a.achieved !== "boolean") {
        r.errors.push(fieldError(`achievements.${code}.achieved`, "PERIOD.NOT_A_BOOLEAN"));
        continue;
      }
      const item = r.child("achievements").child(code);
      const units = a.units === undefined || a.units === null ? undefined : item.count("units");
      const level = a.level === undefined || a.level === null ? undefined : item.share("level");
      const withIpa = item.optionalBoolean("withIpa");
      achievements[code] = { achieved: a.achieved, ...(units === undefined ? {} : { units }), ...(level === undefined ? {} : { level }), ...(withIpa === undefined ? {} : { withIpa }) };
    }
  }
  let precarite: AciPrecariteInput | undefined;
  if (r.value.precarite !== undefined && r.value.precarite !== null) {
    if (!isRecord(r.value.precarite)) r.errors.push(fieldError("precarite", "PERIOD.LIST_INVALID"));
    else {
      const p = r.child("precarite");
      precarite = { c2sRate: p.share("c2sRate"), ameRate: p.share("ameRate"), nationalC2sRate: p.share("nationalC2sRate"), nationalAmeRate: p.share("nationalAmeRate") };
    }
  }
  const isNewStructure = r.optionalBoolean("isNewStructure");
  const inputs: AciPeriodInputs = {
    ...(ruleSet === null || named === undefined || named === null || named === "" ? {} : { ruleSetId: ruleSet.id }),
    patientele: r.count("patientele"),
    associatedProfessionals: r.count("associatedProfessionals"),
    achievements,
    ...(precarite === undefined ? {} : { precarite }),
    contractStart: r.text("contractStart"),
    ...(isNewStructure === undefined ? {} : { isNewStructure }),
    amountReceivedEur: r.optionalAmount("amountReceivedEur"),
  };
  return { inputs, errors: r.errors, ruleSet };
};

const checkYear = (year: number, today: Date, errors: Errors): void => {
  if (!Number.isSafeInteger(year) || year < FIRST_PERIOD_YEAR) errors.push(fieldError("year", "PERIOD.YEAR_INVALID"));
  else if (year > today.getUTCFullYear()) errors.push(fieldError("year", "PERIOD.YEAR_IN_FUTURE"));
};

/** Keeps the first error of each field (a field may fail a structural check and then the calculator's range check). */
const firstPerField = (errors: Errors): Errors => {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)));
};

/**
 * Validates and computes a period: inputs checked field by field (types, ranges, sums that must match — patient mix
 * = patientèle, internal split = forfait received, indicator values within 0–100 % — year not in the future), then the
 * programme's calculator (PEPS §4.4, IPEP §5.2, ACI §3.4). Returns the normalised inputs, the outputs to store
 * (summary + calculator detail) and the id of the reference data used.
 */
export const evaluatePeriod = (
  programme: Programme,
  year: number,
  raw: unknown,
  ref: ResultsReferenceData,
  today: Date = new Date(),
): Result<{ inputs: PeriodInputs; outputs: PeriodOutputs; referenceId: string }, FieldError[]> => {
  const errors: Errors = [];
  if (!(PROGRAMMES as readonly unknown[]).includes(programme)) return err([fieldError("programme", "PERIOD.PROGRAMME_INVALID")]);
  checkYear(year, today, errors);
  if (!isRecord(raw)) return err([...errors, fieldError("inputs", "PERIOD.INPUTS_NOT_OBJECT")]);
  const r = new Reader(raw, errors);

  switch (programme) {
    case "PEPS": {
      const { inputs, table } = checkPeps(year, r, ref);
      if (table === null || errors.length > 0) {
        if (table !== null) errors.push(...computePepsErrors(table, inputs));
        return err(firstPerField(errors));
      }
      const computed = computePepsForfait(table, inputs);
      if (!computed.ok) return err(firstPerField(computed.error));
      const f = computed.value;
      const summary: PeriodSummary = {
        programme,
        referenceId: table.id,
        illustrative: table.illustrative,
        patients: f.patients,
        computedEur: f.totalEur,
        perPatientEur: f.perPatientEur,
        receivedEur: inputs.forfaitReceivedEur,
        feeForServiceEquivalentEur: inputs.feeForServiceEquivalentEur,
        score: inputs.qualityScore * 100,
        indicators: Object.fromEntries(inputs.qualityIndicators.map((i) => [i.code, i.value])),
      };
      return ok({ inputs, outputs: { summary, peps: f }, referenceId: table.id });
    }
    case "IPEP": {
      const { inputs, params } = checkIpep(r, ref);
      if (params === null || errors.length > 0) return err(firstPerField(errors));
      const computed = computeIpepIncentive(params, {
        patients: inputs.patients,
        gainLevelPerPatientEur: inputs.gainLevelPerPatientEur,
        gainEvolutionPerPatientEur: inputs.gainEvolutionPerPatientEur,
        quality: {
          soclePoints: inputs.soclePoints,
          aLaCartePoints: inputs.aLaCartePoints,
          patientExperiencePoints: inputs.patientExperiencePoints,
          ...(inputs.enteredModulationRate === undefined ? {} : { enteredModulationRate: inputs.enteredModulationRate }),
        },
      });
      if (!computed.ok) return err(firstPerField(computed.error.map((e) => ({ ...e, field: e.field.replace(/^quality\./, "") }))));
      const v = computed.value;
      const summary: PeriodSummary = {
        programme,
        referenceId: params.id,
        illustrative: false,
        patients: inputs.patients,
        computedEur: v.totalEur,
        perPatientEur: inputs.patients === 0 ? 0 : v.totalEur / inputs.patients,
        receivedEur: inputs.incentiveReceivedEur,
        feeForServiceEquivalentEur: null,
        score: v.qualityScore,
        indicators: Object.fromEntries(inputs.qualityIndicators.map((i) => [i.code, i.value])),
      };
      return ok({ inputs, outputs: { summary, ipep: v }, referenceId: params.id });
    }
    case "ACI": {
      const { inputs, ruleSet } = checkAci(year, r, ref);
      if (ruleSet === null) return err(firstPerField(errors));
      const aciInput = {
        patientele: inputs.patientele,
        associatedProfessionals: inputs.associatedProfessionals,
        achievements: inputs.achievements,
        ...(inputs.precarite === undefined ? {} : { precarite: inputs.precarite }),
        contractStart: inputs.contractStart,
        year,
        ...(inputs.isNewStructure === undefined ? {} : { isNewStructure: inputs.isNewStructure }),
      };
      if (errors.length > 0) return err(firstPerField([...errors, ...validateAciInput(ruleSet, aciInput)]));
      const computed = computeAci(ruleSet, aciInput);
      if (!computed.ok) return err(firstPerField(computed.error));
      const c = computed.value;
      const summary: PeriodSummary = {
        programme,
        referenceId: ruleSet.id,
        illustrative: false,
        patients: inputs.patientele,
        computedEur: c.netEur,
        perPatientEur: inputs.patientele === 0 ? 0 : c.netEur / inputs.patientele,
        receivedEur: inputs.amountReceivedEur,
        feeForServiceEquivalentEur: null,
        score: c.points.total,
        indicators: Object.fromEntries(
          ruleSet.indicators.map((i) => {
            const a = inputs.achievements[i.code];
            return [i.code, a?.achieved === true ? (a.level ?? 1) : 0];
          }),
        ),
      };
      return ok({ inputs, outputs: { summary, aci: c }, referenceId: ruleSet.id });
    }
  }
};

/** Range errors of the PEPS calculator on structurally readable inputs (reported together with ours). */
const computePepsErrors = (table: Parameters<typeof computePepsForfait>[0], inputs: PepsPeriodInputs): Errors => {
  if (!inputs.groups.every(isRecord)) return [];
  const r = computePepsForfait(table, inputs);
  return r.ok ? [] : r.error;
};

/** Validation only (see {@link evaluatePeriod}). */
export const validatePeriodInputs = (
  programme: Programme,
  year: number,
  raw: unknown,
  ref: ResultsReferenceData,
  today: Date = new Date(),
): Result<PeriodInputs, FieldError[]> => {
  const r = evaluatePeriod(programme, year, raw, ref, today);
  return r.ok ? ok(r.value.inputs) : r;
};
