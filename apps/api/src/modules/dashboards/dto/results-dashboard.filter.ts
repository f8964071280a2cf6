import { ArgsType, Field, InputType, Int } from "@nestjs/graphql";
import { Type } from "class-transformer";
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { MSP_SIZE_BANDS, PROGRAMMES, type MspSizeBand, type Programme } from "@maillage/domain";

import { ProgrammeEnum } from "../../results/models/result-period.model.js";
import { MspSizeBandEnum } from "../models/results-dashboard.model.js";

/** Every list is optional; absent or empty means "all". Ranges and codes are checked by the service. */
@InputType()
export class ResultsDashboardFilter {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true, message: "Les années doivent être des nombres entiers." })
  years?: number[] | null;

  @Field(() => [ProgrammeEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(PROGRAMMES, { each: true })
  programmes?: Programme[] | null;

  @Field(() => [String], { nullable: true, description: "INSEE département codes (COG)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(101)
  @IsString({ each: true })
  @MaxLength(3, { each: true, message: "Code de département invalide." })
  departements?: string[] | null;

  @Field(() => [MspSizeBandEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsIn(MSP_SIZE_BANDS, { each: true })
  sizeBands?: MspSizeBand[] | null;
}

@ArgsType()
export class ResultsDashboardArgs {
  @Field(() => ResultsDashboardFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResultsDashboardFilter)
  filter?: ResultsDashboardFilter | null;
}
