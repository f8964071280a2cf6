import { Controller, Get, Logger, Req, Res } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { RouteError, sendRouteError } from "../../common/route-errors.js";
import { SPREADSHEET_CONTENT_TYPES, toCsv } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { AuditLogService } from "./audit-log.service.js";

/**
 * `GET /exports/audit.csv?actorId=…&action=…&from=AAAA-MM-JJ&to=AAAA-MM-JJ`: the federation's audit log as CSV for
 * its admins (the same filters as the page; every text cell neutralised against formula injection by toCsv).
 */
@Controller("exports")
export class AuditLogController {
  private readonly logger = new Logger(AuditLogController.name);

  constructor(
    private readonly log: AuditLogService,
    private readonly sessions: SessionService,
  ) {}

  @Get("audit.csv")
  async csv(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const resolved = await this.sessions.resolve(req, "read");
      if (!resolved) throw new RouteError("UNAUTHENTICATED", "Vous devez vous connecter.");
      const q = (req.query ?? {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
      const rows = await this.log.all(resolved.actor as Actor, { actorId: str(q.actorId), action: str(q.action), from: str(q.from), to: str(q.to) });
      const headers = ["Date", "Action", "Personne", "E-mail", "Objet", "Identifiant de l'objet", "Détail"];
      const body = toCsv(
        headers,
        rows.map((r) => [r.createdAt.toISOString(), r.label, r.actor?.displayName ?? "Système", r.actor?.email ?? "", r.targetType, r.targetId ?? "", JSON.stringify(r.summary ?? {})]),
      );
      await reply
        .code(200)
        .header("content-type", SPREADSHEET_CONTENT_TYPES.csv)
        .header("content-disposition", `attachment; filename="maillage-journal.csv"`)
        .header("cache-control", "private, no-store")
        .send(body);
    } catch (error) {
      await sendRouteError(req, reply, error, this.logger, "audit export");
    }
  }
}
