import { Field, ObjectType } from "@nestjs/graphql";

@ObjectType("Commune", { description: "A commune of the current COG (INSEE code official géographique)." })
export class CommuneModel {
  @Field({ description: "INSEE code (not the postal code)." })
  code: string;

  @Field()
  name: string;

  @Field()
  departementCode: string;

  @Field(() => [String])
  postalCodes: string[];
}
