import { ArgsType, Field, ID, InputType, Int } from "@nestjs/graphql";
import { Type } from "class-transformer";
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ALERT_KINDS, type AlertKind } from "@maillage/domain";

import { AlertKindEnum } from "../models/alert.model.js";

@InputType()
export class AlertFilter {
  @Field(() => [AlertKindEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(ALERT_KINDS, { each: true })
  kinds?: AlertKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "Identifiant de projet invalide." })
  projectId?: string;

  @Field({ nullable: true, defaultValue: false, description: "Also the resolved alerts (default: open ones only)." })
  @IsOptional()
  @IsBoolean()
  includeResolved?: boolean;

  @Field({ nullable: true, description: "Only the alerts of the projects whose chargé is the signed-in user." })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}

@ArgsType()
export class AlertsArgs {
  @Field(() => AlertFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertFilter)
  filter?: AlertFilter;

  @Field(() => Int, { defaultValue: 50, description: "Page size, 1 to 100." })
  @IsInt()
  @Min(1, { message: "La taille de page doit être comprise entre 1 et 100." })
  @Max(100, { message: "La taille de page doit être comprise entre 1 et 100." })
  first: number = 50;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
