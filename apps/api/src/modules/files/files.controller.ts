import type { MultipartFile } from "@fastify/multipart";
import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from "@nestjs/common";
import type { Actor } from "@maillage/domain";
import type { FastifyReply, FastifyRequest } from "fastify";

import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { SessionService } from "../auth/session.service.js";
import { attachmentDisposition } from "./file-name.js";
import { FileRouteError, fileErrors } from "./files.errors.js";
import { FilesService } from "./files.service.js";

/** Room for the multipart envelope (boundaries, part headers) on top of the file itself. */
const MULTIPART_ENVELOPE_BYTES = 64 * 1024;

/**
 * A cross-site page can POST multipart/form-data with the user's cookie without a CORS preflight; a custom
 * header it cannot add without one (the rule of Apollo's csrfPrevention, as on /graphql).
 */
function hasPreflightHeader(req: FastifyRequest): boolean {
  const apollo = req.headers["apollo-require-preflight"];
  const requestedWith = req.headers["x-requested-with"];
  return (typeof apollo === "string" && apollo.trim() !== "") || (typeof requestedWith === "string" && requestedWith.toLowerCase() === "xmlhttprequest");
}

/** The connection is closed (the request's own `destroyed` also turns true once its body has been read). */
const clientGone = (req: FastifyRequest): boolean => req.raw.socket?.destroyed ?? true;

const NOT_MULTIPART = "Envoyez le fichier dans un formulaire multipart/form-data (champ « file »).";

/**
 * onRequest hook (registered by FilesModule): a POST /files that is not multipart/form-data is refused
 * before Fastify tries to parse its body (Fastify would answer an unknown type with its own 415).
 */
export async function refuseNonMultipartUpload(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.method !== "POST" || req.url.split("?")[0] !== "/files") return;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "multipart/form-data") return;
  const refusal = fileErrors.badInput(NOT_MULTIPART);
  await reply.code(refusal.status).header("cache-control", "no-store").send(refusal.toBody());
}

/**
 * REST routes for documents, beside /graphql: uploads are streamed (GraphQL multipart would add the
 * `graphql-upload` risks of ANCHORS.md §3.5), downloads are plain attachments. Every error answers
 * `{ "error": { "code", "message" } }`.
 */
@Controller("files")
export class FilesController {
  private readonly logger = new Logger(FilesController.name);

  constructor(
    private readonly files: FilesService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST /files?projectId=<uuid>, multipart field `file` → 201 `{ id, sha256, size, contentType, originalName }`. */
  @Post()
  async upload(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let part: MultipartFile | undefined;
    try {
      if (!hasPreflightHeader(req)) throw fileErrors.csrf();
      const actor = await this.actorOf(req);
      const project = await this.files.authorizeUpload(actor, (req.query as Record<string, unknown> | undefined)?.projectId);
      if (!req.isMultipart()) throw fileErrors.badInput(NOT_MULTIPART);
      const declared = Number(req.headers["content-length"]);
      if (Number.isFinite(declared) && declared > this.config.maxUploadBytes + MULTIPART_ENVELOPE_BYTES) {
        throw fileErrors.tooLarge(this.config.maxUploadBytes);
      }
      // A client gone during the checks above: the multipart parser would wait for a body that never comes.
      if (clientGone(req)) return;
      part = await this.firstFile(req);
      if (part.fieldname !== "file") throw fileErrors.badInput("Envoyez le fichier dans le champ « file ».");
      const stored = await this.files.store(actor, project, { stream: part.file, filename: part.filename });
      await reply.code(201).header("location", `/files/${stored.id}`).header("cache-control", "no-store").send(stored);
    } catch (error) {
      // Let the parser read (and discard) what is left of an unused file, so the answer reaches the client.
      if (part && !part.file.readableEnded && !part.file.destroyed) part.file.resume();
      await this.fail(req, reply, error);
    }
  }

  /** GET /files/:id → the bytes, as an attachment, when the file's project is in the caller's scope. */
  @Get(":id")
  async download(@Param("id") id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const actor = await this.actorOf(req);
      const { file, size, stream } = await this.files.openForDownload(actor, id);
      const contentType = file.contentType === "text/csv" ? "text/csv; charset=utf-8" : file.contentType;
      await reply
        .code(200)
        .header("content-type", contentType)
        .header("content-length", String(size))
        .header("content-disposition", attachmentDisposition(file.originalName))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        // Never rendered in our origin, even if opened inline; never embedded by another site.
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cross-origin-resource-policy", "same-origin")
        .send(stream);
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

  /** The first file part; BAD_USER_INPUT for a form without one or a malformed form. */
  private async firstFile(req: FastifyRequest): Promise<MultipartFile> {
    let part: MultipartFile | undefined;
    try {
      part = await req.file({ limits: { fileSize: this.config.maxUploadBytes, files: 1 } });
    } catch (error) {
      // Only the form can fail here: @fastify/multipart's limits (FST_PARTS_LIMIT…), a premature close, or
      // busboy's parse errors ("Unexpected end of form", "Boundary not found"…).
      if ((error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE") throw fileErrors.tooLarge(this.config.maxUploadBytes);
      throw fileErrors.badInput("Formulaire multipart invalide ou incomplet.");
    }
    if (!part) throw fileErrors.badInput("Aucun fichier reçu : envoyez-le dans le champ « file ».");
    return part;
  }

  private async fail(req: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    const known = error instanceof FileRouteError ? error : null;
    if (!known) this.logger.error({ err: error, url: req.url }, "file route failed");
    if (reply.sent || clientGone(req)) return;
    const answer = known ?? fileErrors.internal();
    await reply.code(answer.status).header("cache-control", "no-store").send(answer.toBody());
  }
}
