import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";

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

  @Field(() => JSONObjectScalar, { description: "The calculator's outputs for these inputs (filled on submission)." })
  outputs: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  ruleSetId: string | null;

  @Field(() => String, { nullable: true, description: "Why the federation returned it." })
  returnComment: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  approvedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
