/**
 * PEPS coefficient tables are imported as the CPAM's CSV/XLSX file (DOMAIN.md §4.4: versioned reference data) through
 * the REST route `POST /reference/peps-tables` (multipart, field `file`, federation admins). A refused file answers 400
 * with every problem, line by line, in French; nothing is stored then.
 */
export const PEPS_IMPORT_ENDPOINT = "/reference/peps-tables";
export const PEPS_TEMPLATE_CSV = "/reference/peps-tables/template?format=csv";
export const PEPS_TEMPLATE_XLSX = "/reference/peps-tables/template?format=xlsx";
export const PEPS_IMPORT_ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type PepsImportProblem = { line: number | null; field: string; message: string };

export type PepsImportOutcome =
  | { ok: true; code: string; label: string }
  | { ok: false; message: string; problems: PepsImportProblem[] };

function isProblem(value: unknown): value is PepsImportProblem {
  return typeof value === "object" && value !== null && typeof (value as PepsImportProblem).message === "string";
}

const STATUS_MESSAGES: Partial<Record<number, string>> = {
  401: "Votre session a expiré. Reconnectez-vous puis importez de nouveau le fichier.",
  403: "Seul·e un·e administrateur·rice de la fédération peut importer une table PEPS.",
  413: "Le fichier est trop volumineux.",
  415: "Le fichier n’est ni un CSV ni un classeur XLSX.",
};

export async function importPepsTable(file: File): Promise<PepsImportOutcome> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(PEPS_IMPORT_ENDPOINT, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      // The API refuses uploads a cross-site form could send without a CORS preflight (CSRF).
      headers: { "Apollo-Require-Preflight": "true" },
    });
  } catch {
    return { ok: false, message: "L’envoi du fichier a échoué. Vérifiez votre connexion et réessayez.", problems: [] };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) {
    const code = typeof body?.["code"] === "string" ? body["code"] : typeof body?.["id"] === "string" ? body["id"] : "";
    const label = typeof body?.["label"] === "string" ? body["label"] : code;
    return { ok: true, code, label };
  }
  const error = (body?.["error"] ?? null) as { message?: unknown; problems?: unknown } | null;
  const problems = Array.isArray(error?.problems) ? error.problems.filter(isProblem) : [];
  const message =
    typeof error?.message === "string" && error.message
      ? error.message
      : (STATUS_MESSAGES[response.status] ?? "L’import a échoué. Réessayez dans un instant.");
  return { ok: false, message, problems };
}
