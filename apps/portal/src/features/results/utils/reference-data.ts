import {
  type AciFlag,
  type AciIndicator,
  type AciRuleSet,
  type AciRuleSetId,
  DEFAULT_RESULTS_REFERENCE_DATA,
  type IpepParameters,
  type IpepQualityModulation,
  type PepsCoefficientTable,
  type ResultsReferenceData,
} from "@maillage/domain";

/**
 * The federation's reference data as the API sends it (`resultsReferenceData`), turned into the domain's
 * `ResultsReferenceData` that `evaluatePeriod` computes with in the browser — the same code the server runs on
 * submission. The API exposes the PEPS tables and IPEP parameters whole; for ACI rule sets it exposes the values a
 * federation may change (points of the rows « à vérifier », DOMAIN.md §3.5) but not the mechanics (tiers, per-PS
 * points, unit caps, IPA bonuses, minimum advance), so those come from the shipped rule set of the same code.
 */

export type ApiPepsTable = {
  code: string;
  label: string;
  illustrative: boolean;
  basePerPatientEur: number;
  ageBands: readonly { band: string; minAge: number; maxAge?: number | null; coefficient: number }[];
  sexCoefficients?: { F: number; M: number } | null;
  aldCoefficients: readonly { count: number; coefficient: number }[];
  precariteCoefficient: number;
  qualityBonusMaxRate: number;
  feeForServiceCapRate?: number | null;
};

export type ApiAciIndicator = {
  code: string;
  label: string;
  axis: string;
  type: string;
  fixedPoints: number;
  variablePointsPer4000: number;
  maxUnits?: number | null;
  flag: string;
  source: string;
};

export type ApiAciRuleSet = {
  code: string;
  label: string;
  validFrom: string;
  pointValueEur: number;
  referencePatients: number;
  indicators: readonly ApiAciIndicator[];
};

export type ApiIpepParameters = {
  code: string;
  cEcart: number;
  cEvolution: number;
  shareOfSavings: number;
  patientExperienceMaxPoints: number;
  modulation: { kind: string; maxScore?: number | null; minimumScore?: number | null };
};

export type ApiReferenceData = {
  pepsTables: readonly ApiPepsTable[];
  aciRuleSets: readonly ApiAciRuleSet[];
  ipepParameters: readonly ApiIpepParameters[];
};

function pepsTable(t: ApiPepsTable): PepsCoefficientTable {
  return {
    id: t.code,
    label: t.label,
    illustrative: t.illustrative,
    basePerPatientEur: t.basePerPatientEur,
    ageBands: t.ageBands.map((b) => ({ band: b.band, minAge: b.minAge, maxAge: b.maxAge ?? null, coefficient: b.coefficient })),
    ...(t.sexCoefficients ? { sexCoefficients: { F: t.sexCoefficients.F, M: t.sexCoefficients.M } } : {}),
    aldCoefficients: t.aldCoefficients.map((a) => ({ count: a.count, coefficient: a.coefficient })),
    precariteCoefficient: t.precariteCoefficient,
    qualityBonusMaxRate: t.qualityBonusMaxRate,
    feeForServiceCapRate: t.feeForServiceCapRate ?? null,
  };
}

function aciRuleSet(rs: ApiAciRuleSet): AciRuleSet {
  const shipped = DEFAULT_RESULTS_REFERENCE_DATA.aciRuleSets[rs.code];
  const shippedIndicators = new Map(shipped?.indicators.map((i) => [i.code, i]) ?? []);
  const indicators = rs.indicators.map((row): AciIndicator => {
    const base = shippedIndicators.get(row.code);
    return {
      ...base,
      code: row.code,
      label: row.label,
      axis: row.axis as AciIndicator["axis"],
      type: row.type as AciIndicator["type"],
      fixedPoints: row.fixedPoints,
      variablePointsPer4000: row.variablePointsPer4000,
      ...(row.maxUnits === null || row.maxUnits === undefined ? {} : { maxUnits: row.maxUnits }),
      // Tiered rows: the API sends the first slice's rate; keep the shipped slices unless that rate changed.
      ...(base?.variableTiers && base.variablePointsPer4000 !== row.variablePointsPer4000 ? { variableTiers: undefined } : {}),
      flag: row.flag as AciFlag,
      source: row.source,
    };
  });
  return {
    id: rs.code as AciRuleSetId,
    label: rs.label,
    validFrom: rs.validFrom,
    pointValueEur: rs.pointValueEur,
    referencePatients: rs.referencePatients,
    minimumAdvanceEur: shipped?.minimumAdvanceEur ?? null,
    newStructureMinimumEur: shipped?.newStructureMinimumEur ?? 20000,
    precariteCapRate: shipped?.precariteCapRate ?? 0.25,
    indicators,
  };
}

function modulation(m: ApiIpepParameters["modulation"]): IpepQualityModulation {
  if (m.kind === "USER_ENTERED") return { kind: "USER_ENTERED" };
  if (m.kind === "LINEAR" && typeof m.maxScore === "number" && typeof m.minimumScore === "number") {
    return { kind: "LINEAR", maxScore: m.maxScore, minimumScore: m.minimumScore };
  }
  return { kind: "NONE" };
}

function ipepParameters(p: ApiIpepParameters): IpepParameters {
  return {
    id: p.code,
    cEcart: p.cEcart,
    cEvolution: p.cEvolution,
    shareOfSavings: p.shareOfSavings,
    patientExperienceMaxPoints: p.patientExperienceMaxPoints,
    qualityModulation: modulation(p.modulation),
  };
}

export function toDomainReferenceData(api: ApiReferenceData): ResultsReferenceData {
  return {
    pepsTables: Object.fromEntries(api.pepsTables.map((t) => [t.code, pepsTable(t)])),
    aciRuleSets: Object.fromEntries(api.aciRuleSets.map((rs) => [rs.code, aciRuleSet(rs)])),
    ipepParameters: Object.fromEntries(api.ipepParameters.map((p) => [p.code, ipepParameters(p)])),
  };
}
