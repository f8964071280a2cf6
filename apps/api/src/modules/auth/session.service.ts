import { createHash, randomBytes } from "node:crypto";

import { Inject, Injectable } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { forbidden } from "../../common/errors.js";
import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { PrismaService } from "../../prisma/prisma.service.js";
import { ApiTokenRepository } from "./api-token.repository.js";
import { SessionRepository } from "./session.repository.js";
import { SCOPE_LABELS, scopesAllow, type TokenScope } from "./token-scopes.js";

export const SESSION_COOKIE = "maillage_session";
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Server-side sessions (revocable): the httpOnly cookie carries a random token, the database only its
 * SHA-256, so a database leak does not leak live sessions.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly apiTokens: ApiTokenRepository,
    private readonly prismaService: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(reply: FastifyReply, userId: string, userAgent: string | null): Promise<void> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessions.create({ tokenHash: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: this.config.cookieSecure,
      path: "/",
      expires: expiresAt,
    });
  }

  /**
   * The actor of a request: a personal API token (`Authorization: Bearer mlg_…`, for scripts) when the header is
   * present — a bad token is not silently replaced by the cookie — else the session cookie.
   */
  async resolve(req: FastifyRequest, need?: TokenScope): Promise<{ actor: Actor; sessionId: string | null; apiTokenId?: string; scopes?: string[] } | null> {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const resolved = await this.resolveApiToken(req, authorization);
      if (resolved && need) assertTokenScope(resolved.scopes, need);
      return resolved;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 200) return null;
    const now = new Date();
    const found = await this.sessions.findActive(hashToken(token), now);
    if (!found) return null;
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(found.sessionId, now);
    const { user } = found;
    return {
      sessionId: found.sessionId,
      actor: { userId: user.id, role: user.role, federationId: user.federationId, mspProjectId: user.mspProjectId },
    };
  }

  /** Every use of a token is audited (who, which token, which route) and dates the token's last use. */
  private async resolveApiToken(req: FastifyRequest, authorization: string): Promise<{ actor: Actor; sessionId: null; apiTokenId: string; scopes: string[] } | null> {
    const m = /^Bearer\s+(\S{10,200})$/i.exec(authorization.trim());
    if (!m?.[1]) return null;
    const now = new Date();
    const found = await this.apiTokens.findActive(hashToken(m[1]), now);
    if (!found) return null;
    const { user } = found;
    await this.prisma.$transaction([
      this.prisma.apiToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: now } }),
      this.prisma.auditEvent.create({
        data: {
          federationId: user.federationId,
          actorId: user.id,
          action: "token.use",
          targetType: "ApiToken",
          targetId: found.tokenId,
          summary: { name: found.name, method: req.method, path: req.url.split("?")[0] ?? "" },
        },
      }),
    ]);
    return {
      sessionId: null,
      apiTokenId: found.tokenId,
      scopes: found.scopes,
      actor: { userId: user.id, role: user.role, federationId: user.federationId, mspProjectId: user.mspProjectId },
    };
  }

  private get prisma() {
    return this.prismaService.client;
  }

  /** The user's open sessions (not revoked, not expired), the most recently used first. */
  listOpen(userId: string, now: Date) {
    return this.prismaService.client.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
    });
  }

  /** Revokes one of the user's own open sessions; false when it is not theirs (or unknown). */
  async revokeOwn(userId: string, sessionId: string, now: Date): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
    const r = await this.prismaService.client.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
    return r.count === 1;
  }

  async end(reply: FastifyReply, sessionId: string | null | undefined): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId, new Date());
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
  }
}

/** Refuses (FORBIDDEN, in French) a token whose scopes do not allow `need` (token-scopes.ts). */
export function assertTokenScope(scopes: readonly string[], need: TokenScope): void {
  if (!scopesAllow(scopes, need)) {
    throw forbidden(`Ce jeton d'API ne permet pas cette opération (il faut la portée « ${SCOPE_LABELS[need]} ») : créez un jeton avec cette portée dans le portail.`);
  }
}

