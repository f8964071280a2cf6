import { createHash, randomUUID } from "node:crypto";
import type { ReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { Inject, Injectable, Logger } from "@nestjs/common";
import { projectScope, type Actor, type Role } from "@maillage/domain";
import { fileTypeFromFile } from "file-type";

import { badUserInput } from "../../common/errors.js";
import { APP_CONFIG } from "../../config/config.module.js";
import type { AppConfig } from "../../config/config.js";
import { AuditService } from "../audit/audit.service.js";
import { ALLOWED_CONTENT_TYPES, CSV_CONTENT_TYPE, TextSniffer } from "./file-content.js";
import { sanitizeFileName } from "./file-name.js";
import { fileErrors } from "./files.errors.js";
import { isUuid } from "../../common/ids.js";
import { FilesRepository, type StoredFileRow } from "./files.repository.js";

/** What the upload route answers. */
export type StoredFileView = { id: string; sha256: string; size: number; contentType: string; originalName: string };

/** An incoming file: the multipart part's stream (busboy sets `truncated` when the size limit cut it). */
export type UploadSource = { stream: Readable & { truncated?: boolean }; filename: string | undefined };

export type FileDownload = { file: StoredFileRow; size: number; stream: ReadStream };

/**
 * Roles that may submit documents for a project: the MSP team for its own project, federation staff for
 * any project of their federation (which project: the SQL scope). Researchers never.
 */
const UPLOADER_ROLES: ReadonlySet<Role> = new Set<Role>(["FEDERATION_ADMIN", "CHARGE_DEVELOPPEMENT", "MSP_MEMBER"]);

const SHA256_HEX = /^[0-9a-f]{64}$/;

const view = (row: StoredFileRow): StoredFileView => ({
  id: row.id,
  sha256: row.sha256,
  size: row.size,
  contentType: row.contentType,
  originalName: row.originalName,
});

/**
 * Milestone documents (ARCHITECTURE.md "Security model"): streamed to a temporary file while hashed, limited
 * in size, typed by content against an allow-list, stored content-addressed (`<filesDir>/<sha[0..2]>/<sha>`)
 * outside any public folder, and read back only through a project in the actor's scope.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly files: FilesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The project `actor` may upload to. FORBIDDEN for a role that never uploads (whatever the project, so
   * nothing is revealed), BAD_USER_INPUT for a missing or malformed id, NOT_FOUND outside the scope.
   */
  async authorizeUpload(actor: Actor, projectId: unknown): Promise<{ id: string; federationId: string }> {
    if (!UPLOADER_ROLES.has(actor.role)) throw fileErrors.forbidden();
    if (typeof projectId !== "string" || !isUuid(projectId)) {
      throw fileErrors.badInput("Paramètre projectId manquant ou invalide (identifiant de projet attendu).");
    }
    const project = await this.files.findProjectInScope(projectScope(actor), projectId);
    if (!project) throw fileErrors.notFound("Projet");
    return project;
  }

  /**
   * Receives one file for `project` (already authorized). Whatever happens, the temporary file is gone when
   * this returns or throws; a refused file leaves no row and nothing on disk.
   */
  async store(actor: Actor, project: { id: string; federationId: string }, upload: UploadSource): Promise<StoredFileView> {
    const tmpDir = path.join(this.config.filesDir, "tmp");
    await mkdir(tmpDir, { recursive: true, mode: 0o750 });
    const tmpPath = path.join(tmpDir, `${randomUUID()}.upload`);
    try {
      const received = await this.receive(upload.stream, tmpPath);
      if (received.truncated) throw fileErrors.tooLarge(this.config.maxUploadBytes);
      if (received.size === 0) throw fileErrors.badInput("Le fichier est vide.");
      const contentType = await detectContentType(tmpPath, received.text);
      if (!contentType) throw fileErrors.typeNotAllowed();
      await this.moveIntoStore(tmpPath, received.sha256);
      const originalName = sanitizeFileName(upload.filename, contentType);
      const row = await this.files.create(
        {
          federationId: project.federationId,
          projectId: project.id,
          sha256: received.sha256,
          size: received.size,
          contentType,
          originalName,
          uploadedById: actor.userId,
        },
        (tx, created) =>
          this.audit.record(
            {
              federationId: project.federationId,
              actorId: actor.userId,
              action: "file.upload",
              targetType: "StoredFile",
              targetId: created.id,
              projectId: project.id,
              summary: { originalName, contentType, size: received.size, sha256: received.sha256 },
            },
            tx,
          ),
      );
      return view(row);
    } finally {
      // After a successful move there is nothing left at tmpPath; otherwise this drops the partial file.
      await rm(tmpPath, { force: true });
    }
  }

  /** A file whose project is in the actor's scope, opened for reading; NOT_FOUND otherwise. */
  async openForDownload(actor: Actor, id: string): Promise<FileDownload> {
    const file = await this.files.findInScope(projectScope(actor), id);
    if (!file) throw fileErrors.notFound("Fichier");
    let handle;
    try {
      handle = await open(this.blobPath(file.sha256), "r");
    } catch (error) {
      this.logger.error({ err: error, fileId: file.id }, "stored file missing on disk");
      throw fileErrors.internal();
    }
    try {
      const { size } = await handle.stat();
      return { file, size, stream: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * For the milestone submission: the files `fileIds` name, which must all be files of `projectId` within the
   * actor's scope (duplicates are ignored). BAD_USER_INPUT `FILE.NOT_ATTACHABLE` otherwise.
   */
  async findAttachable(actor: Actor, projectId: string, fileIds: string[]): Promise<{ id: string; originalName: string }[]> {
    const notAttachable = () =>
      badUserInput([
        { field: "fileIds", code: "FILE.NOT_ATTACHABLE", message: "Un des fichiers joints est introuvable ou n'appartient pas à ce projet." },
      ]);
    if (!Array.isArray(fileIds) || fileIds.some((id) => typeof id !== "string" || !isUuid(id))) throw notAttachable();
    const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    const rows = await this.files.findManyOfProject(projectScope(actor), projectId, ids);
    const names = new Map(rows.map((r) => [r.id.toLowerCase(), r.originalName]));
    return ids.map((id) => {
      const originalName = names.get(id);
      if (originalName === undefined) throw notAttachable();
      return { id, originalName };
    });
  }

  /** Streams `source` to `tmpPath` (created new, never overwritten), hashing and sniffing on the way. */
  private async receive(
    source: UploadSource["stream"],
    tmpPath: string,
  ): Promise<{ sha256: string; size: number; truncated: boolean; text: TextSniffer }> {
    const hash = createHash("sha256");
    const text = new TextSniffer();
    let size = 0;
    let truncated = false;
    // Which side failed first: the upload (client gone, broken multipart) or the disk.
    let firstFailure: "source" | "sink" | null = null;
    source.once("limit", () => void (truncated = true));
    source.once("error", () => void (firstFailure ??= "source"));
    // The client may have gone (or the form broken) before this method was called.
    if (source.errored) firstFailure = "source";
    // Created here, before any byte flows: a stream opening the file lazily could create it after the
    // caller's cleanup when the upload fails at once (pipeline rejects without waiting for the sink).
    const sink = (await open(tmpPath, "wx", 0o640)).createWriteStream();
    sink.once("error", () => void (firstFailure ??= "sink"));
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        text.push(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, sink);
    } catch (error) {
      if (!sink.closed) await new Promise<void>((resolve) => sink.once("close", () => resolve()));
      // A disk failure is ours (500). Otherwise the client went away or sent a broken multipart body.
      const sourceCut = firstFailure === null && source.destroyed && !source.readableEnded;
      if (firstFailure === "source" || sourceCut) throw fileErrors.badInput("Le fichier n'a pas été reçu en entier.");
      throw error;
    }
    truncated ||= source.truncated === true || size > this.config.maxUploadBytes;
    return { sha256: hash.digest("hex"), size, truncated, text };
  }

  /** Content-addressed: the same bytes are stored once, whoever uploads them and how many times. */
  private async moveIntoStore(tmpPath: string, sha256: string): Promise<void> {
    const target = this.blobPath(sha256);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
    if (await exists(target)) return; // the caller drops the temporary file
    await rename(tmpPath, target);
  }

  private blobPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.config.filesDir, sha256.slice(0, 2), sha256);
  }
}

/** The allow-listed Content-Type of the file, from its bytes; null when it is not allowed. */
async function detectContentType(filePath: string, text: TextSniffer): Promise<string | null> {
  let detected: string | undefined;
  try {
    detected = (await fileTypeFromFile(filePath))?.mime;
  } catch {
    // A malformed container (e.g. a broken ZIP) is not an allowed document.
    return null;
  }
  if (detected !== undefined) return detected !== CSV_CONTENT_TYPE && ALLOWED_CONTENT_TYPES.has(detected) ? detected : null;
  return text.looksLikeCsv() ? CSV_CONTENT_TYPE : null;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
