import { Module } from "@nestjs/common";
import { createHighsLpSolver } from "@maillage/lp";

import { ResearchController } from "./research.controller.js";
import { ResearchRepository } from "./research.repository.js";
import { ResearchResolver } from "./research.resolver.js";
import { LP_SOLVER, ResearchService } from "./research.service.js";

/** Research access: anonymised aggregates with disclosure control, the query log, exports (issue "Research access"). */
@Module({
  controllers: [ResearchController],
  providers: [ResearchRepository, ResearchService, ResearchResolver, { provide: LP_SOLVER, useFactory: () => createHighsLpSolver() }],
})
export class ResearchModule {}
