import { Module } from "@nestjs/common";

import { DashboardsController } from "./dashboards.controller.js";
import { DashboardsRepository } from "./dashboards.repository.js";
import { DashboardsResolver } from "./dashboards.resolver.js";
import { DashboardsService } from "./dashboards.service.js";

/** Dashboards of results (aggregates of approved periods, in SQL) and their CSV/XLSX exports. */
@Module({
  controllers: [DashboardsController],
  providers: [DashboardsRepository, DashboardsService, DashboardsResolver],
})
export class DashboardsModule {}
