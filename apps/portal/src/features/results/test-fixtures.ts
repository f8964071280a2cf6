import { DEFAULT_RESULTS_REFERENCE_DATA, type ResultsReferenceData } from "@maillage/domain";
import type { AciIndicatorRowFragment, ResultPeriodDetailsFragment, ResultsReferenceDataQuery } from "../../gql/graphql";

/** Test builders of the results API shapes (with `__typename`), overridable per test. */

export function buildPeriod(overrides: Partial<ResultPeriodDetailsFragment> = {}): ResultPeriodDetailsFragment {
  return {
    __typename: "ResultPeriod",
    id: "period-1",
    projectId: "project-1",
    programme: "PEPS",
    year: 2025,
    status: "DRAFT",
    inputs: {},
    ruleSetId: null,
    returnComment: null,
    submittedAt: null,
    approvedAt: null,
    updatedAt: "2026-11-02T08:30:00.000Z",
    project: { __typename: "ResultPeriodProject", id: "project-1", name: "MSP du Val de l'Isle" },
    summary: null,
    calendar: { __typename: "PeriodCalendarInfo", status: "IN_PROGRESS", statusLabel: "Année en cours", evidenceDueAt: "2026-01-31T23:59:59.999Z" },
    validationErrors: [],
    ...overrides,
  };
}

type ApiReference = ResultsReferenceDataQuery["resultsReferenceData"];

export function buildAciIndicatorRow(overrides: Partial<AciIndicatorRowFragment> = {}): AciIndicatorRowFragment {
  return {
    __typename: "AciIndicator",
    code: "HORAIRES_SNP",
    label: "Horaires d'ouverture et soins non programmés",
    axis: "ACCES_AUX_SOINS",
    type: "SOCLE_PREREQUIS",
    fixedPoints: 800,
    variablePointsPer4000: 0,
    maxUnits: null,
    flag: "UNVERIFIED",
    source: "DOMAIN.md §3.5",
    edited: false,
    verifiedAt: null,
    verifiedByName: null,
    ...overrides,
  };
}

/** The shipped reference data as the API sends it (`resultsReferenceData`). */
export function buildApiReferenceData(ref: ResultsReferenceData = DEFAULT_RESULTS_REFERENCE_DATA): ApiReference {
  return {
    __typename: "ResultsReferenceData",
    pepsTables: Object.values(ref.pepsTables).map((t) => ({
      __typename: "PepsTable",
      code: t.id,
      label: t.label,
      illustrative: t.illustrative,
      basePerPatientEur: t.basePerPatientEur,
      ageBands: t.ageBands.map((b) => ({ __typename: "PepsAgeBand", band: b.band, minAge: b.minAge, maxAge: b.maxAge, coefficient: b.coefficient })),
      sexCoefficients: t.sexCoefficients ? { __typename: "PepsSexCoefficients", F: t.sexCoefficients.F, M: t.sexCoefficients.M } : null,
      aldCoefficients: t.aldCoefficients.map((a) => ({ __typename: "PepsAldCoefficient", count: a.count, coefficient: a.coefficient })),
      precariteCoefficient: t.precariteCoefficient,
      qualityBonusMaxRate: t.qualityBonusMaxRate,
      feeForServiceCapRate: t.feeForServiceCapRate,
      source: "DEFAULT",
      importedAt: null,
    })),
    aciRuleSets: Object.values(ref.aciRuleSets).map((rs) => ({
      __typename: "AciRuleSet",
      code: rs.id,
      label: rs.label,
      validFrom: rs.validFrom,
      pointValueEur: rs.pointValueEur,
      referencePatients: rs.referencePatients,
      source: "DEFAULT",
      indicators: rs.indicators.map((i) =>
        buildAciIndicatorRow({
          code: i.code,
          label: i.label,
          axis: i.axis,
          type: i.type,
          fixedPoints: i.fixedPoints,
          variablePointsPer4000: i.variablePointsPer4000,
          maxUnits: i.maxUnits ?? null,
          flag: i.flag,
          source: i.source,
        }),
      ),
    })),
    ipepParameters: Object.values(ref.ipepParameters).map((p) => ({
      __typename: "IpepParameters",
      code: p.id,
      cEcart: p.cEcart,
      cEvolution: p.cEvolution,
      shareOfSavings: p.shareOfSavings,
      patientExperienceMaxPoints: p.patientExperienceMaxPoints,
      modulation: {
        __typename: "IpepModulation",
        kind: p.qualityModulation.kind,
        maxScore: p.qualityModulation.kind === "LINEAR" ? p.qualityModulation.maxScore : null,
        minimumScore: p.qualityModulation.kind === "LINEAR" ? p.qualityModulation.minimumScore : null,
      },
      source: "DEFAULT",
    })),
  };
}
