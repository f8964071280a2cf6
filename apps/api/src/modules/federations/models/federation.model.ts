import { Field, ID, ObjectType } from "@nestjs/graphql";

import { DepartementModel } from "../../territories/models/departement.model.js";
import { RegionModel } from "../../territories/models/region.model.js";

@ObjectType("Federation", { description: "A regional federation of MSP: the tenant every row belongs to." })
export class FederationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => [DepartementModel], { description: "The départements the federation covers." })
  departements: DepartementModel[];
}
