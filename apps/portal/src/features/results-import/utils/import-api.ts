/**
 * The import of result periods goes to REST routes beside /graphql (like documents, see features/files):
 * `GET /results/import/template` (a plain link: the browser downloads the attachment with the session cookie) and
 * `POST /results/import` (multipart, field `file`), sent with XMLHttpRequest because only it reports upload progress.
 */

export const IMPORT_ENDPOINT = "/results/import";

/** The API's limit (5 Mo, docs/adr/0006); checked here too so a too-large file is refused before it is sent. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_IMPORT_TYPES = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const PROGRAMMES = ["PEPS", "IPEP", "ACI"] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const PROGRAMME_LABELS: Record<Programme, string> = {
  PEPS: "PEPS — paiement en équipe",
  IPEP: "IPEP — incitation à une prise en charge partagée",
  ACI: "ACI — accord conventionnel interprofessionnel",
};

export type ImportMode = "ALL_OR_NOTHING" | "VALID_ROWS";

export type ImportLine = {
  line: number;
  status: "OK" | "REJECTED";
  projectName: string | null;
  year: number | null;
  errors: { column: string | null; message: string }[];
};

/** The answer of POST /results/import. `accepted` / `rejected` count lines, `imported` periods written. */
export type ImportReport = {
  dryRun: boolean;
  mode: ImportMode;
  accepted: number;
  rejected: number;
  imported: number;
  ignored?: number;
  lines: ImportLine[];
};

export type ImportErrorCode =
  | "FILE_TOO_LARGE"
  | "FILE_TYPE_NOT_ALLOWED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "NETWORK"
  | "ABORTED"
  | "UNKNOWN";

export type ImportErrorDetail = { line: number; column: string | null; message: string };

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly status: number,
    message: string,
    readonly details: ImportErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ImportError";
  }
}

const CODE_BY_STATUS: Partial<Record<number, ImportErrorCode>> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  409: "CONFLICT",
  413: "FILE_TOO_LARGE",
  415: "FILE_TYPE_NOT_ALLOWED",
};

const KNOWN: readonly ImportErrorCode[] = ["FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED", "UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "CONFLICT"];

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const isReport = (v: unknown): v is ImportReport =>
  typeof v === "object" && v !== null && Array.isArray((v as ImportReport).lines) && typeof (v as ImportReport).accepted === "number";

function errorFromResponse(status: number, body: unknown): ImportError {
  const answered = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code =
    typeof answered?.code === "string" && (KNOWN as readonly string[]).includes(answered.code)
      ? (answered.code as ImportErrorCode)
      : (CODE_BY_STATUS[status] ?? "UNKNOWN");
  const details = Array.isArray(answered?.details) ? (answered.details as ImportErrorDetail[]) : [];
  return new ImportError(code, status, typeof answered?.message === "string" ? answered.message : "", details);
}

export function templateUrl(programme: Programme, format: "csv" | "xlsx"): string {
  return `${IMPORT_ENDPOINT}/template?programme=${programme}&format=${format}`;
}

export type ImportHandle = { result: Promise<ImportReport>; abort: () => void };

/** Sends `file` for a check (`dryRun`) or an import; `onProgress` receives the share sent, from 0 to 1. */
export function sendImport(
  params: { programme: Programme; mode: ImportMode; dryRun: boolean },
  file: File,
  onProgress: (ratio: number) => void,
): ImportHandle {
  const xhr = new XMLHttpRequest();
  const result = new Promise<ImportReport>((resolve, reject) => {
    const q = new URLSearchParams({ programme: params.programme, mode: params.mode, dryRun: String(params.dryRun) });
    xhr.open("POST", `${IMPORT_ENDPOINT}?${q.toString()}`);
    // The API refuses uploads a cross-site form could send without a CORS preflight (CSRF).
    xhr.setRequestHeader("Apollo-Require-Preflight", "true");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status === 200 && isReport(body)) {
        onProgress(1);
        resolve(body);
      } else reject(errorFromResponse(xhr.status, body));
    };
    xhr.onerror = () => reject(new ImportError("NETWORK", 0, ""));
    xhr.onabort = () => reject(new ImportError("ABORTED", 0, ""));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}

/** The French sentence shown when a file could not be checked or imported. */
export function importErrorMessage(error: unknown, fileName: string): string {
  const e = error instanceof ImportError ? error : null;
  switch (e?.code ?? "UNKNOWN") {
    case "FILE_TOO_LARGE":
      return e?.message || `« ${fileName} » dépasse la taille maximale autorisée (5 Mo).`;
    case "FILE_TYPE_NOT_ALLOWED":
      return e?.message || `Le format de « ${fileName} » n’est pas accepté : envoyez un fichier CSV ou Excel (.xlsx).`;
    case "UNAUTHENTICATED":
      return "Votre session a expiré : reconnectez-vous puis recommencez.";
    case "FORBIDDEN":
      return "Vous n’avez pas les droits nécessaires pour importer des périodes.";
    case "NETWORK":
      return `L’envoi de « ${fileName} » a échoué. Vérifiez votre connexion et réessayez.`;
    case "ABORTED":
      return `Envoi de « ${fileName} » annulé.`;
    default:
      return e?.message || `L’envoi de « ${fileName} » a échoué. Réessayez dans un instant.`;
  }
}
