import { ArgsType, Field, ID, InputType, Int } from "@nestjs/graphql";
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";

import { JSONObjectScalar } from "../../../common/json-object.scalar.js";
import { PERIOD_STATUSES, PeriodStatusEnum, PROGRAMMES, ProgrammeEnum } from "../models/result-period.model.js";

@InputType()
export class SaveResultPeriodInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;

  @Field(() => ProgrammeEnum)
  @IsIn(PROGRAMMES)
  programme: (typeof PROGRAMMES)[number];

  @Field(() => Int)
  @IsInt()
  @Min(2015, { message: "L'année doit être 2015 ou après." })
  @Max(2100)
  year: number;

  @Field(() => JSONObjectScalar, { description: "The period's inputs (checked by the programme's rules on submission)." })
  @IsObject()
  inputs: Record<string, unknown>;
}

@InputType()
export class PeriodDecisionInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id: string;

  @Field(() => String, { nullable: true, description: "Required to return or unlock a period." })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: "Le commentaire ne doit pas dépasser 2 000 caractères." })
  comment?: string | null;
}

@ArgsType()
export class ResultPeriodsArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;
}

@ArgsType()
export class ResultPeriodsForReviewArgs {
  @Field(() => PeriodStatusEnum, { nullable: true, description: "Only periods in this status; SUBMITTED (the review queue) when omitted." })
  @IsOptional()
  @IsIn(PERIOD_STATUSES)
  status?: (typeof PERIOD_STATUSES)[number] | null;

  @Field(() => Int, { nullable: true, description: "Page size, 1..100 (25 when omitted)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  after?: string | null;
}
