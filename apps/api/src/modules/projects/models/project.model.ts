import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "@nestjs/graphql";

import { LegalFormEnum, ProjectStageEnum, ProjectStatusEnum } from "../../../common/enums.js";
import { DepartementModel } from "../../territories/models/departement.model.js";
import { StaffMemberModel } from "../../users/models/staff-member.model.js";

@ObjectType("Project", { description: "An MSP project, from first contact to a running MSP." })
export class ProjectModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: "INSEE code of the main site's commune." })
  communeCode: string;

  @Field()
  communeName: string;

  @Field(() => DepartementModel)
  departement: DepartementModel;

  @Field(() => ProjectStageEnum)
  stage: keyof typeof ProjectStageEnum;

  @Field(() => ProjectStatusEnum)
  status: keyof typeof ProjectStatusEnum;

  @Field(() => StaffMemberModel, { nullable: true, description: "The chargé·e de développement who follows the project." })
  charge: StaffMemberModel | null;

  @Field(() => String, { nullable: true, description: "Why the project is on hold or abandoned." })
  statusReason: string | null;

  @Field(() => LegalFormEnum, { nullable: true })
  legalForm: keyof typeof LegalFormEnum | null;

  @Field(() => GraphQLISODateTime, { description: "When the project entered its current stage." })
  stageEnteredAt: Date;

  @Field(() => GraphQLISODateTime, { description: "The last event on the project's timeline." })
  lastActivityAt: Date;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType("ProjectEdge")
export class ProjectEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ProjectModel)
  node: ProjectModel;
}

@ObjectType("PageInfo")
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType("ProjectConnection", { description: "A page of projects, in name order." })
export class ProjectConnectionModel {
  @Field(() => [ProjectEdgeModel])
  edges: ProjectEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int, { description: "How many projects match the filter (all pages)." })
  totalCount: number;
}
