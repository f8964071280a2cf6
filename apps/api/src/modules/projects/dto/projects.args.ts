import { ArgsType, Field, ID, InputType, Int } from "@nestjs/graphql";
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from "class-validator";
import { PROJECT_STAGES, PROJECT_STATUSES, type ProjectStage, type ProjectStatus } from "@maillage/domain";

import { ProjectStageEnum, ProjectStatusEnum } from "../../../common/enums.js";

@InputType()
export class ProjectFilter {
  @Field(() => [ProjectStageEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(PROJECT_STAGES, { each: true })
  stages?: ProjectStage[];

  @Field(() => [ProjectStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(PROJECT_STATUSES, { each: true })
  statuses?: ProjectStatus[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(3, { each: true, message: "Code de département invalide." })
  departementCodes?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "Identifiant de chargé·e invalide." })
  chargeId?: string;

  @Field({ nullable: true, description: "Only the projects assigned to the signed-in chargé (their portfolio)." })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @Field({ nullable: true, description: "Matches the project's name or commune (case- and accent-insensitive)." })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: "La recherche ne doit pas dépasser 100 caractères." })
  text?: string;
}

@ArgsType()
export class ProjectsArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  filter?: ProjectFilter;

  @Field(() => Int, { defaultValue: 25, description: "Page size, 1 to 100." })
  @IsInt()
  @Min(1, { message: "La taille de page doit être comprise entre 1 et 100." })
  @Max(100, { message: "La taille de page doit être comprise entre 1 et 100." })
  first: number = 25;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
