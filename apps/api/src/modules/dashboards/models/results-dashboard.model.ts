import { Field, Float, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";
import { MSP_SIZE_BAND_LABELS, MSP_SIZE_BANDS, type MspSizeBand } from "@maillage/domain";

import { ProgrammeEnum } from "../../results/models/result-period.model.js";

/**
 * GraphQL names of the MSP size bands: the domain's values ("4000_7999"…) are not valid GraphQL enum names
 * (they start with a digit), so the enum maps names to the domain values (graphql-js and graphql-jit both use
 * the internal value).
 */
export const SIZE_BAND_GRAPHQL_NAMES: Readonly<Record<MspSizeBand, string>> = {
  LT_4000: "LT_4000",
  "4000_7999": "FROM_4000_TO_7999",
  "8000_11999": "FROM_8000_TO_11999",
  GE_12000: "GE_12000",
};
export const MspSizeBandEnum = Object.fromEntries(MSP_SIZE_BANDS.map((b) => [SIZE_BAND_GRAPHQL_NAMES[b], b])) as Record<string, MspSizeBand>;
registerEnumType(MspSizeBandEnum, {
  name: "MspSizeBand",
  description: "MSP size by patientèle médecin traitant (4,000 = the ACI reference, DOMAIN.md §3.4).",
  valuesMap: Object.fromEntries(MSP_SIZE_BANDS.map((b) => [SIZE_BAND_GRAPHQL_NAMES[b], { description: MSP_SIZE_BAND_LABELS[b] }])),
});

export const EXPERIMENTS = ["PEPS", "IPEP", "NONE"] as const;
export type Experiment = (typeof EXPERIMENTS)[number];
export const EXPERIMENT_LABELS: Readonly<Record<Experiment, string>> = { PEPS: "PEPS", IPEP: "IPEP", NONE: "Sans expérimentation" };
export const ExperimentEnum = Object.fromEntries(EXPERIMENTS.map((e) => [e, e])) as { [K in Experiment]: K };
registerEnumType(ExperimentEnum, {
  name: "ExperimentParticipation",
  description: "An MSP's participation in an Article 51 experiment in a year (an approved PEPS, else IPEP, period).",
  valuesMap: {
    PEPS: { description: "Approved PEPS period that year (DOMAIN.md §4)" },
    IPEP: { description: "Approved IPEP period that year, no PEPS (DOMAIN.md §5)" },
    NONE: { description: "Neither" },
  },
});

@ObjectType({ description: "Totals over the filtered approved periods." })
export class DashboardTotals {
  @Field(() => Int, { description: "Distinct MSPs." })
  mspCount: number;

  @Field(() => Int, { description: "Approved periods counted." })
  periodCount: number;

  @Field(() => Int)
  departementCount: number;

  @Field(() => Float, { description: "Σ computed amounts (€)." })
  computedEur: number;

  @Field(() => Float, { nullable: true, description: "Σ amounts the MSPs say they received (€), null when none entered." })
  receivedEur: number | null;
}

@ObjectType({ description: "One year × programme." })
export class DashboardYearRow {
  @Field(() => Int)
  year: number;

  @Field(() => ProgrammeEnum)
  programme: string;

  @Field(() => Int)
  mspCount: number;

  @Field(() => Int, { description: "Σ patients covered." })
  patients: number;

  @Field(() => Float)
  computedEur: number;

  @Field(() => Float, { nullable: true, description: "Σ computed / Σ patients (€ per patient, weighted)." })
  perPatientEur: number | null;

  @Field(() => Float, { nullable: true, description: "First quartile of the MSPs' per-patient amounts." })
  q1PerPatientEur: number | null;

  @Field(() => Float, { nullable: true, description: "Median of the MSPs' per-patient amounts." })
  medianPerPatientEur: number | null;

  @Field(() => Float, { nullable: true, description: "Third quartile of the MSPs' per-patient amounts." })
  q3PerPatientEur: number | null;

  @Field(() => Float, { nullable: true, description: "Σ received (€) over the periods where it was entered." })
  receivedEur: number | null;

  @Field(() => Int, { description: "Periods with a received amount entered." })
  receivedCount: number;
}

@ObjectType({ description: "One département (feeds the map)." })
export class DashboardDepartementRow {
  @Field()
  departementCode: string;

  @Field()
  departementName: string;

  @Field(() => Int)
  mspCount: number;

  @Field(() => Int, { description: "Σ over MSP-years of the MSP's size (ACI patientèle, else its largest period)." })
  patients: number;

  @Field(() => Float)
  aciEur: number;

  @Field(() => Float)
  pepsEur: number;

  @Field(() => Float)
  ipepEur: number;

  @Field(() => Float)
  totalEur: number;
}

@ObjectType({ description: "One size band × programme." })
export class DashboardSizeBandRow {
  @Field(() => MspSizeBandEnum)
  sizeBand: MspSizeBand;

  @Field()
  sizeBandLabel: string;

  @Field(() => ProgrammeEnum)
  programme: string;

  @Field(() => Int)
  mspCount: number;

  @Field(() => Int)
  patients: number;

  @Field(() => Float)
  computedEur: number;

  @Field(() => Float, { nullable: true })
  perPatientEur: number | null;

  @Field(() => Float, { nullable: true })
  medianPerPatientEur: number | null;
}

@ObjectType({ description: "ACI amounts of one year by the MSPs' participation in an experiment that year." })
export class DashboardExperimentRow {
  @Field(() => Int)
  year: number;

  @Field(() => ExperimentEnum)
  experiment: Experiment;

  @Field(() => Int)
  mspCount: number;

  @Field(() => Int)
  patients: number;

  @Field(() => Float, { description: "Σ ACI computed (€)." })
  aciEur: number;

  @Field(() => Float, { nullable: true })
  perPatientEur: number | null;

  @Field(() => Float, { nullable: true })
  medianPerPatientEur: number | null;
}

@ObjectType({ description: "PEPS forfaits of one year against the fee-for-service equivalent (DOMAIN.md §4.4)." })
export class PepsVsFeeForServiceYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  mspCount: number;

  @Field(() => Int)
  patients: number;

  @Field(() => Float, { description: "Σ forfaits computed (€)." })
  forfaitEur: number;

  @Field(() => Float, { nullable: true, description: "Σ fee-for-service equivalents (€)." })
  feeForServiceEur: number | null;

  @Field(() => Float, { nullable: true, description: "Σ forfait / Σ fee-for-service over the periods that have both." })
  ratio: number | null;

  @Field({ description: "Computed with an illustrative coefficient table." })
  illustrative: boolean;
}

