import { Field, ID, ObjectType } from "@nestjs/graphql";

import { RoleEnum } from "../../../common/enums.js";

@ObjectType("StaffMember", { description: "A federation staff member, as shown on a project (e.g. its chargé)." })
export class StaffMemberModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: keyof typeof RoleEnum;
}
