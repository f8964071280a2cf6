import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";
import type { SessionUser } from "./session.repository.js";

export type ApiTokenRow = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
export const API_TOKEN_ROW = { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The live token of a hash: not revoked, not expired, its user not disabled. */
  async findActive(tokenHash: string, now: Date): Promise<{ tokenId: string; name: string; scopes: string[]; user: SessionUser["user"] } | null> {
    const t = await this.prisma.client.apiToken.findFirst({
      relationLoadStrategy: "join",
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      select: { id: true, name: true, scopes: true, user: { select: { id: true, role: true, federationId: true, mspProjectId: true } } },
    });
    return t ? { tokenId: t.id, name: t.name, scopes: t.scopes, user: t.user } : null;
  }

  list(userId: string): Promise<ApiTokenRow[]> {
    return this.prisma.client.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: API_TOKEN_ROW, take: 100 });
  }

  countActive(userId: string, now: Date): Promise<number> {
    return this.prisma.client.apiToken.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
  }
}
