/**
 * Errors of the REST import routes, in the shape of the file routes: `{ "error": { "code", "message", "details"? } }`
 * with an HTTP status; messages are French, for people; clients read `code`.
 */
export const ImportErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  CSRF_PREVENTED: "CSRF_PREVENTED",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  FORBIDDEN: "FORBIDDEN",
  FILE_TOO_LARGE: "FILE_TOO_LARGE",
  FILE_TYPE_NOT_ALLOWED: "FILE_TYPE_NOT_ALLOWED",
  CONFLICT: "CONFLICT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

const STATUS: Record<ImportErrorCode, number> = {
  UNAUTHENTICATED: 401,
  CSRF_PREVENTED: 400,
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

export type ImportErrorDetail = { line: number; column: string | null; message: string };

export class ImportRouteError extends Error {
  readonly status: number;

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: readonly ImportErrorDetail[] = [],
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toBody(): { error: { code: ImportErrorCode; message: string; details?: readonly ImportErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details.length > 0 ? { details: this.details } : {}) } };
  }
}

export const importErrors = {
  unauthenticated: () => new ImportRouteError(ImportErrorCode.UNAUTHENTICATED, "Vous devez vous connecter."),
  csrf: () =>
    new ImportRouteError(
      ImportErrorCode.CSRF_PREVENTED,
      "Requête refusée : envoyez l'en-tête Apollo-Require-Preflight (ou X-Requested-With: XMLHttpRequest).",
    ),
  forbidden: () =>
    new ImportRouteError(ImportErrorCode.FORBIDDEN, "L'import de périodes est réservé à l'équipe de la fédération (administration, chargé·es de développement)."),
  badInput: (message: string, details: readonly ImportErrorDetail[] = []) => new ImportRouteError(ImportErrorCode.BAD_USER_INPUT, message, details),
  tooLarge: (message: string) => new ImportRouteError(ImportErrorCode.FILE_TOO_LARGE, message),
  unsupported: (message: string) => new ImportRouteError(ImportErrorCode.FILE_TYPE_NOT_ALLOWED, message),
  conflict: () => new ImportRouteError(ImportErrorCode.CONFLICT, "Une période a été modifiée pendant l'import : rien n'a été enregistré, relancez l'import."),
  internal: () => new ImportRouteError(ImportErrorCode.INTERNAL_SERVER_ERROR, "Erreur interne : l'import n'a pas abouti, rien n'a été enregistré."),
};
