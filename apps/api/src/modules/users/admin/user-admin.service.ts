import { randomBytes } from "node:crypto";

import { Inject, Injectable, Logger } from "@nestjs/common";
import { can, ROLES, type Actor, type Role } from "@maillage/domain";

import { APP_CONFIG } from "../../../config/config.module.js";
import type { AppConfig } from "../../../config/config.js";
import { badUserInput, forbidden, notFound } from "../../../common/errors.js";
import { isUuid } from "../../../common/ids.js";
import { AuditService } from "../../audit/audit.service.js";
import { hashToken } from "../../auth/session.service.js";
import { escapeHtml } from "../../notifications/html.js";
import { MailerService } from "../../notifications/mailer.service.js";
import { INVITED_PASSWORD_HASH, UserAdminRepository, type ManagedUserRow, type UsersFilter } from "./user-admin.repository.js";

/** An invitation link is valid seven days (issue "Going live", item 2). */
export const INVITATION_VALIDITY_MS = 7 * 86_400_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export type InvitationResult = { user: ManagedUserRow; emailSent: boolean; invitationLink: string | null };

/** The link an invited person opens to choose their password (the portal's set-password page). */
export const invitationLink = (publicUrl: string, token: string): string => `${publicUrl}/reinitialiser-mot-de-passe?jeton=${encodeURIComponent(token)}&invitation=1`;

/** Creates a single-use set-password token for a user (SHA-256 stored), voiding the previous ones. */
export async function createSetPasswordToken(client: UserAdminRepository["client"], userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await client.$transaction([
    client.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    client.passwordToken.create({ data: { userId, tokenHash: hashToken(token), purpose: "SET", expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_MS) } }),
  ]);
  return token;
}

/**
 * A federation's people, managed by its admins (issue "Going live", item 2): invitations by e-mail (a single-use link
 * valid seven days; shown to the admin when e-mail is off), resend, revoke, deactivation (every session and API token
 * stops at once) and reactivation. Every action is audited with before and after; another federation's users are
 * NOT_FOUND.
 */
@Injectable()
export class UserAdminService {
  private readonly logger = new Logger("Users");

