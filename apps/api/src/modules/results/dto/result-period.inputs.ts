import { ArgsType, Field, ID, InputType, Int } from "@nestjs/graphql";
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";

import { JSONObjectScalar } from "../../../common/json-object.scalar.js";
import { PROGRAMMES, ProgrammeEnum } from "../models/result-period.model.js";

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
