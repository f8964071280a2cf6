import { createParamDecorator, SetMetadata, type ExecutionContext } from "@nestjs/common";
import { GqlExecutionContext } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { unauthenticated } from "./errors.js";
import type { GqlContext } from "./gql-context.js";

export const IS_PUBLIC = "maillage:isPublic";

/** Marks an operation that needs no session (only `login` and `logout`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The signed-in actor (the AuthGuard has already refused anonymous requests). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(ctx).getContext<GqlContext>();
  if (!gql.actor) throw unauthenticated();
  return gql.actor;
});

export const CurrentContext = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): GqlContext => GqlExecutionContext.create(ctx).getContext<GqlContext>(),
);
