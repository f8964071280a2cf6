import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";
import { ALERT_KIND_LABELS, ALERT_KINDS, type AlertKind } from "@maillage/domain";

import { PageInfoModel, ProjectModel } from "../../projects/models/project.model.js";

export const AlertKindEnum = Object.fromEntries(ALERT_KINDS.map((k) => [k, k])) as { [K in AlertKind]: K };

registerEnumType(AlertKindEnum, {
  name: "AlertKind",
  description: "What an alert is about: a stalled project, a submission waiting for review, or a coming deadline (DOMAIN.md §2.4–2.5).",
  valuesMap: Object.fromEntries(ALERT_KINDS.map((k) => [k, { description: ALERT_KIND_LABELS[k] }])),
});

@ObjectType("Alert", { description: "Something on a project that needs the federation's attention; resolved by itself when the condition no longer holds." })
export class AlertModel {
  @Field(() => ID)
  id: string;

  @Field(() => AlertKindEnum)
  kind: AlertKind;

  @Field({ description: "The kind, in French, for display." })
  kindLabel: string;

  @Field(() => ProjectModel)
  project: ProjectModel;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "The deadline the alert is about, if any." })
  dueAt: Date | null;

  @Field({ description: "What is wrong, in French." })
  message: string;

  @Field(() => GraphQLISODateTime, { description: "When the alert was raised (or raised again)." })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the condition stopped holding; null while the alert is open." })
  resolvedAt: Date | null;
}

@ObjectType("AlertEdge")
export class AlertEdgeModel {
  @Field()
  cursor: string;

  @Field(() => AlertModel)
  node: AlertModel;
}

@ObjectType("AlertConnection", { description: "A page of alerts, by due date (undated last), then by creation." })
export class AlertConnectionModel {
  @Field(() => [AlertEdgeModel])
  edges: AlertEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int, { description: "How many alerts match the filter (all pages)." })
  totalCount: number;
}

@ObjectType("AlertRefreshResult", { description: "What a refresh of the alerts changed." })
export class AlertRefreshResultModel {
  @Field(() => Int, { description: "Alerts raised (new, or resolved ones whose condition is back)." })
  opened: number;

  @Field(() => Int, { description: "Open alerts whose message or due date changed." })
  updated: number;

  @Field(() => Int, { description: "Open alerts whose condition no longer holds." })
  resolved: number;
}
