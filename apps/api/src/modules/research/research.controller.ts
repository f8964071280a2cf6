import { Controller, Get, Logger, Param, Req, Res } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { RouteError, sendRouteError } from "../../common/route-errors.js";
import { SPREADSHEET_CONTENT_TYPES, toCsv, toXlsx } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { DIMENSION_LABELS } from "./research.catalog.js";
import { ResearchService, type ResearchAnswer, type ResearchQuestion } from "./research.service.js";


/** The answer as a table: one column per dimension (« Total » for a margin), the value, and the reason of a mask. */
export function answerTable(answer: ResearchAnswer): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = [...answer.groupBy.map((d) => DIMENSION_LABELS[d]), `${answer.measureLabel} (${answer.unit})`, "Secret statistique"];
  const rows = answer.cells.map((c) => [
    ...c.coordinates.map((x) => (x.value === null ? "Total" : (x.label ?? x.value))),
    c.suppressed ? null : c.value,
    c.suppressed ? (c.reasonLabel ?? "Secret statistique") : "",
  ]);
  return { headers, rows };
}

/**
 * Exports of a research aggregate: GET /research/aggregate.csv|.xlsx?input=<URL-encoded JSON of ResearchAggregateInput>.
 * The same answer as the GraphQL query (same question ⇒ the stored answer, same suppression), audited like it;
 * authenticated by the session cookie or a personal API token (`Authorization: Bearer …`). Errors answer
 * `{ "error": { "code", "message" } }` with an HTTP status (409 DISCLOSURE_RISK, 429 PRIVACY_BUDGET_EXHAUSTED).
 */
@Controller("research")
export class ResearchController {
  private readonly logger = new Logger(ResearchController.name);

  constructor(
    private readonly research: ResearchService,
    private readonly sessions: SessionService,
  ) {}

  @Get(":file")
  async aggregate(@Param("file") file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const resolved = await this.sessions.resolve(req);
      if (!resolved) throw new RouteError("UNAUTHENTICATED", "Vous devez vous connecter (ou envoyer un jeton d'API).");
      const match = /^aggregate\.(csv|xlsx)$/.exec(file);
      if (!match) throw new RouteError("NOT_FOUND", "Export inconnu : /research/aggregate.csv ou /research/aggregate.xlsx.");
      const format = match[1] as "csv" | "xlsx";
      const answer = await this.research.aggregate(resolved.actor as Actor, parseQuestion((req.query as Record<string, unknown>).input));
      const { headers, rows } = answerTable(answer);
      const body = format === "csv" ? toCsv(headers, rows) : await toXlsx("Agrégat", headers, rows);
      await reply
        .code(200)
        .header("content-type", SPREADSHEET_CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="maillage-recherche-${answer.queryId.slice(0, 8)}.${format}"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(body);
    } catch (error) {
      await this.fail(req, reply, error);
    }
  }

  private fail(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    return sendRouteError(req, reply, error, this.logger, "research export");
  }
}

/** The `input` parameter: the JSON of ResearchAggregateInput, checked for shape (the service checks the values). */
export function parseQuestion(raw: unknown): ResearchQuestion {
  const bad = () => new RouteError("BAD_USER_INPUT", "Paramètre « input » invalide : le JSON d'un ResearchAggregateInput est attendu.");
  if (typeof raw !== "string" || raw.length > 5000) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw bad();
  }
  const v = value as Record<string, unknown>;
  const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
  if (typeof v !== "object" || v === null || typeof v.measure !== "string" || !isStrings(v.groupBy)) throw bad();
  if (v.indicatorCode !== undefined && v.indicatorCode !== null && typeof v.indicatorCode !== "string") throw bad();
  const filters = v.filters ?? [];
  if (!Array.isArray(filters) || !filters.every((f) => typeof f === "object" && f !== null && typeof f.dimension === "string" && isStrings(f.values))) throw bad();
  return v as unknown as ResearchQuestion;
}
