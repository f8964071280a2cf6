import { createHash } from "node:crypto";

import { Injectable } from "@nestjs/common";

import type { AppConfig } from "../../config/config.js";
import { PrismaService } from "../../prisma/prisma.service.js";

export type ThrottleRule = { maxFailures: number; windowMinutes: number; lockMinutes: number };

/** The counter key of an account: a hash of the e-mail, so that unknown e-mails are counted the same way. */
export const accountThrottleKey = (email: string): string => `account:${createHash("sha256").update(email).digest("hex")}`;

/** The configured rules for one account and for one client address. */
export const throttleRules = ({ loginThrottle: t }: Pick<AppConfig, "loginThrottle">): { account: ThrottleRule; address: ThrottleRule } => ({
  account: { maxFailures: t.maxFailuresPerAccount, windowMinutes: t.windowMinutes, lockMinutes: t.lockMinutes },
  address: { maxFailures: t.maxFailuresPerAddress, windowMinutes: t.windowMinutes, lockMinutes: t.lockMinutes },
});

/**
 * Login attempts counted in the database, so that every API instance shares them. An attempt is counted
 * atomically BEFORE the password is checked (one statement per key), so parallel requests cannot all reach the
 * check: from the rule's maximum within the window, each checked attempt makes the next one wait, 30 s, then 1
 * min, 2 min… up to `lockMinutes`; an attempt during the wait is refused without looking at the password and
 * changes nothing. Someone who knows a user's e-mail slows them down rather than locking them out for good.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Counts one attempt on the key and answers when it may proceed: `null` if it may be checked now, else the time
   * until which the key is held.
   */
  async attempt(key: string, rule: ThrottleRule, now: Date): Promise<Date | null> {
    const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
    // Inside ON CONFLICT DO UPDATE, "LoginThrottle".* is the latest committed row, locked: parallel attempts on one
    // key are counted one after the other. An attempt inside an active hold changes nothing and waits.
    const rows = await this.prisma.client.$queryRaw<{ held: boolean; lockedUntil: Date | null }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil", "held")
      VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${rule.maxFailures} THEN ${now}::timestamptz + make_interval(secs => 30) END, false)
      ON CONFLICT ("key") DO UPDATE SET
        "held" = "LoginThrottle"."windowStart" >= ${windowStart} AND coalesce("LoginThrottle"."lockedUntil" > ${now}, false),
        "failures" = CASE
          WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1
          WHEN coalesce("LoginThrottle"."lockedUntil" > ${now}, false) THEN "LoginThrottle"."failures"
          ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN CASE WHEN 1 >= ${rule.maxFailures} THEN ${now}::timestamptz + make_interval(secs => 30) END
          WHEN coalesce("LoginThrottle"."lockedUntil" > ${now}, false) THEN "LoginThrottle"."lockedUntil"
          WHEN "LoginThrottle"."failures" + 1 >= ${rule.maxFailures}
            THEN ${now}::timestamptz + make_interval(secs => least(${rule.lockMinutes * 60}::float8, 30 * power(2, least("LoginThrottle"."failures" + 1 - ${rule.maxFailures}, 20))))
          ELSE "LoginThrottle"."lockedUntil" END
      RETURNING "held", "lockedUntil"`;
    const row = rows[0];
    return row?.held ? (row.lockedUntil ?? now) : null;
  }

  /** Takes one attempt back (a successful login does not count against its address). */
  async release(key: string): Promise<void> {
    await this.prisma.client.$executeRaw`UPDATE "LoginThrottle" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = ${key}`;
  }

  async clear(key: string): Promise<void> {
    await this.prisma.client.loginThrottle.deleteMany({ where: { key } });
  }
}
