import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type AuditEntry = {
  federationId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** The project whose timeline shows the event. */
  projectId?: string | null;
  summary?: Record<string, unknown>;
};

/** A Prisma client or an interactive transaction: audit events are written in the same transaction as the change. */
type AuditWriter = Pick<PrismaService["client"], "auditEvent">;

/** Writes to the append-only audit log (the database refuses UPDATE and DELETE on it). */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry, db: AuditWriter = this.prisma.client): Promise<void> {
    await db.auditEvent.create({
      data: {
        projectId: entry.projectId ?? null,
        federationId: entry.federationId,
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        summary: (entry.summary ?? {}) as object,
      },
    });
  }
}
