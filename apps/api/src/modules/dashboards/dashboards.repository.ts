import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";
import {
  parseResultsDashboardRow,
  RESULTS_DASHBOARD_SQL,
  resultsDashboardParams,
  type DashboardSqlFilter,
  type ResultsDashboardData,
  type ResultsDashboardSqlRow,
} from "./dashboards.sql.js";

/** The dashboard's one SQL statement (dashboards.sql.ts), scoped to one federation in its WHERE. */
@Injectable()
export class DashboardsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async resultsDashboard(federationId: string, filter: DashboardSqlFilter): Promise<ResultsDashboardData> {
    const rows = await this.prisma.client.$queryRawUnsafe<ResultsDashboardSqlRow[]>(RESULTS_DASHBOARD_SQL, ...resultsDashboardParams(federationId, filter));
    const row = rows[0];
    if (!row) throw new Error("the results dashboard statement returned no row");
    return parseResultsDashboardRow(row);
  }
}
