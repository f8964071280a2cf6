import { Args, ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from "class-validator";

import { CurrentActor } from "../../common/auth.decorators.js";
import { JSONObjectScalar } from "../../common/json-object.scalar.js";
import { PageInfoModel } from "../projects/models/project.model.js";
import { AuditLogService, type AuditLogEntry } from "./audit-log.service.js";

@ObjectType("AuditActor")
export class AuditActorModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field() email: string;
}

@ObjectType("AuditEvent", { description: "One entry of the federation's audit log." })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field({ description: "The action's key (stable, for filters and scripts)." }) action: string;
  @Field({ description: "The action in French." }) label: string;
  @Field(() => AuditActorModel, { nullable: true, description: "Who did it (null: the system or the operator's command)." }) actor: AuditActorModel | null;
  @Field() targetType: string;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field(() => ID, { nullable: true }) projectId: string | null;
  @Field(() => JSONObjectScalar, { nullable: true, description: "What changed (before/after, reason…)." }) summary: Record<string, unknown> | null;
}

@ObjectType("AuditEventEdge")
export class AuditEventEdgeModel {
  @Field() cursor: string;
  @Field(() => AuditEventModel) node: AuditEventModel;
}

@ObjectType("AuditEventConnection")
export class AuditEventConnectionModel {
  @Field(() => [AuditEventEdgeModel]) edges: AuditEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class AuditEventFilterInput {
  @Field(() => ID, { nullable: true, description: "Who did it." }) @IsOptional() @IsString() actorId?: string | null;
  @Field(() => String, { nullable: true, description: "An action key, e.g. user.invite." }) @IsOptional() @IsString() @MaxLength(60) action?: string | null;
  @Field(() => String, { nullable: true, description: "From this day (AAAA-MM-JJ), included." }) @IsOptional() @IsString() @MaxLength(30) from?: string | null;
  @Field(() => String, { nullable: true, description: "To this day (AAAA-MM-JJ), included." }) @IsOptional() @IsString() @MaxLength(30) to?: string | null;
}

@ArgsType()
export class AuditEventsArgs {
  @Field(() => AuditEventFilterInput, { nullable: true }) @IsOptional() filter?: AuditEventFilterInput | null;
  @Field(() => Int, { nullable: true, description: "1 to 200; 50 by default." }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string | null;
}

export const toAuditModel = (e: AuditLogEntry): AuditEventModel => ({
  id: e.id.toString(),
  createdAt: e.createdAt,
  action: e.action,
  label: e.label,
  actor: e.actor,
  targetType: e.targetType,
  targetId: e.targetId,
  projectId: e.projectId,
  summary: e.summary && typeof e.summary === "object" ? (e.summary as Record<string, unknown>) : null,
});

@Resolver()
export class AuditLogResolver {
  constructor(private readonly log: AuditLogService) {}

  @Query(() => AuditEventConnectionModel, { description: "FEDERATION_ADMIN: the federation's audit log, newest first, with filters (person, action, dates)." })
  async auditEvents(@CurrentActor() actor: Actor, @Args() args: AuditEventsArgs): Promise<AuditEventConnectionModel> {
    const page = await this.log.page(actor, args.filter, args.first ?? 50, args.after ?? null);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAuditModel(e.node) })) };
  }
}
