import { randomBytes } from "node:crypto";

import { Inject, Injectable, Logger } from "@nestjs/common";
import type { Actor } from "@maillage/domain";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { badUserInput, forbidden, tooManyRequests } from "../../common/errors.js";
import { AuditService } from "../audit/audit.service.js";
import { escapeHtml } from "../notifications/html.js";
import { MailerService } from "../notifications/mailer.service.js";
import { accountThrottleKey, LoginThrottleRepository, throttleRules } from "./login-throttle.repository.js";
import { hashPassword, verifyPassword } from "./password.js";
import { passwordProblems } from "./password-policy.js";
import { PasswordRepository } from "./password.repository.js";
import { hashToken } from "./session.service.js";

/** A reset link is valid one hour (issue "Going live", item 3). */
const RESET_VALIDITY_MS = 60 * 60 * 1000;
const RESET_RULES = {
  /** Per e-mail: three links per quarter of an hour, the next ones silently not sent (the answer never changes). */
  account: { maxFailures: 3, windowMinutes: 15, lockMinutes: 15 },
  /** Per client address: beyond, TOO_MANY_REQUESTS (whatever the e-mails asked for). */
  address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
};


/**
 * Passwords: the user's own change (current password required, other sessions revoked) and « Mot de passe oublié »
 * (a single-use link by e-mail, valid one hour; the same answer whether the e-mail exists or not; rate-limited).
 * New passwords follow the policy of password-policy.ts. No password, token or link is ever logged.
 */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger("Passwords");

  constructor(
    private readonly passwords: PasswordRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async changePassword(actor: Actor, session: { sessionId: string | null; apiTokenId: string | null }, input: { currentPassword: string; newPassword: string }): Promise<void> {
    if (!session.sessionId || session.apiTokenId) throw forbidden("Changez votre mot de passe depuis le portail (pas avec un jeton d'API).");
    const user = await this.passwords.findUser({ id: actor.userId });
    if (!user) throw forbidden();
    const now = new Date();
    // The current password is a password guess like a login's: counted on the same account key before the check.
    const held = await this.throttle.attempt(accountThrottleKey(user.email), throttleRules(this.config).account, now);
    if (held) throw tooManyRequests("Trop de tentatives. Réessayez dans quelques minutes.", Math.max(1, Math.ceil((held.getTime() - now.getTime()) / 1000)));
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badUserInput([{ field: "currentPassword", code: "AUTH.CURRENT_PASSWORD_WRONG", message: "Le mot de passe actuel est incorrect." }]);
    }
    await this.throttle.clear(accountThrottleKey(user.email));
    const problems = passwordProblems(input.newPassword, user);
    if (input.newPassword === input.currentPassword) problems.push({ field: "newPassword", code: "PASSWORD.UNCHANGED", message: "Choisissez un mot de passe différent de l'actuel." });
    if (problems.length > 0) throw badUserInput(problems);
    const passwordHash = await hashPassword(input.newPassword);
    await this.passwords.client.$transaction(async (tx) => {
      const revoked = await this.passwords.setPassword(tx, user.id, passwordHash, now, session.sessionId);
      await this.audit.record({ federationId: user.federationId, actorId: user.id, action: "auth.password_change", targetType: "User", targetId: user.id, summary: { otherSessionsRevoked: revoked } }, tx);
    });
  }

  /** Always answers the same way; sends the link in the background when the account exists and is active. */
  async requestReset(emailInput: string, ip: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const now = new Date();
    const addressHeld = await this.throttle.attempt(`reset:address:${ip}`, RESET_RULES.address, now);
    if (addressHeld) throw tooManyRequests("Trop de demandes. Réessayez dans quelques minutes.", Math.max(1, Math.ceil((addressHeld.getTime() - now.getTime()) / 1000)));
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) return;
    const accountHeld = await this.throttle.attempt(`reset:${accountThrottleKey(email)}`, RESET_RULES.account, now);
    if (accountHeld) return;
    // Not awaited: the answer takes the same time whether the account exists (token, e-mail) or not.
    void this.sendReset(email, now).catch((error: unknown) => this.logger.error({ err: error }, "password reset e-mail failed"));
  }

  private async sendReset(email: string, now: Date): Promise<void> {
    const user = await this.passwords.findUser({ email });
    if (!user || user.disabledAt) return;
    if (!this.mailer.enabled) {
      this.mailer.noteDisabled("Password reset e-mails");
      return;
    }
    const token = randomBytes(32).toString("base64url");
    await this.passwords.createToken({ userId: user.id, tokenHash: hashToken(token), purpose: "RESET", expiresAt: new Date(now.getTime() + RESET_VALIDITY_MS) });
    const link = `${this.config.publicUrl}/reinitialiser-mot-de-passe?jeton=${encodeURIComponent(token)}`;
    await this.mailer.send({
      to: { name: user.displayName, address: user.email },
      subject: "Maillage : réinitialiser votre mot de passe",
      text:
        `Bonjour ${user.displayName},\n\nUne réinitialisation du mot de passe de votre compte Maillage a été demandée. ` +
        `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n\n${link}\n\n` +
        `Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.\n`,
      html:
        `<p>Bonjour ${escapeHtml(user.displayName)},</p><p>Une réinitialisation du mot de passe de votre compte Maillage a été demandée. ` +
        `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :</p>` +
        `<p><a href="${escapeHtml(link)}">Choisir un nouveau mot de passe</a></p>` +
        `<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.</p>`,
    });
    await this.audit.record({ federationId: user.federationId, actorId: null, action: "auth.password_reset_requested", targetType: "User", targetId: user.id });
  }

  /**
   * Sets a new password from a reset link: the token is used once (even by two requests at the same moment), every
   * session of the user ends, and the login wait of the account is lifted (the e-mail proves the owner).
   */
  async resetPassword(input: { token: string; newPassword: string }): Promise<void> {
    const now = new Date();
    const invalid = () => badUserInput([{ field: "token", code: "PASSWORD_RESET.TOKEN_INVALID", message: "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau." }]);
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) throw invalid();
    // Hashing is slow: done before the transaction, on the only password the policy will accept.
    const peek = await this.passwords.client.passwordToken.findFirst({ where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: now } }, select: { userId: true } });
    const user = peek ? await this.passwords.findUser({ id: peek.userId }) : null;
    if (!user || user.disabledAt) throw invalid();
    const problems = passwordProblems(input.newPassword, user);
    if (problems.length > 0) throw badUserInput(problems);
    const passwordHash = await hashPassword(input.newPassword);
    await this.passwords.client.$transaction(async (tx) => {
      const userId = await this.passwords.consumeToken(tx, hashToken(input.token), now);
      if (userId !== user.id) throw invalid();
      const revoked = await this.passwords.setPassword(tx, user.id, passwordHash, now, null);
      await this.audit.record({ federationId: user.federationId, actorId: user.id, action: "auth.password_reset", targetType: "User", targetId: user.id, summary: { sessionsRevoked: revoked } }, tx);
    });
    await this.throttle.clear(accountThrottleKey(user.email));
  }
}
