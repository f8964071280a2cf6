import { Module } from "@nestjs/common";

import { TerritoriesModule } from "../territories/territories.module.js";
import { UsersRepository } from "../users/users.repository.js";
import { ProjectsRepository } from "./projects.repository.js";
import { ProjectsResolver } from "./projects.resolver.js";
import { ProjectsService } from "./projects.service.js";

@Module({
  imports: [TerritoriesModule],
  providers: [ProjectsRepository, ProjectsService, ProjectsResolver, UsersRepository],
  exports: [ProjectsService],
})
export class ProjectsModule {}
