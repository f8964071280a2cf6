import { isProjectStage, PROJECT_STATUS_LABELS, STAGE_LABELS, isProjectStatus } from "@maillage/domain";

import { auditActionLabel } from "../audit/audit.labels.js";

const stage = (v: unknown) => (typeof v === "string" && isProjectStage(v) ? STAGE_LABELS[v] : String(v ?? ""));
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The French wording of a timeline event, from its audit action and summary. */
export function describeEvent(action: string, s: Record<string, unknown>): { label: string; detail: string | null } {
  switch (action) {
    case "project.create":
      return { label: "Projet créé", detail: null };
    case "project.update": {
      const after = (s.after ?? {}) as Record<string, unknown>;
      const parts: string[] = [];
      if ("name" in after) parts.push(`nom : ${String(after.name)}`);
      if ("communeCode" in after) parts.push(`commune : ${String(after.communeCode)}`);
      if ("chargeId" in after) parts.push(after.chargeId ? "chargé·e réaffecté·e" : "chargé·e retiré·e");
      if ("status" in after && isProjectStatus(after.status)) parts.push(`statut : ${PROJECT_STATUS_LABELS[after.status]}${text(after.statusReason) ? ` (${String(after.statusReason)})` : ""}`);
      if ("legalForm" in after) parts.push(`structure juridique : ${after.legalForm === "SISA" ? "SISA" : after.legalForm ? "association loi 1901" : "non renseignée"}`);
      return { label: "Projet modifié", detail: parts.join(" · ") || null };
    }
    case "project.stage":
      return {
        label: s.direction === "backward" ? "Retour à une étape précédente" : "Changement d'étape",
        detail: `${stage(s.from)} → ${stage(s.to)}${text(s.reason) ? ` — ${String(s.reason)}` : ""}`,
      };
    case "project.stage.applicability":
      return {
        label: s.notApplicable ? "Étape marquée non applicable" : "Étape de nouveau applicable",
        detail: `${stage(s.stage)}${text(s.reason) ? ` — ${String(s.reason)}` : ""}`,
      };
    case "milestone.submit":
      return { label: "Jalon déposé", detail: `${String(s.milestoneLabel ?? s.milestoneKey ?? "")}${Array.isArray(s.files) && s.files.length ? ` (${s.files.length} document${s.files.length > 1 ? "s" : ""})` : ""}` };
    case "milestone.review":
      return {
        label: s.decision === "APPROVE" ? "Jalon validé" : "Modifications demandées",
        detail: `${String(s.milestoneLabel ?? s.milestoneKey ?? "")}${text(s.comment) ? ` — ${String(s.comment)}` : ""}`,
      };
    case "team.add":
      return { label: "Membre ajouté à l'équipe", detail: text(s.fullName) };
    case "team.update":
      return { label: "Membre de l'équipe modifié", detail: text(s.fullName) };
    case "team.leave":
      return { label: "Départ d'un membre de l'équipe", detail: text(s.fullName) };
    case "file.upload":
      return { label: "Document téléversé", detail: text(s.originalName) };
    case "results.create":
    case "results.update":
    case "results.submit":
    case "results.approve":
    case "results.return":
    case "results.unlock": {
      // Which period: « ACI 2025 », from the summary when it says so.
      const programme = text(s.programme);
      const year = typeof s.year === "number" ? String(s.year) : text(s.year);
      return { label: auditActionLabel(action), detail: programme || year ? [programme, year].filter(Boolean).join(" ") : null };
    }
    default:
      // Never an internal key: the audit log's French name of the action, else « Autre action ».
      return { label: auditActionLabel(action), detail: null };
  }
}
