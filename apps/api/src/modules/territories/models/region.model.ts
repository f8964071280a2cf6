import { Field, ObjectType } from "@nestjs/graphql";

@ObjectType("Region", { description: "A région, with its official INSEE code (COG)." })
export class RegionModel {
  @Field({ description: "INSEE code, e.g. 75 for Nouvelle-Aquitaine." })
  code: string;

  @Field()
  name: string;
}
