import { Field, ID, InputType } from "@nestjs/graphql";
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { Type } from "class-transformer";
import { PROJECT_STAGES, type ProjectStage } from "@maillage/domain";

import { ProjectStageEnum } from "../../../common/enums.js";
import { ProfessionEnum, REVIEW_DECISIONS, ReviewDecisionEnum, TeamRoleEnum } from "../models/pipeline.models.js";

// Edge checks only (types and sizes); the rules are in @maillage/domain (gates, milestones, team).

@InputType()
export class AdvanceProjectStageInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;

  @Field(() => ProjectStageEnum, { description: "The stage to move to: later (gates apply) or earlier (admins, with a reason)." })
  @IsIn(PROJECT_STAGES)
  toStage: ProjectStage;

  @Field(() => String, { nullable: true, description: "Required to move back." })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: "La raison ne doit pas dépasser 1 000 caractères." })
  reason?: string | null;
}

@InputType()
export class SetStageApplicabilityInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;

  @Field(() => ProjectStageEnum)
  @IsIn(PROJECT_STAGES)
  stage: ProjectStage;

  @Field()
  @IsBoolean()
  notApplicable: boolean;

  @Field(() => String, { nullable: true, description: "Why the stage does not apply (required when marking it so)." })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: "La raison ne doit pas dépasser 1 000 caractères." })
  reason?: string | null;
}

@InputType()
export class FieldValueInput {
  @Field()
  @IsString()
  @MaxLength(100)
  key: string;

  @Field()
  @IsString()
  @MaxLength(2000, { message: "Une valeur ne doit pas dépasser 2 000 caractères." })
  value: string;
}

@InputType()
export class SubmitMilestoneInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;

  @Field()
  @IsString()
  @MaxLength(100)
  milestoneKey: string;

  // No `defaultValue` on input fields: graphql-jit (Mercurius) ignores input-field defaults once a query is
  // compiled, so lists are optional and default to empty in code (test: pipeline.int-spec.ts).
  @Field(() => [ID], { nullable: true, description: "Files uploaded with POST /files for this project (default: none)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: "20 fichiers au plus par dépôt." })
  @IsString({ each: true })
  fileIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: "Le commentaire ne doit pas dépasser 2 000 caractères." })
  comment?: string | null;

  @Field(() => [FieldValueInput], { nullable: true, description: "Values of the milestone's form fields (default: none)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FieldValueInput)
  fields?: FieldValueInput[] | null;
}

@InputType()
export class ReviewMilestoneInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  submissionId: string;

  @Field(() => ReviewDecisionEnum)
  @IsIn(REVIEW_DECISIONS)
  decision: (typeof REVIEW_DECISIONS)[number];

  @Field(() => String, { nullable: true, description: "Required when asking for changes." })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: "Le commentaire ne doit pas dépasser 2 000 caractères." })
  comment?: string | null;
}

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  projectId: string;

  @Field()
  @IsString()
  @MaxLength(500)
  fullName: string;

  @Field(() => ProfessionEnum)
  @IsString()
  profession: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  rpps?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  adeli?: string | null;

  @Field(() => TeamRoleEnum, { nullable: true })
  @IsOptional()
  @IsString()
  role?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isAssociate?: boolean;

  @Field({ description: "ISO date (yyyy-mm-dd)." })
  @IsString()
  @MaxLength(10)
  joinedAt: string;
}

@InputType()
export class UpdateTeamMemberInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  fullName?: string;

  @Field(() => ProfessionEnum, { nullable: true })
  @IsOptional()
  @IsString()
  profession?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  rpps?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  adeli?: string | null;

  @Field(() => TeamRoleEnum, { nullable: true })
  @IsOptional()
  @IsString()
  role?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isAssociate?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  joinedAt?: string;

  @Field(() => String, { nullable: true, description: "ISO date the professional left; null if still in the team." })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  leftAt?: string | null;
}

@InputType()
export class AddMilestoneDefinitionInput {
  @Field(() => ProjectStageEnum)
  @IsIn(PROJECT_STAGES)
  stage: ProjectStage;

  @Field()
  @IsString()
  @MaxLength(500)
  label: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field({ nullable: true, description: "Needed to leave the stage." })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @Field(() => String, { nullable: true, description: "Derived from the label when absent." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  key?: string | null;
}
