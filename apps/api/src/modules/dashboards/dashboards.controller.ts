import { Controller, Get, Logger, Param, Req, Res } from "@nestjs/common";
import { MSP_SIZE_BANDS, PROGRAMMES, type Actor, type MspSizeBand, type Programme } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { RouteError, sendRouteError } from "../../common/route-errors.js";
import { SPREADSHEET_CONTENT_TYPES, toCsv, toXlsx } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { DashboardsService } from "./dashboards.service.js";
import { exportTable, EXPORT_TABLES } from "./dashboards.tables.js";
import type { ResultsDashboardFilter } from "./dto/results-dashboard.filter.js";
import { MspSizeBandEnum } from "./models/results-dashboard.model.js";


/** `?years=2023,2024` or `?years=2023&years=2024`. */
function listParam(query: Record<string, unknown>, name: string): string[] {
  const raw = query[name];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter(Boolean);
}

/** The same filter as the GraphQL query, from the URL (size bands by their GraphQL name or domain value). */
export function filterFromQuery(query: Record<string, unknown>): ResultsDashboardFilter {
  const years = listParam(query, "years");
  const programmes = listParam(query, "programmes");
  const sizeBands = listParam(query, "sizeBands").map((b) => MspSizeBandEnum[b] ?? b);
  const bad = (what: string) => new RouteError("BAD_USER_INPUT", what);
  if (years.some((y) => !/^\d{4}$/.test(y))) throw bad("Les années doivent être des nombres à quatre chiffres.");
  if (programmes.some((p) => !(PROGRAMMES as readonly string[]).includes(p))) throw bad("Programme inconnu (ACI, PEPS ou IPEP).");
  if (sizeBands.some((b) => !(MSP_SIZE_BANDS as readonly string[]).includes(b))) throw bad("Taille de MSP inconnue.");
  const departements = listParam(query, "departements");
  if (departements.length > 101 || departements.some((d) => d.length > 3)) throw bad("Code de département invalide.");
  return { years: years.map(Number), programmes: programmes as Programme[], departements, sizeBands: sizeBands as MspSizeBand[] };
}

/**
 * Exports of the results dashboard: GET /exports/results-dashboard/<table>.csv|.xlsx?years=…&programmes=…&
 * departements=…&sizeBands=… — the same tables, filters and scope as the `resultsDashboard` query (federation
 * staff, their federation only), authenticated by the session cookie like /files. Errors answer
 * `{ "error": { "code", "message" } }` with an HTTP status.
 */
@Controller("exports")
export class DashboardsController {
  private readonly logger = new Logger(DashboardsController.name);

  constructor(
    private readonly dashboards: DashboardsService,
    private readonly sessions: SessionService,
  ) {}

  @Get("results-dashboard/:file")
  async resultsDashboard(@Param("file") file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
      const table = match ? exportTable(match[1] ?? "") : undefined;
      if (!match || !table) {
        throw new RouteError("NOT_FOUND", `Export inconnu. Tableaux disponibles : ${EXPORT_TABLES.map((t) => t.slug).join(", ")} (.csv ou .xlsx).`);
      }
      const format = match[2] as "csv" | "xlsx";
      const data = await this.dashboards.resultsDashboard(actor, filterFromQuery((req.query ?? {}) as Record<string, unknown>));
      const rows = table.rows(data);
      const body = format === "csv" ? toCsv(table.headers, rows) : await toXlsx(table.sheetName, table.headers, rows);
      await reply
        .code(200)
        .header("content-type", SPREADSHEET_CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="${table.fileName}.${format}"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(body);
    } catch (error) {
      await this.fail(req, reply, error);
    }
  }

  private async actorOf(req: FastifyRequest): Promise<Actor> {
    // A token needs the scope of the method: read for GET, write for the rest (token-scopes.ts).
    const resolved = await this.sessions.resolve(req, req.method === "GET" || req.method === "HEAD" ? "read" : "write");
    if (!resolved) throw new RouteError("UNAUTHENTICATED", "Vous devez vous connecter.");
    return resolved.actor;
  }

  private fail(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    return sendRouteError(req, reply, error, this.logger, "export");
  }
}
