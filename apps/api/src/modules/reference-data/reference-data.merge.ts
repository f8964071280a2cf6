/**
 * Pure merging of a federation's reference datasets over the shipped defaults (ADR 0009): a dataset overrides the
 * default of the same kind and code. Stored data is re-validated on every read, so a row written by an older
 * version (or by hand) that no longer passes the domain's checks is ignored rather than used for a payment.
 */
import {
  ACI_RULE_SETS,
  DEFAULT_IPEP_PARAMETERS,
  ILLUSTRATIVE_PEPS_TABLE,
  validateIpepParameters,
  validatePepsCoefficientTable,
  type AciFlag,
  type AciIndicator,
  type AciRuleSet,
  type IpepParameters,
  type PepsCoefficientTable,
  type ResultsReferenceData,
} from "@maillage/domain";

export type DatasetKind = "PEPS_TABLE" | "ACI_RULE_SET" | "IPEP_PARAMETERS";

/** A dataset row as read from the database, with the verifications of its ACI rows. */
export type DatasetRow = {
  id: string;
  kind: DatasetKind;
  code: string;
  label: string;
  data: unknown;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
  verifications: { indicatorCode: string; verifiedAt: Date; verifiedBy: { displayName: string } }[];
};

/**
 * The federation's change to one ACI row: new point values (DOMAIN.md §3.5 rows « à vérifier ») and, for a rule set
 * confirmed later by an official text, a new flag.
 */
export type AciRowPatch = { fixedPoints: number; variablePointsPer4000: number; flag?: AciFlag };
/** ACI_RULE_SET datasets store a patch of the shipped rule set, never a whole rule set (its tiers hold Infinity). */
export type AciRuleSetPatch = { indicators: Record<string, AciRowPatch> };

/** The shipped defaults (DOMAIN.md §3.1 rule sets, §4.4 illustrative PEPS table, §5.2 IPEP 2022 values). */
export const SHIPPED_REFERENCE_DATA: ResultsReferenceData = {
  pepsTables: { [ILLUSTRATIVE_PEPS_TABLE.id]: ILLUSTRATIVE_PEPS_TABLE },
  aciRuleSets: ACI_RULE_SETS,
  ipepParameters: { [DEFAULT_IPEP_PARAMETERS.id]: DEFAULT_IPEP_PARAMETERS },
};

const ACI_FLAGS: readonly AciFlag[] = ["CONFIRMED", "TO_VERIFY", "UNVERIFIED"];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isPoints = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** The well-formed entries of a stored ACI patch (anything else is ignored). */
export function readAciPatch(data: unknown): AciRuleSetPatch {
  const indicators: Record<string, AciRowPatch> = {};
  const raw = isRecord(data) && isRecord(data.indicators) ? data.indicators : {};
  for (const [code, entry] of Object.entries(raw)) {
    if (!isRecord(entry) || !isPoints(entry.fixedPoints) || !isPoints(entry.variablePointsPer4000)) continue;
    const flag = ACI_FLAGS.find((f) => f === entry.flag);
    indicators[code] = { fixedPoints: entry.fixedPoints, variablePointsPer4000: entry.variablePointsPer4000, ...(flag ? { flag } : {}) };
  }
  return { indicators };
}

/**
 * One row with the federation's values. A tiered row (coordination, DOMAIN.md §3.5 🔶: 1,700 up to 8,000 patients,
 * then 1,100) exposes its first slice's rate as `variablePointsPer4000`: editing it changes that first slice.
 */
export function applyAciRowPatch(indicator: AciIndicator, patch: AciRowPatch | undefined): AciIndicator {
  if (!patch) return indicator;
  const tiers = indicator.variableTiers?.map((tier, k) => (k === 0 ? { ...tier, pointsPer4000: patch.variablePointsPer4000 } : tier));
  return {
    ...indicator,
    fixedPoints: patch.fixedPoints,
    variablePointsPer4000: patch.variablePointsPer4000,
    ...(tiers ? { variableTiers: tiers } : {}),
    ...(patch.flag ? { flag: patch.flag } : {}),
  };
}

export function applyAciPatch(ruleSet: AciRuleSet, patch: AciRuleSetPatch): AciRuleSet {
  return { ...ruleSet, indicators: ruleSet.indicators.map((i) => applyAciRowPatch(i, patch.indicators[i.code])) };
}

/** A stored PEPS table, re-validated (DOMAIN.md §4.4); null when it no longer passes. */
export function readPepsTable(row: DatasetRow): PepsCoefficientTable | null {
  const r = validatePepsCoefficientTable(row.data);
  return r.ok && r.value.id === row.code ? r.value : null;
}

/** Stored IPEP parameters, re-validated (DOMAIN.md §5.2: C_écart + C_évolution = 1 ✅); null when they no longer pass. */
export function readIpepParameters(row: DatasetRow): IpepParameters | null {
  if (!isRecord(row.data) || !isRecord(row.data.qualityModulation)) return null;
  const r = validateIpepParameters(row.data as unknown as IpepParameters);
  return r.ok && r.value.id === row.code ? r.value : null;
}

/** Defaults overridden, by kind and code, by the federation's datasets. */
export function mergeReferenceData(rows: readonly DatasetRow[]): ResultsReferenceData {
  const pepsTables: Record<string, PepsCoefficientTable> = { ...SHIPPED_REFERENCE_DATA.pepsTables };
  const aciRuleSets: Record<string, AciRuleSet> = { ...SHIPPED_REFERENCE_DATA.aciRuleSets };
  const ipepParameters: Record<string, IpepParameters> = { ...SHIPPED_REFERENCE_DATA.ipepParameters };
  for (const row of rows) {
    if (row.kind === "PEPS_TABLE") {
      const table = readPepsTable(row);
      if (table) pepsTables[row.code] = table;
    } else if (row.kind === "ACI_RULE_SET") {
      const base = SHIPPED_REFERENCE_DATA.aciRuleSets[row.code];
      if (base) aciRuleSets[row.code] = applyAciPatch(base, readAciPatch(row.data));
    } else {
      const params = readIpepParameters(row);
      if (params) ipepParameters[row.code] = params;
    }
  }
  return { pepsTables, aciRuleSets, ipepParameters };
}
