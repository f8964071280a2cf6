/**
 * Errors of the REST file routes. They answer `{ "error": { "code", "message" } }` with an HTTP status;
 * messages are French, for people; clients read `code`.
 */
export const FileErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  CSRF_PREVENTED: "CSRF_PREVENTED",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  FILE_TOO_LARGE: "FILE_TOO_LARGE",
  FILE_TYPE_NOT_ALLOWED: "FILE_TYPE_NOT_ALLOWED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type FileErrorCode = (typeof FileErrorCode)[keyof typeof FileErrorCode];

const STATUS: Record<FileErrorCode, number> = {
  UNAUTHENTICATED: 401,
  CSRF_PREVENTED: 400,
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  INTERNAL_SERVER_ERROR: 500,
};

export class FileRouteError extends Error {
  readonly status: number;

  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody(): { error: { code: FileErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const fileErrors = {
  unauthenticated: () => new FileRouteError(FileErrorCode.UNAUTHENTICATED, "Vous devez vous connecter."),
  csrf: () =>
    new FileRouteError(
      FileErrorCode.CSRF_PREVENTED,
      "Requête refusée : envoyez l'en-tête Apollo-Require-Preflight (ou X-Requested-With: XMLHttpRequest).",
    ),
  badInput: (message: string) => new FileRouteError(FileErrorCode.BAD_USER_INPUT, message),
  forbidden: () => new FileRouteError(FileErrorCode.FORBIDDEN, "Votre rôle ne permet pas de déposer des documents."),
  notFound: (what: "Projet" | "Fichier") => new FileRouteError(FileErrorCode.NOT_FOUND, `${what} introuvable.`),
  tooLarge: (maxBytes: number) =>
    new FileRouteError(FileErrorCode.FILE_TOO_LARGE, `Le fichier dépasse la taille maximale autorisée (${formatBytes(maxBytes)}).`),
  typeNotAllowed: () =>
    new FileRouteError(
      FileErrorCode.FILE_TYPE_NOT_ALLOWED,
      "Type de fichier non accepté. Formats acceptés : PDF, PNG, JPEG, OpenDocument (odt, ods, odp), Office (docx, xlsx, pptx) et CSV encodé en UTF-8.",
    ),
  internal: () => new FileRouteError(FileErrorCode.INTERNAL_SERVER_ERROR, "Erreur interne du serveur."),
};

/** "20 Mo", "1 Ko", "512 octets" (French units). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} Mo`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(".", ",")} Mo`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} Ko`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(".", ",")} Ko`;
  return `${n} octets`;
}
