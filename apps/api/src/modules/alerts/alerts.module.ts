import { Module } from "@nestjs/common";

import { NotificationsModule } from "../notifications/notifications.module.js";
import { AlertsRepository } from "./alerts.repository.js";
import { AlertsResolver } from "./alerts.resolver.js";
import { AlertsScheduler } from "./alerts.scheduler.js";
import { AlertsService } from "./alerts.service.js";

/** Alerts (stalled projects, reviews waiting, deadlines), computed by a scheduled job; e-mail digests. */
@Module({
  imports: [NotificationsModule],
  providers: [AlertsRepository, AlertsService, AlertsResolver, AlertsScheduler],
  exports: [AlertsService],
})
export class AlertsModule {}
