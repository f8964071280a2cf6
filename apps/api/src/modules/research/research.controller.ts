import { Controller, Get, Logger, Param, Post, Req, Res } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { isUuid } from "../../common/ids.js";
import { RouteError, sendRouteError } from "../../common/route-errors.js";
import { SPREADSHEET_CONTENT_TYPES, toCsv, toXlsx } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { DIMENSION_LABELS } from "./research.catalog.js";
import { ResearchService, type ResearchAnswer, type ResearchQuestion } from "./research.service.js";

/** The answer as a table: one column per dimension (« Total » for a margin), the value, and the reason of a mask. */
export function answerTable(answer: ResearchAnswer): { headers: string[]; rows: (string | number | null)[][] } {
  const headers = [...answer.groupBy.map((d) => DIMENSION_LABELS[d]), `${answer.measureLabel} (${answer.unit}, valeur perturbée)`, "Secret statistique"];
  const rows = answer.cells.map((c) => [
    ...c.coordinates.map((x) => (x.value === null ? "Total" : (x.label ?? x.value))),
    c.suppressed ? null : c.value,
    c.suppressed ? (c.reasonLabel ?? "Secret statistique") : "",
  ]);
  return { headers, rows };
}

/**
 * Exports of research aggregates (docs/research.md, "Exports and scripts"), authenticated by the session cookie or a
 * personal API token (`Authorization: Bearer …`):
 * - `GET /research/queries/<queryId>.csv|.xlsx`: the stored answer of one of the caller's own queries — a GET that
 *   changes nothing (no query recorded, no budget spent);
 * - `POST /research/aggregate.csv|.xlsx` with the JSON of a ResearchAggregateInput as body (`Content-Type:
 *   application/json`, the CSRF rule): asks the question (recorded and audited like the GraphQL query) and answers
 *   the table.
 * Errors answer `{ "error": { "code", "message" } }` with an HTTP status (429 PRIVACY_BUDGET_EXHAUSTED).
 */
@Controller("research")
export class ResearchController {
  private readonly logger = new Logger(ResearchController.name);

  constructor(
    private readonly research: ResearchService,
    private readonly sessions: SessionService,
  ) {}

  @Get("queries/:file")
  async stored(@Param("file") file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const actor = await this.actor(req);
      const match = /^([0-9a-fA-F-]{36})\.(csv|xlsx)$/.exec(file);
      if (!match || !isUuid(match[1] ?? "")) throw new RouteError("NOT_FOUND", "Export inconnu : /research/queries/<identifiant>.csv ou .xlsx.");
      await this.send(reply, await this.research.storedAnswer(actor, match[1] as string), match[2] as "csv" | "xlsx");
    } catch (error) {
      await sendRouteError(req, reply, error, this.logger, "research export");
    }
  }

  @Post(":file")
  async aggregate(@Param("file") file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const actor = await this.actor(req);
      const match = /^aggregate\.(csv|xlsx)$/.exec(file);
      if (!match) throw new RouteError("NOT_FOUND", "Export inconnu : POST /research/aggregate.csv ou /research/aggregate.xlsx.");
      await this.send(reply, await this.research.aggregate(actor, parseQuestion(req.body)), match[1] as "csv" | "xlsx");
    } catch (error) {
      await sendRouteError(req, reply, error, this.logger, "research export");
    }
  }

  private async actor(req: FastifyRequest): Promise<Actor> {
    const resolved = await this.sessions.resolve(req, "research:read");
    if (!resolved) throw new RouteError("UNAUTHENTICATED", "Vous devez vous connecter (ou envoyer un jeton d'API).");
    return resolved.actor as Actor;
  }

  private async send(reply: FastifyReply, answer: ResearchAnswer & { queryId: string }, format: "csv" | "xlsx"): Promise<void> {
    const { headers, rows } = answerTable(answer);
    const body = format === "csv" ? toCsv(headers, rows) : await toXlsx("Agrégat", headers, rows);
    await reply
      .code(200)
      .header("content-type", SPREADSHEET_CONTENT_TYPES[format])
      .header("content-disposition", `attachment; filename="maillage-recherche-${answer.queryId.slice(0, 8)}.${format}"`)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, no-store")
      .send(body);
  }
}

/** The body: the JSON of ResearchAggregateInput (or `{ "input": … }`), checked for shape (the service checks the values). */
export function parseQuestion(raw: unknown): ResearchQuestion {
  const bad = () => new RouteError("BAD_USER_INPUT", "Corps de requête invalide : le JSON d'un ResearchAggregateInput est attendu.");
  let value: unknown = raw;
  if (typeof value === "string") {
    if (value.length > 5000) throw bad();
    try {
      value = JSON.parse(value);
    } catch {
      throw bad();
    }
  }
  if (typeof value === "object" && value !== null && "input" in value && Object.keys(value).length === 1) value = (value as { input: unknown }).input;
  const v = value as Record<string, unknown>;
  const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.length <= 200 && x.every((s) => typeof s === "string" && s.length <= 100);
  if (typeof v !== "object" || v === null || Array.isArray(v) || typeof v.measure !== "string" || !isStrings(v.groupBy)) throw bad();
  if (v.indicatorCode !== undefined && v.indicatorCode !== null && typeof v.indicatorCode !== "string") throw bad();
  const filters = v.filters ?? [];
  if (!Array.isArray(filters) || filters.length > 20 || !filters.every((f) => typeof f === "object" && f !== null && typeof f.dimension === "string" && isStrings(f.values))) throw bad();
  return { measure: v.measure, indicatorCode: (v.indicatorCode as string | null | undefined) ?? null, groupBy: v.groupBy, filters } as unknown as ResearchQuestion;
}
