import { Module } from "@nestjs/common";

import { FilesModule } from "../files/files.module.js";
import { ProjectsModule } from "../projects/projects.module.js";
import { PipelineRepository } from "./pipeline.repository.js";
import { PipelineResolver } from "./pipeline.resolver.js";
import { PipelineService } from "./pipeline.service.js";
import { ProjectPipelineResolver } from "./project-pipeline.resolver.js";

/** Stages and gates, milestones and reviews, team, timeline, board (DOMAIN.md §2). */
@Module({
  imports: [ProjectsModule, FilesModule],
  providers: [PipelineRepository, PipelineService, PipelineResolver, ProjectPipelineResolver],
  exports: [PipelineService],
})
export class PipelineModule {}
