import { Field, ID, InputType } from "@nestjs/graphql";
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from "class-validator";
import { PROJECT_STATUSES, type ProjectStatus } from "@maillage/domain";

import { LEGAL_FORMS, LegalFormEnum, ProjectStatusEnum } from "../../../common/enums.js";

// Edge checks only (types, sizes); the business rules are in @maillage/domain validateProjectInput.

@InputType()
export class CreateProjectInput {
  @Field()
  @IsString()
  @MaxLength(500)
  name: string;

  @Field({ description: "INSEE code of the main site's commune." })
  @IsString()
  @MaxLength(10)
  communeCode: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID("all", { message: "Identifiant de chargé·e invalide." })
  chargeId?: string | null;
}

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  communeCode?: string;

  @Field(() => ID, { nullable: true, description: "The new chargé·e; null removes the assignment." })
  @IsOptional()
  @IsUUID("all", { message: "Identifiant de chargé·e invalide." })
  chargeId?: string | null;

  @Field(() => ProjectStatusEnum, { nullable: true, description: "ON_HOLD and ABANDONED need a statusReason; the stage reached is kept." })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @Field(() => String, { nullable: true, description: "Why the project is put on hold or abandoned." })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: "La raison ne doit pas dépasser 1 000 caractères." })
  statusReason?: string | null;

  @Field(() => LegalFormEnum, { nullable: true, description: "Association loi 1901 or SISA; null clears it." })
  @IsOptional()
  @IsIn(LEGAL_FORMS)
  legalForm?: (typeof LEGAL_FORMS)[number] | null;
}
