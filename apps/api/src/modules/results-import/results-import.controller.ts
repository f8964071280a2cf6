import type { MultipartFile } from "@fastify/multipart";
import { Controller, Get, Logger, Post, Req, Res } from "@nestjs/common";
import type { Actor, Programme } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { readSpreadsheet, SPREADSHEET_CONTENT_TYPES, SPREADSHEET_LIMITS, SpreadsheetError, toCsv, toXlsx } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { attachmentDisposition } from "../files/file-name.js";
import { importErrors, ImportRouteError } from "./results-import.errors.js";
import { IMPORT_MODES, parseProgramme, ResultsImportService, type ImportMode } from "./results-import.service.js";

/** Room for the multipart envelope (boundaries, part headers) on top of the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;
const IMPORT_PATH = "/results/import";
const NOT_MULTIPART = "Envoyez le fichier dans un formulaire multipart/form-data (champ « file »).";

/** Same rule as POST /files and /graphql: a header a cross-site form cannot send without a CORS preflight. */
function hasPreflightHeader(req: FastifyRequest): boolean {
  const apollo = req.headers["apollo-require-preflight"];
  const requestedWith = req.headers["x-requested-with"];
  return (typeof apollo === "string" && apollo.trim() !== "") || (typeof requestedWith === "string" && requestedWith.toLowerCase() === "xmlhttprequest");
}

const clientGone = (req: FastifyRequest): boolean => req.raw.socket?.destroyed ?? true;

/** onRequest hook: a POST /results/import that is not multipart is refused in our error shape (Fastify would answer its own 415). */
export async function refuseNonMultipartImport(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.method !== "POST" || req.url.split("?")[0] !== IMPORT_PATH) return;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "multipart/form-data") return;
  const refusal = importErrors.badInput(NOT_MULTIPART);
  await reply.code(refusal.status).header("cache-control", "no-store").send(refusal.toBody());
}

const query = (req: FastifyRequest): Record<string, unknown> => (req.query as Record<string, unknown> | undefined) ?? {};

const PROGRAMME_FILE_NAMES: Record<Programme, string> = { PEPS: "peps", IPEP: "ipep", ACI: "aci" };

/**
 * REST routes of the import of result periods (beside /graphql, like the file routes): the template as an attachment,
 * and the upload of a filled CSV/XLSX answered by a row-by-row report. Errors answer `{ "error": { "code", "message" } }`.
 */
@Controller("results/import")
export class ResultsImportController {
  private readonly logger = new Logger(ResultsImportController.name);

  constructor(
    private readonly service: ResultsImportService,
    private readonly sessions: SessionService,
  ) {}

  /** GET /results/import/template?programme=PEPS|IPEP|ACI&format=csv|xlsx → the template, pre-filled with the federation's MSPs. */
  @Get("template")
  async template(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      this.service.assertStaff(actor);
      const q = query(req);
      const programme = parseProgramme(q.programme);
      const format = q.format === undefined ? "xlsx" : q.format;
      if (format !== "csv" && format !== "xlsx") throw importErrors.badInput("Indiquez le format : format=csv ou xlsx.");
      const { headers, rows } = await this.service.template(actor, programme);
      const name = `modele-import-${PROGRAMME_FILE_NAMES[programme]}.${format}`;
      const body = format === "csv" ? toCsv(headers, rows) : await toXlsx(`Périodes ${programme}`, headers, rows);
      await reply
        .code(200)
        .header(
          "content-type",
          SPREADSHEET_CONTENT_TYPES[format],
        )
        .header("content-length", String(body.length))
        .header("content-disposition", attachmentDisposition(name))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(body);
    } catch (error) {
      await this.fail(req, reply, error);
    }
  }

  /**
   * POST /results/import?programme=…&mode=ALL_OR_NOTHING|VALID_ROWS&dryRun=true|false, multipart field `file` (CSV or
   * XLSX, 5 MB at most) → 200 with the report; bad files → 400 / 413 / 415 and nothing changed.
   */
  @Post()
  async upload(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let part: MultipartFile | undefined;
    try {
      if (!hasPreflightHeader(req)) throw importErrors.csrf();
      const actor = await this.actorOf(req);
      this.service.assertStaff(actor);
      const q = query(req);
      const programme = parseProgramme(q.programme);
      const mode = (q.mode ?? "ALL_OR_NOTHING") as ImportMode;
      if (!(IMPORT_MODES as readonly string[]).includes(mode)) throw importErrors.badInput("Indiquez le mode : mode=ALL_OR_NOTHING ou VALID_ROWS.");
      const dryRunText = q.dryRun ?? "false";
      if (dryRunText !== "true" && dryRunText !== "false") throw importErrors.badInput("dryRun vaut true ou false.");
      if (!req.isMultipart()) throw importErrors.badInput(NOT_MULTIPART);
      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > SPREADSHEET_LIMITS.maxBytes + MULTIPART_ENVELOPE_BYTES) throw tooLarge();
      if (clientGone(req)) return;
      part = await this.firstFile(req);
      if (part.fieldname !== "file") throw importErrors.badInput("Envoyez le fichier dans le champ « file ».");
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
        throw importErrors.badInput("Formulaire multipart invalide ou incomplet.");
      }
      if (content.length === 0) throw importErrors.badInput("Le fichier est vide.");
      const fileName = part.filename.slice(0, 255);
      let table;
      try {
        table = await readSpreadsheet(content, fileName);
      } catch (error) {
        if (!(error instanceof SpreadsheetError)) throw error;
        throw error.reason === "TOO_LARGE"
          ? importErrors.tooLarge(error.message)
          : error.reason === "UNSUPPORTED"
            ? importErrors.unsupported(error.message)
            : importErrors.badInput(error.message);
      }
      const report = await this.service.import(actor, { programme, mode, dryRun: dryRunText === "true", fileName }, table);
      await reply.code(200).header("cache-control", "no-store").send(report);
    } catch (error) {
      if (part && !part.file.readableEnded && !part.file.destroyed) part.file.resume();
      await this.fail(req, reply, error);
    }
  }

  private async actorOf(req: FastifyRequest): Promise<Actor> {
    // A token needs the scope of the method: read for GET, write for the rest (token-scopes.ts).
    const resolved = await this.sessions.resolve(req, req.method === "GET" || req.method === "HEAD" ? "read" : "write");
    if (!resolved) throw importErrors.unauthenticated();
    return resolved.actor;
  }

  private async firstFile(req: FastifyRequest): Promise<MultipartFile> {
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: SPREADSHEET_LIMITS.maxBytes, files: 1 } });
    } catch (error) {
      if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
      throw importErrors.badInput("Formulaire multipart invalide ou incomplet.");
    }
    if (!part) throw importErrors.badInput("Aucun fichier reçu : envoyez-le dans le champ « file ».");
    return part;
  }

  private async fail(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    const known = error instanceof ImportRouteError ? error : null;
    if (!known) this.logger.error({ err: error, url: req.url }, "results import route failed");
    if (reply.sent || clientGone(req)) return;
    const answer = known ?? importErrors.internal();
    await reply.code(answer.status).header("cache-control", "no-store").send(answer.toBody());
  }
}

function tooLarge(): ImportRouteError {
  return importErrors.tooLarge(`Le fichier dépasse la taille maximale de ${SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} Mo.`);
}
