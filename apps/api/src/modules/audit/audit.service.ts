import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type AuditEntry = {
  federationId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  summary?: Record<string, unknown>;
};

/** Writes to the append-only audit log (the database refuses UPDATE and DELETE on it). */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.client.auditEvent.create({
      data: {
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
