/**
 * Uploads go to the REST route `POST /files?projectId=<id>` (multipart, field `file`), not through GraphQL.
 * XMLHttpRequest rather than `fetch`: only it reports upload progress.
 */

/** Same origin as the portal: the session cookie goes along. */
export const FILES_ENDPOINT = "/files";

/** The API's limit (20 Mo); checked here too so a too-large file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What the file input offers; the API checks the actual content. */
export const ACCEPTED_FILE_TYPES = [
  ".pdf",
  ".odt",
  ".ods",
  ".odp",
  ".docx",
  ".xlsx",
  ".pptx",
  ".png",
  ".jpg",
  ".jpeg",
  ".csv",
].join(",");

export const ACCEPTED_FILE_TYPES_LABEL =
  "PDF, OpenDocument (odt, ods, odp), Office (docx, xlsx, pptx), PNG, JPEG ou CSV — 20 Mo au plus par fichier";

/** The API's answer to a successful upload (201). */
export type UploadedFile = {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
};

export type UploadErrorCode =
  | "FILE_TOO_LARGE"
  | "FILE_TYPE_NOT_ALLOWED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "NETWORK"
  | "ABORTED"
  | "UNKNOWN";

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

const CODE_BY_STATUS: Partial<Record<number, UploadErrorCode>> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  413: "FILE_TOO_LARGE",
  415: "FILE_TYPE_NOT_ALLOWED",
};

const KNOWN_CODES: readonly UploadErrorCode[] = [
  "FILE_TOO_LARGE",
  "FILE_TYPE_NOT_ALLOWED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
];

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && typeof (value as UploadedFile).id === "string";
}

/** `{ error: { code, message } }` of a refused upload (a proxy may answer something else: the status decides). */
function errorFromResponse(status: number, body: unknown): UploadError {
  const answered = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const answeredCode = typeof answered?.code === "string" ? answered.code : undefined;
  const code =
    answeredCode && (KNOWN_CODES as readonly string[]).includes(answeredCode)
      ? (answeredCode as UploadErrorCode)
      : (CODE_BY_STATUS[status] ?? "UNKNOWN");
  const message = typeof answered?.message === "string" ? answered.message : "";
  return new UploadError(code, status, message);
}

export type UploadHandle = {
  /** Settles with the stored file, or an {@link UploadError} (code ABORTED once cancelled). */
  result: Promise<UploadedFile>;
  abort: () => void;
};

/** Starts uploading `file` to the project; `onProgress` receives the share sent, from 0 to 1. */
export function uploadFile(projectId: string, file: File, onProgress: (ratio: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const result = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open("POST", `${FILES_ENDPOINT}?projectId=${encodeURIComponent(projectId)}`);
    // The API refuses uploads a cross-site form could send without a CORS preflight (CSRF).
    xhr.setRequestHeader("Apollo-Require-Preflight", "true");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && isUploadedFile(body)) {
        onProgress(1);
        resolve(body);
      } else {
        reject(errorFromResponse(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new UploadError("NETWORK", 0, ""));
    xhr.onabort = () => reject(new UploadError("ABORTED", 0, ""));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}

/** The French sentence shown under a file that could not be uploaded. */
export function uploadErrorMessage(error: unknown, fileName: string): string {
  const code = error instanceof UploadError ? error.code : "UNKNOWN";
  switch (code) {
    case "FILE_TOO_LARGE":
      return `« ${fileName} » dépasse la taille maximale autorisée (20 Mo).`;
    case "FILE_TYPE_NOT_ALLOWED":
      return `Le format de « ${fileName} » n’est pas accepté. Formats acceptés : PDF, OpenDocument, Office (docx, xlsx, pptx), PNG, JPEG et CSV.`;
    case "UNAUTHENTICATED":
      return "Votre session a expiré : reconnectez-vous puis déposez de nouveau le fichier.";
    case "FORBIDDEN":
      return "Vous n’avez pas les droits nécessaires pour déposer des documents sur ce projet.";
    case "NOT_FOUND":
      return "Ce projet est introuvable : le fichier n’a pas été envoyé.";
    case "NETWORK":
      return `L’envoi de « ${fileName} » a échoué. Vérifiez votre connexion et réessayez.`;
    case "ABORTED":
      return `Envoi de « ${fileName} » annulé.`;
    case "BAD_USER_INPUT":
    case "UNKNOWN":
      return error instanceof UploadError && error.message
        ? error.message
        : `L’envoi de « ${fileName} » a échoué. Réessayez dans un instant.`;
  }
}
