import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { AlertsService } from "./alerts.service.js";
import { AlertsArgs } from "./dto/alerts.args.js";
import { AlertConnectionModel, AlertModel, AlertRefreshResultModel } from "./models/alert.model.js";

@Resolver(() => AlertModel)
export class AlertsResolver {
  constructor(private readonly service: AlertsService) {}

  @Query(() => AlertConnectionModel, {
    description: "Alerts on the projects the signed-in user may see (open ones unless includeResolved), by due date then creation.",
  })
  alerts(@CurrentActor() actor: Actor, @Args() args: AlertsArgs): Promise<AlertConnectionModel> {
    return this.service.list(actor, args.filter, args.first, args.after);
  }

  @Mutation(() => AlertRefreshResultModel, { description: "Recomputes the alerts of the admin's federation now (federation admins)." })
  refreshAlerts(@CurrentActor() actor: Actor): Promise<AlertRefreshResultModel> {
    return this.service.refreshFor(actor);
  }
}
