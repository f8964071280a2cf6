import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type SessionUser = {
  sessionId: string;
  lastSeenAt: Date;
  user: { id: string; role: "FEDERATION_ADMIN" | "CHARGE_DEVELOPPEMENT" | "MSP_MEMBER" | "RESEARCHER"; federationId: string; mspProjectId: string | null };
};

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(input: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string | null }): Promise<string> {
    const s = await this.prisma.client.session.create({ data: input, select: { id: true } });
    return s.id;
  }

  /** The live session of a token hash: not revoked, not expired, user not disabled. */
  async findActive(tokenHash: string, now: Date): Promise<SessionUser | null> {
    const s = await this.prisma.client.session.findFirst({
      relationLoadStrategy: "join",
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      select: {
        id: true,
        lastSeenAt: true,
        user: { select: { id: true, role: true, federationId: true, mspProjectId: true } },
      },
    });
    return s ? { sessionId: s.id, lastSeenAt: s.lastSeenAt, user: s.user } : null;
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.prisma.client.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.prisma.client.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  }
}
