import { Injectable, type CanActivate, type ExecutionContext } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { GqlExecutionContext } from "@nestjs/graphql";

import { assertTokenScope, SessionService } from "../modules/auth/session.service.js";
import { scopeForRootField } from "../modules/auth/token-scopes.js";
import { IS_PUBLIC } from "./auth.decorators.js";
import { unauthenticated } from "./errors.js";
import type { GqlContext } from "./gql-context.js";

/**
 * Every GraphQL operation requires a valid session unless marked @Public(). The actor is resolved once per
 * request and kept in the context. A personal API token may call a root field only when its scopes allow it
 * (token-scopes.ts); the fields below a root field follow it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== "graphql") return true;
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    if (ctx.actor === undefined) {
      const resolved = await this.sessions.resolve(ctx.req);
      ctx.actor = resolved?.actor ?? null;
      ctx.sessionId = resolved?.sessionId ?? null;
      ctx.apiTokenId = resolved?.apiTokenId ?? null;
      ctx.tokenScopes = resolved?.scopes ?? null;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (!ctx.actor) throw unauthenticated();
    if (ctx.apiTokenId && ctx.tokenScopes) {
      const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
      const parent = info.parentType.name;
      if (parent === "Query" || parent === "Mutation") assertTokenScope(ctx.tokenScopes, scopeForRootField(parent, info.fieldName));
    }
    return true;
  }
}
