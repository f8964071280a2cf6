import { Module } from "@nestjs/common";

import { FederationsModule } from "../federations/federations.module.js";
import { NotificationsModule } from "../notifications/notifications.module.js";
import { ProjectsModule } from "../projects/projects.module.js";
import { UserAdminRepository } from "./admin/user-admin.repository.js";
import { UserAdminResolver } from "./admin/user-admin.resolver.js";
import { UserAdminService } from "./admin/user-admin.service.js";
import { UsersRepository } from "./users.repository.js";
import { UsersResolver } from "./users.resolver.js";

@Module({
  imports: [FederationsModule, ProjectsModule, NotificationsModule],
  providers: [UsersRepository, UsersResolver, UserAdminRepository, UserAdminService, UserAdminResolver],
  exports: [UsersRepository],
})
export class UsersModule {}
