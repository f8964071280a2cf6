import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type AuditFilter = { actorId?: string | null; action?: string | null; from?: Date | null; to?: Date | null };
export type AuditRow = {
  id: bigint;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  projectId: string | null;
  summary: unknown;
  actor: { id: string; displayName: string; email: string } | null;
};

/** Reads one federation's audit log, newest first, by keyset on the id (the log is append-only). */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(federationId: string, filter: AuditFilter, before: bigint | null, take: number): Promise<{ rows: AuditRow[]; totalCount: number }> {
    const where = {
      federationId,
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    };
    const [events, totalCount] = await Promise.all([
      this.prisma.client.auditEvent.findMany({
        where: { ...where, ...(before !== null ? { id: { lt: before } } : {}) },
        orderBy: { id: "desc" },
        take,
        select: { id: true, createdAt: true, action: true, targetType: true, targetId: true, projectId: true, summary: true, actorId: true },
      }),
      this.prisma.client.auditEvent.count({ where }),
    ]);
    const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const actors = actorIds.length ? await this.prisma.client.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true, email: true } }) : [];
    const byId = new Map(actors.map((a) => [a.id, a]));
    return { rows: events.map(({ actorId, ...e }) => ({ ...e, actor: actorId ? (byId.get(actorId) ?? null) : null })), totalCount };
  }
}
