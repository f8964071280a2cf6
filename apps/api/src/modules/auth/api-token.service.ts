import { randomBytes } from "node:crypto";

import { Injectable } from "@nestjs/common";
import type { Actor } from "@maillage/domain";

import { badUserInput, forbidden, notFound } from "../../common/errors.js";
import { isUuid } from "../../common/ids.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { AuditService } from "../audit/audit.service.js";
import { API_TOKEN_ROW, ApiTokenRepository, type ApiTokenRow } from "./api-token.repository.js";
import { TOKEN_SCOPES, type TokenScope } from "./token-scopes.js";
import { hashToken } from "./session.service.js";

/** Every token starts with this, so that secret scanners and people recognise it. */
export const API_TOKEN_PREFIX = "mlg_";
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_DEFAULT_DAYS = 90;
/** Live tokens per user: enough for a few scripts, few enough to review. */
export const API_TOKEN_MAX_ACTIVE = 10;

/**
 * Personal API tokens for scripts: `Authorization: Bearer mlg_…` on /graphql and the REST routes. The token is
 * returned once; the database keeps its SHA-256 (like sessions). Tokens expire (at most a year), can be revoked, and
 * cannot create other tokens; creation, revocation and every use are audited.
 */
@Injectable()
export class ApiTokenService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: ApiTokenRepository,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<ApiTokenRow[]> {
    return this.tokens.list(actor.userId);
  }

  async create(actor: Actor, input: { name: string; expiresInDays?: number | null; scopes?: string[] | null }, viaToken: boolean, now = new Date()): Promise<{ token: string; apiToken: ApiTokenRow }> {
    if (viaToken) throw forbidden("Un jeton d'API ne peut pas créer d'autre jeton : connectez-vous au portail.");
    const name = input.name.trim();
    if (!name) throw badUserInput([{ field: "name", code: "TOKEN.NAME_REQUIRED", message: "Donnez un nom au jeton (par exemple le nom du script)." }]);
    const days = input.expiresInDays ?? API_TOKEN_DEFAULT_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
      throw badUserInput([{ field: "expiresInDays", code: "TOKEN.EXPIRY_INVALID", message: `La durée de validité va de 1 à ${API_TOKEN_MAX_DAYS} jours.` }]);
    }
    const scopes = [...new Set(input.scopes && input.scopes.length > 0 ? input.scopes : ["research:read"])].sort();
    if (!scopes.every((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s))) {
      throw badUserInput([{ field: "scopes", code: "TOKEN.SCOPE_UNKNOWN", message: "Portée inconnue : lecture de l'espace recherche, lecture ou modifications." }]);
    }
    if ((await this.tokens.countActive(actor.userId, now)) >= API_TOKEN_MAX_ACTIVE) {
      throw badUserInput([{ field: "name", code: "TOKEN.TOO_MANY", message: `Vous avez déjà ${API_TOKEN_MAX_ACTIVE} jetons actifs : révoquez-en un d'abord.` }]);
    }
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    return this.prisma.client.$transaction(async (tx) => {
      const row = await tx.apiToken.create({
        data: { userId: actor.userId, name, tokenHash: hashToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), expiresAt, scopes },
        select: API_TOKEN_ROW,
      });
      await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "token.create", targetType: "ApiToken", targetId: row.id, summary: { name, expiresAt: expiresAt.toISOString(), scopes } }, tx);
      return { token, apiToken: row };
    });
  }

  async revoke(actor: Actor, id: string, now = new Date()): Promise<ApiTokenRow> {
    if (!isUuid(id)) throw notFound("Jeton");
    return this.prisma.client.$transaction(async (tx) => {
      const found = await tx.apiToken.findFirst({ where: { id, userId: actor.userId }, select: { id: true, name: true, revokedAt: true } });
      if (!found) throw notFound("Jeton");
      const row = await tx.apiToken.update({
        where: { id },
        data: { revokedAt: found.revokedAt ?? now },
        select: API_TOKEN_ROW,
      });
      if (!found.revokedAt) {
        await this.audit.record({ federationId: actor.federationId, actorId: actor.userId, action: "token.revoke", targetType: "ApiToken", targetId: id, summary: { name: found.name } }, tx);
      }
      return row;
    });
  }
}
