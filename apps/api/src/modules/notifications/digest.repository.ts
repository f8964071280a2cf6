import { Injectable } from "@nestjs/common";
import { ALERT_KIND_LABELS } from "@maillage/domain";

import { PrismaService } from "../../prisma/prisma.service.js";
import type { DigestAlert, DigestStaff } from "./digest.format.js";

export const DIGEST_SENT = "digest.sent";

@Injectable()
export class DigestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every open alert (or one federation's), with what routing needs of its project. */
  async openAlerts(federationId?: string): Promise<DigestAlert[]> {
    const rows = await this.prisma.client.alert.findMany({
      relationLoadStrategy: "join",
      where: { resolvedAt: null, ...(federationId ? { federationId } : {}) },
      select: { id: true, kind: true, dueAt: true, message: true, project: { select: { id: true, name: true, federationId: true, chargeId: true } } },
    });
    return rows.map(({ kind, ...a }) => ({ ...a, kindLabel: ALERT_KIND_LABELS[kind] }));
  }

  /** Active federation staff: the people who may receive digests. */
  staff(federationId?: string): Promise<DigestStaff[]> {
    return this.prisma.client.user.findMany({
      where: { role: { in: ["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT"] }, disabledAt: null, ...(federationId ? { federationId } : {}) },
      select: { id: true, email: true, displayName: true, role: true, federationId: true },
    }) as Promise<DigestStaff[]>;
  }

  /** The users among `userIds` who were already sent a digest in [from, to). */
  async alreadySent(userIds: readonly string[], from: Date, to: Date): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await this.prisma.client.auditEvent.findMany({
      where: { action: DIGEST_SENT, targetType: "User", targetId: { in: [...userIds] }, createdAt: { gte: from, lt: to } },
      select: { targetId: true },
    });
    return new Set(rows.flatMap((r) => (r.targetId ? [r.targetId] : [])));
  }
}
