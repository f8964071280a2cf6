import { Args, Field, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from "@nestjs/graphql";
import { ROLE_LABELS, ROLES, type Actor, type Role } from "@maillage/domain";
import { IsIn, IsOptional, IsString, MaxLength } from "class-validator";

import { CurrentActor } from "../../../common/auth.decorators.js";
import { RoleEnum } from "../../../common/enums.js";
import type { ManagedUserRow } from "./user-admin.repository.js";
import { UserAdminService, type InvitationResult } from "./user-admin.service.js";

export enum UserStatus {
  ACTIVE = "ACTIVE",
  INVITED = "INVITED",
  DEACTIVATED = "DEACTIVATED",
}
registerEnumType(UserStatus, { name: "UserStatus", description: "ACTIVE: signs in; INVITED: has not chosen a password yet; DEACTIVATED: cannot sign in." });

@ObjectType("ManagedUserProject")
export class ManagedUserProjectModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType("ManagedUser", { description: "A person of the caller's federation, as its admins manage them." })
export class ManagedUserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => RoleEnum) role: string;
  @Field({ description: "The role in French." }) roleLabel: string;
  @Field(() => ManagedUserProjectModel, { nullable: true, description: "The MSP of an MSP member." }) mspProject: ManagedUserProjectModel | null;
  @Field(() => UserStatus) status: UserStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) disabledAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "The last time they signed in." }) lastLoginAt: Date | null;
}

@ObjectType("Invitation")
export class InvitationModel {
  @Field(() => ManagedUserModel) user: ManagedUserModel;
  @Field({ description: "True when the invitation e-mail went out." }) emailSent: boolean;
  @Field(() => String, { nullable: true, description: "The link to pass on yourself, only when no e-mail could be sent (SMTP off or failing)." }) invitationLink: string | null;
}

@InputType()
export class UsersFilterInput {
  @Field(() => String, { nullable: true, description: "Part of the name or the e-mail." }) @IsOptional() @IsString() @MaxLength(100) search?: string | null;
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: Role | null;
  @Field(() => UserStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(UserStatus)) status?: UserStatus | null;
}

@InputType()
export class InviteUserInput {
  @Field() @IsString() @MaxLength(254, { message: "Adresse e-mail trop longue." }) email: string;
  @Field() @IsString() @MaxLength(120, { message: "Nom trop long (120 caractères au plus)." }) displayName: string;
  @Field(() => RoleEnum) @IsIn(ROLES, { message: "Rôle inconnu." }) role: Role;
  @Field(() => ID, { nullable: true, description: "The MSP project of an MSP member (required for that role, refused for the others)." })
  @IsOptional()
  @IsString()
  mspProjectId?: string | null;
}

const toModel = (u: ManagedUserRow): ManagedUserModel => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  roleLabel: ROLE_LABELS[u.role],
  mspProject: u.mspProjectId && u.mspProjectName ? { id: u.mspProjectId, name: u.mspProjectName } : null,
  status: u.disabledAt ? UserStatus.DEACTIVATED : u.invited ? UserStatus.INVITED : UserStatus.ACTIVE,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
  lastLoginAt: u.lastLoginAt,
});
const toInvitation = (r: InvitationResult): InvitationModel => ({ user: toModel(r.user), emailSent: r.emailSent, invitationLink: r.invitationLink });

@ObjectType("PortfolioReassignment")
export class PortfolioReassignmentModel {
  @Field(() => Int, { description: "How many projects changed hands." }) moved: number;
}

@InputType()
export class ChangeUserRoleInput {
  @Field(() => ID) @IsString() userId: string;
  @Field(() => RoleEnum) @IsIn(ROLES, { message: "Rôle inconnu." }) role: Role;
  @Field(() => ID, { nullable: true, description: "Required for MSP_MEMBER, refused for the others." }) @IsOptional() @IsString() mspProjectId?: string | null;
}

@Resolver()
export class UserAdminResolver {
  constructor(private readonly admin: UserAdminService) {}

  @Query(() => [ManagedUserModel], { description: "FEDERATION_ADMIN: the people of their federation, by name (filters: search, role, status)." })
  async users(@CurrentActor() actor: Actor, @Args("filter", { type: () => UsersFilterInput, nullable: true }) filter?: UsersFilterInput | null): Promise<ManagedUserModel[]> {
    return (await this.admin.list(actor, filter ?? {})).map(toModel);
  }

  @Mutation(() => InvitationModel, {
    description: "FEDERATION_ADMIN: invites someone into their federation with a role (and their MSP for an MSP member); a single-use link valid 7 days goes by e-mail, or is returned when e-mail is off.",
  })
  async inviteUser(@CurrentActor() actor: Actor, @Args("input") input: InviteUserInput): Promise<InvitationModel> {
    return toInvitation(await this.admin.invite(actor, input));
  }

  @Mutation(() => InvitationModel, { description: "FEDERATION_ADMIN: sends a new invitation link (the previous one stops working)." })
  async resendInvitation(@CurrentActor() actor: Actor, @Args("userId", { type: () => ID }) userId: string): Promise<InvitationModel> {
    return toInvitation(await this.admin.resend(actor, userId));
  }

  @Mutation(() => ManagedUserModel, { description: "FEDERATION_ADMIN: withdraws a pending invitation (the account is deactivated, the link stops working)." })
  async revokeInvitation(@CurrentActor() actor: Actor, @Args("userId", { type: () => ID }) userId: string): Promise<ManagedUserModel> {
    return toModel(await this.admin.revokeInvitation(actor, userId));
  }

  @Mutation(() => ManagedUserModel, { description: "FEDERATION_ADMIN: deactivates a user of their federation: every session and API token stops at once." })
  async deactivateUser(@CurrentActor() actor: Actor, @Args("userId", { type: () => ID }) userId: string): Promise<ManagedUserModel> {
    return toModel(await this.admin.deactivate(actor, userId));
  }

  @Mutation(() => PortfolioReassignmentModel, { description: "FEDERATION_ADMIN: hands every project a chargé·e follows to a colleague of the federation, in one step." })
  reassignPortfolio(
    @CurrentActor() actor: Actor,
    @Args("fromUserId", { type: () => ID }) fromUserId: string,
    @Args("toUserId", { type: () => ID }) toUserId: string,
  ): Promise<PortfolioReassignmentModel> {
    return this.admin.reassignPortfolio(actor, fromUserId, toUserId);
  }

  @Mutation(() => ManagedUserModel, { description: "FEDERATION_ADMIN: changes the role of someone of their federation (their sessions end: the new role applies at once)." })
  async changeUserRole(@CurrentActor() actor: Actor, @Args("input") input: ChangeUserRoleInput): Promise<ManagedUserModel> {
    return toModel(await this.admin.changeRole(actor, input.userId, input.role, input.mspProjectId ?? null));
  }

  @Mutation(() => ManagedUserModel, { description: "FEDERATION_ADMIN: lets a deactivated user of their federation sign in again." })
  async reactivateUser(@CurrentActor() actor: Actor, @Args("userId", { type: () => ID }) userId: string): Promise<ManagedUserModel> {
    return toModel(await this.admin.reactivate(actor, userId));
  }
}
