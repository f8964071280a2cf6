import { Args, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver } from "@nestjs/graphql";

import { CurrentContext, Public } from "../../common/auth.decorators.js";
import { notFound } from "../../common/errors.js";
import type { GqlContext } from "../../common/gql-context.js";
import { UserModel } from "../users/models/user.model.js";
import { UsersRepository } from "../users/users.repository.js";
import type { UserRow } from "../users/users.resolver.js";
import { AuthService } from "./auth.service.js";
import { LoginInput } from "./dto/login.input.js";
import { ChangePasswordInput, ResetPasswordInput } from "./dto/password.input.js";
import { PasswordService } from "./password.service.js";
import { SessionService } from "./session.service.js";

@ObjectType("SessionInfo", { description: "One of the caller's open sessions (a browser where they are signed in)." })
export class SessionInfoModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) lastSeenAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => String, { nullable: true, description: "The browser's own description (User-Agent), as sent." }) userAgent: string | null;
  @Field({ description: "True for the session of this request." }) current: boolean;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
  ) {}

  @Public()
  @Mutation(() => UserModel, { description: "Signs in: sets an httpOnly session cookie. Wrong credentials: UNAUTHENTICATED." })
  async login(@CurrentContext() ctx: GqlContext, @Args("input") input: LoginInput): Promise<UserRow> {
    const userId = await this.auth.login(input, { ip: ctx.req.ip, userAgent: ctx.req.headers["user-agent"] ?? null, reply: ctx.reply });
    const user = await this.users.findById(userId);
    if (!user) throw notFound("Utilisateur");
    return user;
  }

  @Public()
  @Mutation(() => Boolean, { description: "Signs out: revokes the session and clears its cookie." })
  async logout(@CurrentContext() ctx: GqlContext): Promise<boolean> {
    await this.sessions.end(ctx.reply, ctx.sessionId);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Changes the caller's password: the current one is required; every other session of the user ends. Errors: BAD_USER_INPUT (currentPassword, newPassword), TOO_MANY_REQUESTS.",
  })
  async changePassword(@CurrentContext() ctx: GqlContext, @Args("input") input: ChangePasswordInput): Promise<boolean> {
    await this.passwords.changePassword(ctx.actor!, { sessionId: ctx.sessionId ?? null, apiTokenId: ctx.apiTokenId ?? null }, input);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "« Mot de passe oublié »: sends a single-use link valid one hour to the account's e-mail when it exists. Always true (the answer does not tell whether the e-mail exists); TOO_MANY_REQUESTS from one address beyond a limit.",
  })
  async requestPasswordReset(@CurrentContext() ctx: GqlContext, @Args("email", { type: () => String }) email: string): Promise<boolean> {
    await this.passwords.requestReset(typeof email === "string" ? email.slice(0, 300) : "", ctx.req.ip);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "Sets a new password with the token of a reset link; every session of the user ends. Errors: BAD_USER_INPUT (token: used, expired or unknown; newPassword: the policy).",
  })
  async resetPassword(@Args("input") input: ResetPasswordInput): Promise<boolean> {
    await this.passwords.resetPassword(input);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: "Activates an invited account: sets its first password with the token of the invitation link (valid 7 days, once). Errors: BAD_USER_INPUT (token; newPassword: the policy). The person then signs in.",
  })
  async acceptInvitation(@Args("input") input: ResetPasswordInput): Promise<boolean> {
    await this.passwords.resetPassword(input);
    return true;
  }

  @Query(() => [SessionInfoModel], { description: "The caller's open sessions, the most recently used first." })
  async mySessions(@CurrentContext() ctx: GqlContext): Promise<SessionInfoModel[]> {
    const rows = await this.sessions.listOpen(ctx.actor!.userId, new Date());
    return rows.map((r) => ({ ...r, current: r.id === ctx.sessionId }));
  }

  @Mutation(() => Boolean, { description: "Ends one of the caller's sessions (another browser, or this one). Someone else's: NOT_FOUND." })
  async revokeMySession(@CurrentContext() ctx: GqlContext, @Args("id", { type: () => ID }) id: string): Promise<boolean> {
    if (!(await this.sessions.revokeOwn(ctx.actor!.userId, id, new Date()))) throw notFound("Session");
    if (id === ctx.sessionId) await this.sessions.end(ctx.reply, null);
    return true;
  }
}
