import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "@nestjs/graphql";
import { SUPPRESSION_REASONS } from "@maillage/domain";
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Type } from "class-transformer";

import { JSONObjectScalar } from "../../common/json-object.scalar.js";
import { PageInfoModel } from "../projects/models/project.model.js";
import { ProgrammeEnum } from "../results/models/result-period.model.js";
import { RESEARCH_API_DIMENSIONS, RESEARCH_MEASURES, type ResearchApiDimension, type ResearchMeasure } from "./research.catalog.js";

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const ResearchMeasureEnum = asEnum(RESEARCH_MEASURES);
export const ResearchDimensionEnum = asEnum(RESEARCH_API_DIMENSIONS);
export const SuppressionReasonEnum = asEnum(SUPPRESSION_REASONS);
registerEnumType(ResearchMeasureEnum, { name: "ResearchMeasure", description: "What a research aggregate measures (approved result periods only)." });
registerEnumType(ResearchDimensionEnum, { name: "ResearchDimension", description: "A dimension a researcher may group or filter by; none identifies an MSP." });
registerEnumType(SuppressionReasonEnum, {
  name: "SuppressionReason",
  description: "Why a cell is masked (DOMAIN.md §6.3).",
  valuesMap: {
    SMALL_COUNT: { description: "R1: a count of patients from 1 to 10." },
    FEW_CONTRIBUTORS: { description: "R4: fewer than 3 MSPs." },
    DOMINANCE: { description: "R4: one MSP contributes more than 85 % of a sum." },
    RATE_BASE: { description: "R3: a rate or mean on fewer than 11 units." },
    PROFESSIONAL_INCOME: { description: "R5: the income of fewer than 11 professionals." },
    COMPLEMENTARY: { description: "R2: masked so that no other masked cell can be recomputed." },
  },
});

@InputType()
export class ResearchFilterInput {
  @Field(() => ResearchDimensionEnum)
  @IsIn(RESEARCH_API_DIMENSIONS)
  dimension: ResearchApiDimension;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  values: string[];
}

@InputType()
export class ResearchAggregateInput {
  @Field(() => ResearchMeasureEnum)
  @IsIn(RESEARCH_MEASURES)
  measure: ResearchMeasure;

  @Field(() => String, { nullable: true, description: "Required by the indicator measures (ACI_INDICATOR_MEAN, IPEP_INDICATOR_MEAN)." })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  indicatorCode?: string | null;

  @Field(() => [ResearchDimensionEnum], { description: "1 to 3 dimensions." })
  @IsArray()
  @ArrayMaxSize(7)
  groupBy: ResearchApiDimension[];

  @Field(() => [ResearchFilterInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => ResearchFilterInput)
  filters?: ResearchFilterInput[] | null;
}

@ArgsType()
export class ResearchQueriesArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType("ResearchCoordinate")
export class ResearchCoordinateModel {
  @Field(() => ResearchDimensionEnum) dimension: string;
  @Field(() => String, { nullable: true, description: "null: the margin (total) over this dimension." }) value: string | null;
  @Field(() => String, { nullable: true }) label: string | null;
}

@ObjectType("ResearchCell")
export class ResearchCellModel {
  @Field(() => [ResearchCoordinateModel]) coordinates: ResearchCoordinateModel[];
  @Field(() => Float, { nullable: true, description: "null when suppressed (or a mean over no patient)." }) value: number | null;
  @Field() suppressed: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true, description: "French label, e.g. « Secret statistique : moins de 3 MSP »." }) reasonLabel: string | null;
}

@ObjectType("ResearchThresholds")
export class ResearchThresholdsModel {
  @Field(() => Int) minPatients: number;
  @Field(() => Int) minContributors: number;
  @Field(() => Float) dominanceShare: number;
  @Field(() => Int) minRateNumerator: number;
  @Field(() => Int) minRateDenominator: number;
  @Field(() => Int) minProfessionals: number;
  @Field(() => Float) protectionPercent: number;
}

@ObjectType("ResearchNoise")
export class ResearchNoiseModel {
  @Field() mechanism: string;
  @Field(() => Float) epsilon: number;
}

@ObjectType("ResearchPerturbation")
export class ResearchPerturbationModel {
  @Field({ description: "The method, in French." }) method: string;
  @Field({ description: "What is perturbed and by how much, in French (shown with the table and in exports)." }) description: string;
  @Field(() => Float, { nullable: true, description: "Amounts, patients, means: the largest relative error of a published cell, in %." })
  maxRelativeErrorPercent: number | null;
  @Field(() => Int, { nullable: true, description: "Counts of MSPs: published as multiples of this base." }) countBase: number | null;
}

