import { Module } from "@nestjs/common";
import { createHighsLpSolver } from "@maillage/lp";

import { ResearchController } from "./research.controller.js";
import { ResearchKeys } from "./research.keys.js";
import { ResearchRepository } from "./research.repository.js";
import { ResearchResolver } from "./research.resolver.js";
import { LP_SOLVER, ResearchService, type LpSolverLoader } from "./research.service.js";

/** HiGHS (WebAssembly, ~0.1 s to load) is loaded once, when the first answer needs it. */
function lazySolver(): LpSolverLoader {
  let solver: ReturnType<typeof createHighsLpSolver> | undefined;
  return () =>
    (solver ??= createHighsLpSolver().catch((error: unknown) => {
      solver = undefined; // the next answer tries again
      throw error;
    }));
}

/** Research access: anonymised aggregates with disclosure control, the query log, exports (issue "Research access"). */
@Module({
  controllers: [ResearchController],
  providers: [ResearchRepository, ResearchKeys, ResearchService, ResearchResolver, { provide: LP_SOLVER, useFactory: lazySolver }],
})
export class ResearchModule {}
