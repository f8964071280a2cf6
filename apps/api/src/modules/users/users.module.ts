import { Module } from "@nestjs/common";

import { FederationsModule } from "../federations/federations.module.js";
import { ProjectsModule } from "../projects/projects.module.js";
import { UsersRepository } from "./users.repository.js";
import { UsersResolver } from "./users.resolver.js";

@Module({ imports: [FederationsModule, ProjectsModule], providers: [UsersRepository, UsersResolver], exports: [UsersRepository] })
export class UsersModule {}
