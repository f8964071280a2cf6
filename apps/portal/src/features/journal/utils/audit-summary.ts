import { formatDateTime, formatDay } from "../../../shared/format";
import { isProjectStage, ROLE_LABELS, STAGE_LABELS } from "../../../shared/labels";
import { isRole } from "@maillage/domain";

/** The summary fields worth showing, with their French name; other fields (ids, technical data) are left out. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: "Nom",
  displayName: "Nom",
  fullName: "Nom",
  email: "Adresse e-mail",
  role: "Rôle",
  profession: "Profession",
  communeCode: "Code commune",
  stage: "Étape",
  from: "De",
  to: "Vers",
  milestoneLabel: "Jalon",
  decision: "Décision",
  comment: "Commentaire",
  reason: "Motif",
  fileName: "Fichier",
  programme: "Programme",
  year: "Année",
  leftAt: "Départ le",
  expiresAt: "Expire le",
  disabledAt: "Désactivé le",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function formatValue(value: unknown): string | null {
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return String(value);
  if (typeof value !== "string" || value.trim() === "") return null;
  if (isRole(value)) return ROLE_LABELS[value];
  if (isProjectStage(value)) return STAGE_LABELS[value];
  if (ISO_INSTANT.test(value)) return formatDateTime(value);
  if (ISO_DAY.test(value)) return formatDay(value);
  return value;
}

/**
 * A short readable detail of an audit event: the `after` fields of its summary (else its top-level fields) as
 * « Nom : valeur », only those with a French name and a plain value. Empty when there is nothing to say.
 */
export function describeAuditSummary(summary: unknown): string[] {
  if (!isRecord(summary)) return [];
  const source = isRecord(summary["after"]) ? summary["after"] : summary;
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(source)) {
    const label = FIELD_LABELS[key];
    const value = label ? formatValue(raw) : null;
    if (label && value !== null) parts.push(`${label} : ${value}`);
  }
  return parts;
}
