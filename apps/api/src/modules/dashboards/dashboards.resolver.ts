import { Args, Query, Resolver } from "@nestjs/graphql";
import type { Actor } from "@maillage/domain";

import { CurrentActor } from "../../common/auth.decorators.js";
import { DashboardsService } from "./dashboards.service.js";
import { ResultsDashboardArgs } from "./dto/results-dashboard.filter.js";
import { ResultsDashboard } from "./models/results-dashboard.model.js";

@Resolver(() => ResultsDashboard)
export class DashboardsResolver {
  constructor(private readonly dashboards: DashboardsService) {}

  @Query(() => ResultsDashboard, {
    description: "Aggregates of the federation's approved result periods (federation admins and chargés; their federation only).",
  })
  resultsDashboard(@CurrentActor() actor: Actor, @Args() args: ResultsDashboardArgs): Promise<ResultsDashboard> {
    return this.dashboards.resultsDashboard(actor, args.filter);
  }
}
