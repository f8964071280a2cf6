import { Field, Float, InputType } from "@nestjs/graphql";
import { Type } from "class-transformer";
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from "class-validator";

import { IPEP_MODULATION_KINDS, IpepModulationKindEnum } from "../models/reference-data.model.js";

/** Codes of rule sets, tables and parameter sets: upper-case letters, digits and « _ » (PEPS2, ACI2017_AV1, IPEP_2022). */
export const REFERENCE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_]{0,39}$/;
const CODE_MESSAGE = "Code invalide : lettres majuscules, chiffres et « _ » (40 caractères au plus).";

@InputType()
export class UpdateAciIndicatorInput {
  @Field({ description: "ACI rule set code (RA2015, ACI2017, ACI2017_AV1)." })
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: CODE_MESSAGE })
  ruleSetCode: string;

  @Field({ description: "Indicator code within the rule set." })
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: "Les points fixes doivent être un nombre." })
  @Min(0, { message: "Les points fixes ne peuvent pas être négatifs." })
  @Max(100_000, { message: "Les points fixes ne peuvent pas dépasser 100 000." })
  fixedPoints: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: "Les points variables doivent être un nombre." })
  @Min(0, { message: "Les points variables ne peuvent pas être négatifs." })
  @Max(100_000, { message: "Les points variables ne peuvent pas dépasser 100 000." })
  variablePointsPer4000: number;

  @Field({ description: "Record that the caller checked this row against the official text (who and when are shown)." })
  @IsBoolean()
  markVerified: boolean;
}

@InputType()
export class IpepModulationInput {
  @Field(() => IpepModulationKindEnum)
  @IsIn(IPEP_MODULATION_KINDS)
  kind: (typeof IPEP_MODULATION_KINDS)[number];

  @Field(() => Float, { nullable: true, description: "LINEAR only." })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxScore?: number | null;

  @Field(() => Float, { nullable: true, description: "LINEAR only." })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minimumScore?: number | null;
}

@InputType()
export class UpdateIpepParametersInput {
  @Field({ description: "Parameter set code (IPEP_2022…); a new code creates a new version." })
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  cEcart: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  cEvolution: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  shareOfSavings: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  patientExperienceMaxPoints: number;

  @Field(() => IpepModulationInput)
  @ValidateNested()
  @Type(() => IpepModulationInput)
  modulation: IpepModulationInput;
}
