import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";

import { PageInfoModel } from "../../projects/models/project.model.js";

import { JSONObjectScalar } from "../../../common/json-object.scalar.js";

export const PROGRAMMES = ["PEPS", "IPEP", "ACI"] as const;
export const PERIOD_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const ProgrammeEnum = asEnum(PROGRAMMES);
export const PeriodStatusEnum = asEnum(PERIOD_STATUSES);

registerEnumType(ProgrammeEnum, {
  name: "Programme",
  valuesMap: {
    PEPS: { description: "Paiement en équipe de professionnels de santé (DOMAIN.md §4)" },
    IPEP: { description: "Incitation à une prise en charge partagée (DOMAIN.md §5)" },
    ACI: { description: "Accord conventionnel interprofessionnel (DOMAIN.md §3)" },
  },
});
registerEnumType(PeriodStatusEnum, {
  name: "PeriodStatus",
  valuesMap: {
    DRAFT: { description: "Brouillon" },
    SUBMITTED: { description: "Transmis à la fédération" },
    APPROVED: { description: "Validé et verrouillé" },
    RETURNED: { description: "Renvoyé pour correction" },
  },
});

@ObjectType("ResultPeriodSummary", { description: "The figures of a computed period (outputs.summary), whatever the programme." })
export class ResultPeriodSummaryModel {
  @Field({ description: "Rule set, coefficient table or parameter set used (ACI2017_AV1, PEPS2, IPEP_2022…)." })
  referenceId: string;

  @Field({ description: "True when computed with illustrative reference data (show it beside every figure)." })
  illustrative: boolean;

  @Field(() => Int, { description: "Patients covered (PEPS scope, IPEP groupement, ACI patientèle MT)." })
  patients: number;

  @Field(() => Float, { description: "Computed amount, € (PEPS forfait, IPEP intéressement, ACI net remuneration)." })
  computedEur: number;

  @Field(() => Float)
  perPatientEur: number;

  @Field(() => Float, { nullable: true, description: "Amount the MSP says it received (⚠️ user-entered)." })
  receivedEur: number | null;

  @Field(() => Float, { nullable: true, description: "PEPS only." })
  feeForServiceEquivalentEur: number | null;

  @Field(() => Float, { nullable: true, description: "ACI points, IPEP quality score, PEPS quality score × 100." })
  score: number | null;
}

@ObjectType("PeriodFieldError", { description: "One invalid field of a period's inputs, with the French message to show beside it." })
export class PeriodFieldErrorModel {
  @Field({ description: "Path in the inputs, e.g. groups[2].patients." })
  field: string;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType("ResultPeriodProject")
export class ResultPeriodProjectModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType("ResultPeriod", { description: "One year of one programme's results for one MSP." })
export class ResultPeriodModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  projectId: string;

  @Field(() => ProgrammeEnum)
  programme: string;

  @Field(() => Int)
  year: number;

  @Field(() => PeriodStatusEnum)
  status: string;

  @Field(() => JSONObjectScalar)
  inputs: Record<string, unknown>;

  @Field(() => JSONObjectScalar, {
    description: "The calculators' outputs for these inputs ({ summary, peps|ipep|aci }); {} while the inputs are incomplete.",
  })
  outputs: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Reference data the outputs were computed with (ACI2017_AV1, PEPS2, IPEP_2022…)." })
  ruleSetId: string | null;

  @Field(() => String, { nullable: true, description: "Why the federation returned it." })
  returnComment: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  approvedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field(() => ResultPeriodProjectModel)
  project: ResultPeriodProjectModel;

  /** Resolved fields (summary, validationErrors) are computed by the resolver from these rows. */
  federationId: string;
}

@ObjectType("ResultPeriodEdge")
export class ResultPeriodEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ResultPeriodModel)
  node: ResultPeriodModel;
}

@ObjectType("ResultPeriodConnection", { description: "A page of result periods, most recently submitted first." })
export class ResultPeriodConnectionModel {
  @Field(() => [ResultPeriodEdgeModel])
  edges: ResultPeriodEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int, { description: "How many periods match (all pages)." })
  totalCount: number;
}

@ObjectType("PeriodDeadline", { description: "A date of the period's yearly calendar (DOMAIN.md §2.5)." })
export class PeriodDeadlineModel {
  @Field({ description: "ADVANCE, EVIDENCE or BALANCE." }) kind: string;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field() label: string;
  @Field({ description: "CONFIRMED (✅), TO_VERIFY (🟡) or ASSUMED (our assumption)." }) flag: string;
}

@ObjectType("PeriodCalendarInfo", { description: "Where the period stands in its yearly calendar, today." })
export class PeriodCalendarInfoModel {
  @Field({ description: "NOT_OPEN, IN_PROGRESS, TO_SUBMIT, OVERDUE, AWAITING_DECISION or CLOSED." }) status: string;
  @Field() statusLabel: string;
  @Field(() => GraphQLISODateTime) evidenceDueAt: Date;
  @Field(() => [PeriodDeadlineModel]) deadlines: PeriodDeadlineModel[];
}
