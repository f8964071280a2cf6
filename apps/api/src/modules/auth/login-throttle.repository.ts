import { Injectable } from "@nestjs/common";

import { PrismaService } from "../../prisma/prisma.service.js";

export type ThrottleRule = { maxFailures: number; windowMinutes: number; lockMinutes: number };

/** Failed-login counters kept in the database, so that every API instance shares them. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The end of the lock on any of the keys, if one is locked now. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const rows = await this.prisma.client.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
    const ends = rows.map((r) => r.lockedUntil?.getTime() ?? 0);
    return ends.length ? new Date(Math.max(...ends)) : null;
  }

  /** Counts one failure on the key (in a sliding window) and locks it when the rule's maximum is reached. */
  async recordFailure(key: string, rule: ThrottleRule, now: Date): Promise<void> {
    const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
    const lockEnd = new Date(now.getTime() + rule.lockMinutes * 60_000);
    await this.prisma.client.$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${rule.maxFailures} THEN ${lockEnd}::timestamptz ELSE NULL END)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN (CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END) >= ${rule.maxFailures}
          THEN ${lockEnd}::timestamptz ELSE "LoginThrottle"."lockedUntil" END`;
  }

  async clear(key: string): Promise<void> {
    await this.prisma.client.loginThrottle.deleteMany({ where: { key } });
  }
}
