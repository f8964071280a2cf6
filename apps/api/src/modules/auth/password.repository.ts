import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

type Tx = Parameters<Parameters<PrismaService["client"]["$transaction"]>[0]>[0];

export type PasswordUser = { id: string; email: string; displayName: string; passwordHash: string; federationId: string; disabledAt: Date | null };

/** Password changes and single-use password tokens (only their SHA-256 is stored). */
@Injectable()
export class PasswordRepository {
  constructor(private readonly prisma: PrismaService) {}

  get client(): PrismaService["client"] {
    return this.prisma.client;
  }

  findUser(where: { id: string } | { email: string }, db: Tx | PrismaService["client"] = this.prisma.client): Promise<PasswordUser | null> {
    return db.user.findUnique({ where, select: { id: true, email: true, displayName: true, passwordHash: true, federationId: true, disabledAt: true } });
  }

  async createToken(input: { userId: string; tokenHash: string; purpose: "RESET"; expiresAt: Date }): Promise<void> {
    await this.prisma.client.passwordToken.create({ data: input });
  }

  /** Marks a live token used, in the caller's transaction, and answers its user; null when unknown, used or expired. */
  async consumeToken(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordToken" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "userId"::text AS "userId"`;
    return rows[0]?.userId ?? null;
  }

  /** Sets the hash and revokes the user's sessions (all, or all but `keepSessionId`) and unused reset tokens. */
  async setPassword(tx: Tx, userId: string, passwordHash: string, now: Date, keepSessionId: string | null): Promise<number> {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) }, data: { revokedAt: now } });
    return revoked.count;
  }
}
