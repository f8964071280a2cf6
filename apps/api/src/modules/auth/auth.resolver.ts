import { Args, Mutation, Resolver } from "@nestjs/graphql";

import { CurrentContext, Public } from "../../common/auth.decorators.js";
import { notFound } from "../../common/errors.js";
import type { GqlContext } from "../../common/gql-context.js";
import { UserModel } from "../users/models/user.model.js";
import { UsersRepository } from "../users/users.repository.js";
import type { UserRow } from "../users/users.resolver.js";
import { AuthService } from "./auth.service.js";
import { LoginInput } from "./dto/login.input.js";
import { SessionService } from "./session.service.js";

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
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
}
