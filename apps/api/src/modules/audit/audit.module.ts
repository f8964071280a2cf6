import { Global, Module } from "@nestjs/common";

import { AuditLogController } from "./audit-log.controller.js";
import { AuditLogResolver } from "./audit-log.resolver.js";
import { AuditLogService } from "./audit-log.service.js";
import { AuditRepository } from "./audit.repository.js";
import { AuditService } from "./audit.service.js";

/** The append-only audit log: written by every module (AuditService), read by federation admins (the journal). */
@Global()
@Module({ controllers: [AuditLogController], providers: [AuditService, AuditRepository, AuditLogService, AuditLogResolver], exports: [AuditService] })
export class AuditModule {}
