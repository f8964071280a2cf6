import type { MultipartFile } from "@fastify/multipart";
import { Controller, Get, Logger, Post, Req, Res } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { readSpreadsheet, SPREADSHEET_CONTENT_TYPES, SpreadsheetError, SPREADSHEET_LIMITS, toCsv, toXlsx } from "../../common/spreadsheet.js";
import { SessionService } from "../auth/session.service.js";
import { attachmentDisposition } from "../files/file-name.js";
import { FileErrorCode, FileRouteError, fileErrors } from "../files/files.errors.js";
import { parsePepsTableSheet, PEPS_FILE_HEADERS, pepsTemplateRows, type PepsFileProblem } from "./peps-table-file.js";
import { canEditReferenceData, ReferenceDataService } from "./reference-data.service.js";

export const PEPS_IMPORT_PATH = "/reference/peps-tables";

/** A PEPS file refused by its content: 400 with every problem, line by line, in French (nothing is stored). */
class PepsImportRejected extends FileRouteError {
  constructor(readonly problems: PepsFileProblem[]) {
    super(
      FileErrorCode.BAD_USER_INPUT,
      problems.length === 1 ? "Le fichier contient 1 erreur : rien n'a été enregistré." : `Le fichier contient ${problems.length} erreurs : rien n'a été enregistré.`,
    );
  }

  override toBody() {
    return { error: { ...super.toBody().error, problems: this.problems } };
  }
}

/** Same CSRF rule as POST /files (and /graphql): a cross-site form cannot add this header without a preflight. */
function hasPreflightHeader(req: FastifyRequest): boolean {
  const apollo = req.headers["apollo-require-preflight"];
  const requestedWith = req.headers["x-requested-with"];
  return (typeof apollo === "string" && apollo.trim() !== "") || (typeof requestedWith === "string" && requestedWith.toLowerCase() === "xmlhttprequest");
}

/** onRequest hook: a POST of the import that is not multipart is refused with our error shape (not Fastify's 415). */
export async function refuseNonMultipartImport(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.method !== "POST" || req.url.split("?")[0] !== PEPS_IMPORT_PATH) return;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "multipart/form-data") return;
  const refusal = fileErrors.badInput("Envoyez le fichier dans un formulaire multipart/form-data (champ « file »).");
  await reply.code(refusal.status).header("cache-control", "no-store").send(refusal.toBody());
}

/**
 * PEPS coefficient tables arrive as the CPAM's CSV/XLSX file (DOMAIN.md §4.4): POST /reference/peps-tables (federation
 * admins; multipart field `file`) answers 201 with the stored table, or 400 with the list of problems; GET
 * /reference/peps-tables/template?format=csv|xlsx gives the layout to fill. Errors answer `{ error: { code, message } }`.
 */
@Controller("reference/peps-tables")
export class ReferenceDataController {
  private readonly logger = new Logger(ReferenceDataController.name);

  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly sessions: SessionService,
  ) {}

  @Post()
  async importPepsTable(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      if (!hasPreflightHeader(req)) throw fileErrors.csrf();
      const actor = await this.actorOf(req);
      if (!canEditReferenceData(actor)) {
        throw new FileRouteError(FileErrorCode.FORBIDDEN, "Seul·e un·e administrateur·rice de la fédération peut importer une table PEPS.");
      }
      if (!req.isMultipart()) throw fileErrors.badInput("Envoyez le fichier dans un formulaire multipart/form-data (champ « file »).");
      const { name, content } = await this.readFile(req);
      let sheet;
      try {
        sheet = await readSpreadsheet(content, name);
      } catch (error) {
        if (error instanceof SpreadsheetError) {
          throw error.reason === "TOO_LARGE"
            ? new FileRouteError(FileErrorCode.FILE_TOO_LARGE, error.message)
            : error.reason === "UNSUPPORTED"
              ? new FileRouteError(FileErrorCode.FILE_TYPE_NOT_ALLOWED, error.message)
              : fileErrors.badInput(error.message);
        }
        throw error;
      }
      const parsed = parsePepsTableSheet(sheet);
      if (!parsed.ok) throw new PepsImportRejected(parsed.problems);
      const stored = await this.referenceData.storePepsTable(actor, parsed.table, name);
      await reply.code(201).header("cache-control", "no-store").send(stored);
    } catch (error) {
      await this.fail(req, reply, error);
    }
  }

  @Get("template")
  async template(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      await this.actorOf(req);
      const format = (req.query as Record<string, unknown> | undefined)?.format === "xlsx" ? "xlsx" : "csv";
      const headers = [...PEPS_FILE_HEADERS];
      const body = format === "xlsx" ? await toXlsx("Table PEPS", headers, pepsTemplateRows()) : toCsv(headers, pepsTemplateRows());
      await reply
        .code(200)
        .header(
          "content-type",
          SPREADSHEET_CONTENT_TYPES[format],
        )
        .header("content-disposition", attachmentDisposition(`modele-table-peps.${format}`))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "no-store")
        .send(body);
    } catch (error) {
      await this.fail(req, reply, error);
    }
  }

  private async actorOf(req: FastifyRequest): Promise<Actor> {
    // A token needs the scope of the method: read for GET, write for the rest (token-scopes.ts).
    const resolved = await this.sessions.resolve(req, req.method === "GET" || req.method === "HEAD" ? "read" : "write");
    if (!resolved) throw fileErrors.unauthenticated();
    return resolved.actor;
  }

  /** The uploaded file (field `file`), read whole: a coefficient table is a few kilobytes. */
  private async readFile(req: FastifyRequest): Promise<{ name: string; content: Buffer }> {
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: SPREADSHEET_LIMITS.maxBytes, files: 1 } });
    } catch {
      throw fileErrors.badInput("Formulaire multipart invalide ou incomplet.");
    }
    if (!part) throw fileErrors.badInput("Aucun fichier reçu : envoyez-le dans le champ « file ».");
    if (part.fieldname !== "file") {
      part.file.resume();
      throw fileErrors.badInput("Envoyez le fichier dans le champ « file ».");
    }
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE") throw fileErrors.tooLarge(SPREADSHEET_LIMITS.maxBytes);
      throw fileErrors.badInput("Le fichier n'a pas été reçu en entier.");
    }
    if (content.length === 0) throw fileErrors.badInput("Le fichier est vide.");
    return { name: part.filename || "table.csv", content };
  }

  private async fail(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    const known = error instanceof FileRouteError ? error : null;
    if (!known) this.logger.error({ err: error, url: req.url }, "reference data route failed");
    if (reply.sent) return;
    const answer = known ?? fileErrors.internal();
    await reply.code(answer.status).header("cache-control", "no-store").send(answer.toBody());
  }
}