@ObjectType({ description: "One MSP-year of PEPS (scatter point)." })
export class PepsVsFeeForServicePoint {
  @Field(() => ID)
  projectId: string;

  @Field()
  projectName: string;

  @Field()
  departementCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  patients: number;

  @Field(() => Float)
  forfaitEur: number;

  @Field(() => Float)
  feeForServiceEur: number;

  @Field()
  illustrative: boolean;
}

@ObjectType()
export class PepsVsFeeForService {
  @Field(() => [PepsVsFeeForServiceYear])
  years: PepsVsFeeForServiceYear[];

  @Field(() => [PepsVsFeeForServicePoint])
  points: PepsVsFeeForServicePoint[];
}

@ObjectType({ description: "One ACI indicator in one year: how many MSPs achieved it (DOMAIN.md §3.3–3.5)." })
export class DashboardAciIndicatorRow {
  @Field(() => Int)
  year: number;

  @Field()
  code: string;

  @Field({ description: "French label from the ACI rule sets (the code when unknown)." })
  label: string;

  @Field(() => Int, { description: "MSPs whose ACI period has this indicator." })
  mspCount: number;

  @Field(() => Int)
  achievedCount: number;

  @Field(() => Float, { description: "achievedCount / mspCount (0..1)." })
  achievedShare: number;
}

@ObjectType({ description: "Aggregates of the federation's APPROVED result periods (issue « Results of running MSPs »)." })
export class ResultsDashboard {
  @Field({ description: "True when a figure comes from illustrative reference data (demo PEPS table): say so." })
  illustrative: boolean;

  @Field(() => [Int], { description: "Years with at least one approved period (whatever the filter), for the filter's choices." })
  availableYears: number[];

  @Field(() => DashboardTotals)
  totals: DashboardTotals;

  @Field(() => [DashboardYearRow])
  byYear: DashboardYearRow[];

  @Field(() => [DashboardDepartementRow])
  byDepartement: DashboardDepartementRow[];

  @Field(() => [DashboardSizeBandRow])
  bySizeBand: DashboardSizeBandRow[];

  @Field(() => [DashboardExperimentRow])
  byExperiment: DashboardExperimentRow[];

  @Field(() => PepsVsFeeForService)
  pepsVsFeeForService: PepsVsFeeForService;

  @Field(() => [DashboardAciIndicatorRow])
  aciIndicators: DashboardAciIndicatorRow[];
}
