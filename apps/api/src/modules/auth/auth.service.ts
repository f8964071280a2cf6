import { Inject, Injectable } from "@nestjs/common";
import type { FastifyReply } from "fastify";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { tooManyRequests, unauthenticated } from "../../common/errors.js";
import { AuditService } from "../audit/audit.service.js";
import { UsersRepository } from "../users/users.repository.js";
import { accountThrottleKey, LoginThrottleRepository, throttleRules } from "./login-throttle.repository.js";
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
   * (message, code and cost). Every attempt is counted on the account and on the client address before the password
   * is checked; past the limits, attempts wait a growing delay (LoginThrottleRepository).
   */
  async login(input: { email: string; password: string }, client: { ip: string; userAgent: string | null; reply: FastifyReply }): Promise<string> {
    const email = input.email.trim().toLowerCase();
    const accountKey = accountThrottleKey(email);
    const addressKey = `address:${client.ip}`;
    const now = new Date();

    const rules = throttleRules(this.config);
    // The account first: an attempt it holds does not count against the address (one account hammered from one
    // address is held by the account; many accounts tried from one address, by the address).
    const held = (await this.throttle.attempt(accountKey, rules.account, now)) ?? (await this.throttle.attempt(addressKey, rules.address, now));
    if (held) {
      const seconds = Math.max(1, Math.ceil((held.getTime() - now.getTime()) / 1000));
      throw tooManyRequests("Trop de tentatives de connexion. Réessayez dans quelques minutes.", seconds);
    }

    const user = await this.users.findCredentialsByEmail(email);
    const isValid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await burnVerification(input.password);
    // The failure was counted before the check.
    if (!user || !isValid) throw unauthenticated(WRONG_CREDENTIALS);
    await this.throttle.clear(accountKey);
    await this.throttle.release(addressKey);
    await this.sessions.start(client.reply, user.id, client.userAgent);
    await this.audit.record({ federationId: user.federationId, actorId: user.id, action: "auth.login", targetType: "User", targetId: user.id });
    return user.id;
  }
}
