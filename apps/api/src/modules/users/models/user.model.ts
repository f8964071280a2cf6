import { Field, ID, ObjectType } from "@nestjs/graphql";

import { RoleEnum } from "../../../common/enums.js";
import { FederationModel } from "../../federations/models/federation.model.js";
import { ProjectModel } from "../../projects/models/project.model.js";

@ObjectType("User", { description: "The signed-in user." })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => RoleEnum)
  role: keyof typeof RoleEnum;

  @Field(() => FederationModel)
  federation: FederationModel;

  @Field(() => ProjectModel, { nullable: true, description: "The MSP project of an MSP member; null for other roles." })
  mspProject: ProjectModel | null;
}
