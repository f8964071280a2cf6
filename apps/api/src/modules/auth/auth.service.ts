import { createHash } from "node:crypto";

import { Inject, Injectable } from "@nestjs/common";
import type { FastifyReply } from "fastify";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { tooManyRequests, unauthenticated } from "../../common/errors.js";
import { AuditService } from "../audit/audit.service.js";
import { UsersRepository } from "../users/users.repository.js";
import { LoginThrottleRepository } from "./login-throttle.repository.js";
import { burnVerification, verifyPassword } from "./password.js";
import { SessionService } from "./session.service.js";

const WRONG_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in with e-mail and password. The answer to a wrong password and to an unknown e-mail is the same
   * (message, code and cost); repeated failures lock the account key and the client address for a while.
   */
  async login(input: { email: string; password: string }, client: { ip: string; userAgent: string | null; reply: FastifyReply }): Promise<string> {
    const email = input.email.trim().toLowerCase();
    const accountKey = `account:${createHash("sha256").update(email).digest("hex")}`;
    const addressKey = `address:${client.ip}`;
    const now = new Date();
    const { loginThrottle: t } = this.config;

    const lockedUntil = await this.throttle.lockedUntil([accountKey, addressKey], now);
    if (lockedUntil) {
      const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
      throw tooManyRequests("Trop de tentatives de connexion. Réessayez dans quelques minutes.", seconds);
    }

    const user = await this.users.findCredentialsByEmail(email);
    const isValid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await burnVerification(input.password);
    if (!user || !isValid) {
      await this.throttle.recordFailure(accountKey, { maxFailures: t.maxFailuresPerAccount, windowMinutes: t.windowMinutes, lockMinutes: t.lockMinutes }, now);
      await this.throttle.recordFailure(addressKey, { maxFailures: t.maxFailuresPerAddress, windowMinutes: t.windowMinutes, lockMinutes: t.lockMinutes }, now);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    await this.throttle.clear(accountKey);
    await this.sessions.start(client.reply, user.id, client.userAgent);
    await this.audit.record({ federationId: user.federationId, actorId: user.id, action: "auth.login", targetType: "User", targetId: user.id });
    return user.id;
  }
}