@ObjectType("ResearchAggregate")
export class ResearchAggregateModel {
  @Field(() => ID) queryId: string;
  @Field(() => ResearchMeasureEnum) measure: string;
  @Field() measureLabel: string;
  @Field() unit: string;
  @Field(() => String, { nullable: true }) indicatorCode: string | null;
  @Field(() => [ResearchDimensionEnum]) groupBy: string[];
  @Field(() => [ResearchCellModel], { description: "Inner cells and margins, in category order, the margin last." }) cells: ResearchCellModel[];
  @Field(() => Int) cellCount: number;
  @Field(() => Int) suppressedCount: number;
  @Field(() => ResearchThresholdsModel) thresholds: ResearchThresholdsModel;
  @Field(() => ResearchNoiseModel, { nullable: true }) noise: ResearchNoiseModel | null;
  @Field(() => ResearchPerturbationModel, { description: "Every published value is perturbed; this says how." }) perturbation: ResearchPerturbationModel;
  @Field({ description: "True when this exact question was already answered on the same data: the same answer is returned." }) cached: boolean;
  @Field() dataVersion: string;
  @Field() methodology: string;
}

@ObjectType("ResearchCategory")
export class ResearchCategoryModel {
  @Field() value: string;
  @Field() label: string;
}

@ObjectType("ResearchDimensionInfo")
export class ResearchDimensionInfoModel {
  @Field(() => ResearchDimensionEnum) id: string;
  @Field() label: string;
  @Field(() => [ResearchCategoryModel]) categories: ResearchCategoryModel[];
}

@ObjectType("ResearchMeasureInfo")
export class ResearchMeasureInfoModel {
  @Field(() => ResearchMeasureEnum) id: string;
  @Field() label: string;
  @Field() unit: string;
  @Field() needsIndicator: boolean;
}

@ObjectType("ResearchIndicatorInfo")
export class ResearchIndicatorInfoModel {
  @Field() code: string;
  @Field() label: string;
  @Field(() => ProgrammeEnum) programme: string;
}

@ObjectType("ResearchCatalog")
export class ResearchCatalogModel {
  @Field(() => [ResearchMeasureInfoModel]) measures: ResearchMeasureInfoModel[];
  @Field(() => [ResearchDimensionInfoModel]) dimensions: ResearchDimensionInfoModel[];
  @Field(() => [ResearchIndicatorInfoModel]) indicators: ResearchIndicatorInfoModel[];
}

@ObjectType("ResearchQueryRecord")
export class ResearchQueryRecordModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ResearchMeasureEnum) measure: string;
  @Field(() => [ResearchDimensionEnum]) groupBy: string[];
  @Field(() => JSONObjectScalar, { nullable: true, description: "{ filters: [{ dimension, values }] }" }) filters: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) indicatorCode: string | null;
  @Field(() => Int) cellsReturned: number;
  @Field(() => Int) cellsSuppressed: number;
  @Field(() => Float, { nullable: true }) epsilon: number | null;
}

@ObjectType("ResearchQueryEdge")
export class ResearchQueryEdgeModel {
  @Field() cursor: string;
  @Field(() => ResearchQueryRecordModel) node: ResearchQueryRecordModel;
}

@ObjectType("ResearchQueryConnection")
export class ResearchQueryConnectionModel {
  @Field(() => [ResearchQueryEdgeModel]) edges: ResearchQueryEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@ObjectType("ResearchBudget")
export class ResearchBudgetModel {
  @Field({ description: "OFF (no noise) or LAPLACE (noisy answers with a per-researcher budget)." }) mode: string;
  @Field(() => Float) epsilonTotal: number;
  @Field(() => Float) epsilonSpent: number;
  @Field(() => Float) epsilonRemaining: number;
  @Field(() => Float) epsilonPerQuery: number;
}

export { ID };

@InputType()
export class UpdateResearchSettingsInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() minPatients?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() minContributors?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() dominanceShare?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() minRateNumerator?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() minRateDenominator?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() minProfessionals?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() protectionPercent?: number | null;
  @Field(() => String, { nullable: true, description: "Why (kept in the audit log)." })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@ObjectType("ResearchSettings")
export class ResearchSettingsModel {
  @Field(() => ResearchThresholdsModel, { description: "The deployment's thresholds (its configuration): the floor of every federation's." }) thresholds: ResearchThresholdsModel;
  @Field(() => ResearchThresholdsModel, {
    nullable: true,
    description: "The caller's federation's own thresholds for its data, when it made them stricter; null: the deployment's apply.",
  })
  federationThresholds: ResearchThresholdsModel | null;
  @Field() privacyMode: string;
  @Field(() => Float) epsilonPerQuery: number;
  @Field(() => Float) epsilonBudget: number;
}
