import { Parent, Query, ResolveField, Resolver } from "@nestjs/graphql";
import { can, type Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { forbidden, notFound } from "../../common/errors.js";
import { FederationsRepository } from "../federations/federations.repository.js";
import { FederationModel } from "../federations/models/federation.model.js";
import { ProjectModel } from "../projects/models/project.model.js";
import { ProjectsService } from "../projects/projects.service.js";
import { StaffMemberModel } from "./models/staff-member.model.js";
import { UserModel } from "./models/user.model.js";
import { UsersRepository } from "./users.repository.js";

/** A user row as resolvers pass it on; `federation` and `mspProject` are resolved from the ids. */
export type UserRow = Omit<UserModel, "federation" | "mspProject"> & { federationId: string; mspProjectId: string | null };

export const actorOf = (u: UserRow): Actor => ({ userId: u.id, role: u.role, federationId: u.federationId, mspProjectId: u.mspProjectId });

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersRepository,
    private readonly federations: FederationsRepository,
    private readonly projects: ProjectsService,
  ) {}

  @Query(() => UserModel, { description: "The signed-in user." })
  async me(@CurrentActor() actor: Actor): Promise<UserRow> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound("Utilisateur");
    return user;
  }

  @Query(() => [StaffMemberModel], { description: "Staff of the signed-in user's federation who can be assigned to projects (admins and chargés)." })
  staff(@CurrentActor() actor: Actor): Promise<StaffMemberModel[]> {
    if (!can(actor, "staff.list", { kind: "federation", federationId: actor.federationId })) throw forbidden();
    return this.users.listStaff(actor.federationId);
  }

  @ResolveField(() => FederationModel)
  async federation(@Parent() user: UserRow): Promise<Omit<FederationModel, "departements">> {
    const f = await this.federations.findById(user.federationId);
    if (!f) throw notFound("Fédération");
    return f;
  }

  @ResolveField(() => ProjectModel, { nullable: true })
  mspProject(@Parent() user: UserRow): Promise<ProjectModel> | null {
    return user.mspProjectId ? this.projects.get(actorOf(user), user.mspProjectId) : null;
  }
}
