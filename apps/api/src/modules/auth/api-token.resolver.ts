import { Args, Field, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";

import { CurrentActor, CurrentContext } from "../../common/auth.decorators.js";
import type { GqlContext } from "../../common/gql-context.js";
import { ApiTokenService } from "./api-token.service.js";
import type { ApiTokenRow } from "./api-token.repository.js";

/** The scopes of a token, as GraphQL enum values (stored as research:read, read, write). */
export enum ApiTokenScope {
  RESEARCH_READ = "research:read",
  READ = "read",
  WRITE = "write",
}
registerEnumType(ApiTokenScope, {
  name: "ApiTokenScope",
  description: "RESEARCH_READ: the research space (default); READ: every query of the user's role; WRITE: mutations (never creating a token or changing a password).",
});

@ObjectType("ApiToken", { description: "A personal API token (the secret itself is only shown once, at creation)." })
export class ApiTokenModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: "The token's first characters, to recognise it." }) prefix: string;
  @Field(() => [ApiTokenScope], { description: "What the token may do." }) scopes: ApiTokenScope[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
}

@ObjectType("CreatedApiToken")
export class CreatedApiTokenModel {
  @Field({ description: "The secret: send it as `Authorization: Bearer <token>`. It cannot be shown again." }) token: string;
  @Field(() => ApiTokenModel) apiToken: ApiTokenModel;
}

@InputType()
export class CreateApiTokenInput {
  @Field()
  @IsString()
  @MaxLength(100, { message: "Le nom ne doit pas dépasser 100 caractères." })
  name: string;

  @Field(() => Int, { nullable: true, description: "1 to 365 days; 90 when omitted." })
  @IsOptional()
  @IsInt()
  @Min(1, { message: "La durée de validité va de 1 à 365 jours." })
  @Max(365, { message: "La durée de validité va de 1 à 365 jours." })
  expiresInDays?: number | null;

  @Field(() => [ApiTokenScope], { nullable: true, description: "What the token may do; [RESEARCH_READ] when omitted. Ask for READ or WRITE only when a script needs them." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(Object.values(ApiTokenScope), { each: true })
  scopes?: ApiTokenScope[] | null;
}

const toModel = (row: ApiTokenRow): ApiTokenModel => ({ ...row, scopes: row.scopes as ApiTokenScope[] });

@Resolver()
export class ApiTokenResolver {
  constructor(private readonly tokens: ApiTokenService) {}

  @Query(() => [ApiTokenModel], { description: "The caller's personal API tokens, newest first (revoked and expired included)." })
  async apiTokens(@CurrentActor() actor: Actor): Promise<ApiTokenModel[]> {
    return (await this.tokens.list(actor)).map(toModel);
  }

  @Mutation(() => CreatedApiTokenModel, { description: "Creates a personal API token; refused when the request itself uses a token." })
  async createApiToken(@CurrentActor() actor: Actor, @CurrentContext() ctx: GqlContext, @Args("input") input: CreateApiTokenInput): Promise<CreatedApiTokenModel> {
    const created = await this.tokens.create(actor, input, Boolean(ctx.apiTokenId));
    return { token: created.token, apiToken: toModel(created.apiToken) };
  }

  @Mutation(() => ApiTokenModel, { description: "Revokes one of the caller's tokens (at once, for every process using it)." })
  async revokeApiToken(@CurrentActor() actor: Actor, @Args("id", { type: () => ID }) id: string): Promise<ApiTokenModel> {
    return toModel(await this.tokens.revoke(actor, id));
  }
}