  constructor(
    private readonly repository: UserAdminRepository,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(actor: Actor, filter: UsersFilter): Promise<ManagedUserRow[]> {
    this.assertManager(actor);
    return this.repository.list(actor.federationId, filter);
  }

  async invite(actor: Actor, input: { email: string; displayName: string; role: Role; mspProjectId?: string | null }, now = new Date()): Promise<InvitationResult> {
    this.assertManager(actor);
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const problems: { field: string; code: string; message: string }[] = [];
    if (!EMAIL.test(email) || email.length > 254) problems.push({ field: "email", code: "USER.EMAIL_INVALID", message: "Adresse e-mail invalide." });
    if (displayName.length < 2 || displayName.length > 120) problems.push({ field: "displayName", code: "USER.NAME_INVALID", message: "Indiquez le nom de la personne (2 à 120 caractères)." });
    if (!(ROLES as readonly string[]).includes(input.role)) problems.push({ field: "role", code: "USER.ROLE_INVALID", message: "Rôle inconnu." });
    let project: { id: string; name: string } | null = null;
    if (input.role === "MSP_MEMBER") {
      if (!input.mspProjectId || !isUuid(input.mspProjectId)) problems.push({ field: "mspProjectId", code: "USER.PROJECT_REQUIRED", message: "Choisissez la MSP de ce membre." });
      else {
        project = await this.repository.projectOfFederation(input.mspProjectId, actor.federationId);
        if (!project) problems.push({ field: "mspProjectId", code: "USER.PROJECT_UNKNOWN", message: "Cette MSP n'existe pas dans votre fédération." });
      }
    } else if (input.mspProjectId) {
      problems.push({ field: "mspProjectId", code: "USER.PROJECT_NOT_EXPECTED", message: "Seul un membre d'une MSP est rattaché à une MSP." });
    }
    if (problems.length === 0 && (await this.repository.emailTaken(email))) {
      problems.push({ field: "email", code: "USER.EMAIL_TAKEN", message: "Un compte existe déjà avec cette adresse e-mail." });
    }
    if (problems.length > 0) throw badUserInput(problems);
    const client = this.repository.client;
    const created = await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, displayName, role: input.role, federationId: actor.federationId, mspProjectId: project?.id ?? null, passwordHash: INVITED_PASSWORD_HASH },
        select: { id: true },
      });
      await this.audit.record(
        { federationId: actor.federationId, actorId: actor.userId, action: "user.invite", targetType: "User", targetId: user.id, summary: { after: { email, displayName, role: input.role, mspProjectId: project?.id ?? null } } },
        tx,
      );
      return user;
    });
    return this.sendInvitation(actor, created.id, now);
  }

  async resend(actor: Actor, userId: string, now = new Date()): Promise<InvitationResult> {
    const user = await this.ownUser(actor, userId);
    if (!user.invited || user.disabledAt) throw badUserInput([{ field: "userId", code: "USER.NOT_INVITED", message: "Cette personne a déjà activé son compte (ou l'invitation a été retirée)." }]);
    await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "user.invitation_resend", targetType: "User", targetId: user.id });
    return this.sendInvitation(actor, user.id, now);
  }

  /** Withdraws a pending invitation: the account is deactivated and its link stops working. */
  async revokeInvitation(actor: Actor, userId: string, now = new Date()): Promise<ManagedUserRow> {
    const user = await this.ownUser(actor, userId);
    if (!user.invited) throw badUserInput([{ field: "userId", code: "USER.NOT_INVITED", message: "Cette personne a déjà activé son compte : désactivez-le plutôt." }]);
    return this.setDisabled(actor, user, now, "user.invitation_revoke");
  }

  async deactivate(actor: Actor, userId: string, now = new Date()): Promise<ManagedUserRow> {
    const user = await this.ownUser(actor, userId);
    if (user.id === actor.userId) throw badUserInput([{ field: "userId", code: "USER.SELF", message: "Vous ne pouvez pas désactiver votre propre compte." }]);
    if (user.disabledAt) return user;
    return this.setDisabled(actor, user, now, "user.deactivate");
  }

  async reactivate(actor: Actor, userId: string): Promise<ManagedUserRow> {
    const user = await this.ownUser(actor, userId);
    if (!user.disabledAt) return user;
    const client = this.repository.client;
    return client.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } });
      await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "user.reactivate", targetType: "User", targetId: user.id, summary: { before: { disabledAt: user.disabledAt }, after: { disabledAt: null } } }, tx);
      return (await this.repository.find(user.id, tx)) as ManagedUserRow;
    });
  }

  /**
   * Hands every project a departing chargé·e follows to a colleague of the same federation, in one step (one
   * transaction, one audit event listing the projects).
   */
  async reassignPortfolio(actor: Actor, fromUserId: string, toUserId: string): Promise<{ moved: number }> {
    const from = await this.ownUser(actor, fromUserId);
    const to = await this.ownUser(actor, toUserId);
    if (from.id === to.id) throw badUserInput([{ field: "toUserId", code: "USER.SAME", message: "Choisissez une autre personne que celle qui part." }]);
    if (to.disabledAt || to.invited || (to.role !== "CHARGE_DEVELOPPEMENT" && to.role !== "FEDERATION_ADMIN")) {
      throw badUserInput([{ field: "toUserId", code: "USER.NOT_STAFF", message: "Le portefeuille ne peut être confié qu'à un·e chargé·e ou un·e administrateur·rice actif·ve." }]);
    }
    const client = this.repository.client;
    return client.$transaction(async (tx) => {
      const projects = await tx.mspProject.findMany({ where: { federationId: actor.federationId, chargeId: from.id }, select: { id: true } });
      await tx.mspProject.updateMany({ where: { id: { in: projects.map((p) => p.id) } }, data: { chargeId: to.id } });
      await this.audit.record(
        { federationId: actor.federationId, actorId: actor.userId, action: "user.portfolio_reassign", targetType: "User", targetId: from.id, summary: { before: { chargeId: from.id }, after: { chargeId: to.id }, projects: projects.map((p) => p.id) } },
        tx,
      );
      return { moved: projects.length };
    });
  }

  /** Changes someone's role (and their MSP for an MSP member); an admin cannot change their own role. */
  async changeRole(actor: Actor, userId: string, role: Role, mspProjectId: string | null): Promise<ManagedUserRow> {
    const user = await this.ownUser(actor, userId);
    if (user.id === actor.userId) throw badUserInput([{ field: "userId", code: "USER.SELF", message: "Vous ne pouvez pas changer votre propre rôle." }]);
    if (!(ROLES as readonly string[]).includes(role)) throw badUserInput([{ field: "role", code: "USER.ROLE_INVALID", message: "Rôle inconnu." }]);
    let projectId: string | null = null;
    if (role === "MSP_MEMBER") {
      const project = mspProjectId && isUuid(mspProjectId) ? await this.repository.projectOfFederation(mspProjectId, actor.federationId) : null;
      if (!project) throw badUserInput([{ field: "mspProjectId", code: "USER.PROJECT_REQUIRED", message: "Choisissez une MSP de votre fédération pour ce membre." }]);
      projectId = project.id;
    } else if (mspProjectId) {
      throw badUserInput([{ field: "mspProjectId", code: "USER.PROJECT_NOT_EXPECTED", message: "Seul un membre d'une MSP est rattaché à une MSP." }]);
    }
    const client = this.repository.client;
    return client.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { role, mspProjectId: projectId } });
      // A new role takes effect at once: the person signs in again.
      const sessions = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
      await this.audit.record(
        { federationId: actor.federationId, actorId: actor.userId, action: "user.role_change", targetType: "User", targetId: user.id, summary: { before: { role: user.role, mspProjectId: user.mspProjectId }, after: { role, mspProjectId: projectId }, sessionsRevoked: sessions.count } },
        tx,
      );
      return (await this.repository.find(user.id, tx)) as ManagedUserRow;
    });
  }

  private async setDisabled(actor: Actor, user: ManagedUserRow, now: Date, action: string): Promise<ManagedUserRow> {
    const client = this.repository.client;
    return client.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: now } });
      // Every session and API token stops at once (they are refused already for a disabled user; revoked for the record).
      const sessions = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      const tokens = await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      await tx.passwordToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await this.audit.record(
        { federationId: actor.federationId, actorId: actor.userId, action, targetType: "User", targetId: user.id, summary: { before: { disabledAt: null }, after: { disabledAt: now }, sessionsRevoked: sessions.count, tokensRevoked: tokens.count } },
        tx,
      );
      return (await this.repository.find(user.id, tx)) as ManagedUserRow;
    });
  }

  private async sendInvitation(actor: Actor, userId: string, now: Date): Promise<InvitationResult> {
    const user = (await this.repository.find(userId)) as ManagedUserRow;
    const token = await createSetPasswordToken(this.repository.client, user.id, now);
    const link = invitationLink(this.config.publicUrl, token);
    if (!this.mailer.enabled) {
      this.mailer.noteDisabled("Invitation e-mails");
      return { user, emailSent: false, invitationLink: link };
    }
    const inviter = await this.repository.find(actor.userId);
    try {
      await this.mailer.send({
        to: { name: user.displayName, address: user.email },
        subject: "Invitation à rejoindre Maillage",
        text:
          `Bonjour ${user.displayName},\n\n${inviter?.displayName ?? "L'équipe de votre fédération"} vous invite à rejoindre Maillage, ` +
          `la plateforme de votre fédération de maisons de santé. Pour choisir votre mot de passe et activer votre compte, ouvrez ce lien ` +
          `(valable sept jours, une seule fois) :\n\n${link}\n\nVotre identifiant sera votre adresse e-mail : ${user.email}.\n`,
        html:
          `<p>Bonjour ${escapeHtml(user.displayName)},</p><p>${escapeHtml(inviter?.displayName ?? "L'équipe de votre fédération")} vous invite à rejoindre Maillage, ` +
          `la plateforme de votre fédération de maisons de santé.</p><p><a href="${escapeHtml(link)}">Choisir mon mot de passe et activer mon compte</a> ` +
          `(lien valable sept jours, une seule fois)</p><p>Votre identifiant sera votre adresse e-mail : ${escapeHtml(user.email)}.</p>`,
      });
      return { user, emailSent: true, invitationLink: null };
    } catch (error) {
      // The invitation exists; the admin gets the link to pass on rather than an error.
      this.logger.error({ err: error }, "invitation e-mail failed");
      return { user, emailSent: false, invitationLink: link };
    }
  }

  private assertManager(actor: Actor): void {
    if (!can(actor, "users.manage")) throw forbidden("La gestion des utilisateurs est réservée aux administrateurs de la fédération.");
  }

  private async ownUser(actor: Actor, userId: string): Promise<ManagedUserRow> {
    this.assertManager(actor);
    const user = isUuid(userId) ? await this.repository.find(userId) : null;
    if (!user || user.federationId !== actor.federationId) throw notFound("Utilisateur");
    return user;
  }
}
