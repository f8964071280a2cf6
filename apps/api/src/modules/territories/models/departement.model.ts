import { Field, ObjectType } from "@nestjs/graphql";

import { RegionModel } from "./region.model.js";

@ObjectType("Departement", { description: "A département, with its official INSEE code (COG)." })
export class DepartementModel {
  @Field({ description: "INSEE code: 2 characters in metropolitan France (2A/2B in Corsica), 3 overseas." })
  code: string;

  @Field()
  name: string;

  @Field(() => RegionModel)
  region: RegionModel;
}
