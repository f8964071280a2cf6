import type { AciAxis, AciFlag, AciIndicatorType, PepsScope, Programme } from "@maillage/domain";

/** The programmes of a result period (DOMAIN.md §3 ACI, §4 PEPS, §5 IPEP). */
export const PROGRAMME_ORDER: readonly Programme[] = ["PEPS", "IPEP", "ACI"];

export const PROGRAMME_LABELS: Readonly<Record<Programme, string>> = {
  PEPS: "PEPS",
  IPEP: "IPEP",
  ACI: "ACI",
};

export const PROGRAMME_DESCRIPTIONS: Readonly<Record<Programme, string>> = {
  PEPS: "Paiement en équipe de professionnels de santé en ville",
  IPEP: "Incitation à une prise en charge partagée",
  ACI: "Accord conventionnel interprofessionnel",
};

/** The workflow of a period (docs/results.md): DRAFT → SUBMITTED → APPROVED (locked), or RETURNED with a comment. */
export type PeriodStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

export const PERIOD_STATUS_LABELS: Readonly<Record<PeriodStatus, string>> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Transmis",
  APPROVED: "Validé",
  RETURNED: "Renvoyé",
};

/** A period the team may still edit (a draft, or one the federation sent back). */
export const isEditableStatus = (status: PeriodStatus): boolean => status === "DRAFT" || status === "RETURNED";

/** The three PEPS 1 scopes (DOMAIN.md §4.1 ✅). */
export const PEPS_SCOPE_LABELS: Readonly<Record<PepsScope, string>> = {
  PATIENTELE_MT: "Patientèle médecin traitant",
  AGE_65_PLUS: "Patients de 65 ans et plus",
  DIABETIQUES: "Patients diabétiques",
};

/** The three ACI axes (DOMAIN.md §3.3 ✅). */
export const ACI_AXIS_LABELS: Readonly<Record<AciAxis, string>> = {
  ACCES_AUX_SOINS: "Accès aux soins",
  TRAVAIL_EN_EQUIPE: "Travail en équipe et coordination",
  SYSTEME_INFORMATION: "Système d’information",
};
export const ACI_AXES: readonly AciAxis[] = ["ACCES_AUX_SOINS", "TRAVAIL_EN_EQUIPE", "SYSTEME_INFORMATION"];

/** The three ACI indicator types (DOMAIN.md §3.3 ✅). */
export const ACI_TYPE_LABELS: Readonly<Record<AciIndicatorType, string>> = {
  SOCLE_PREREQUIS: "Socle prérequis",
  SOCLE: "Socle",
  OPTIONNEL: "Optionnel",
};
export const ACI_TYPES: readonly AciIndicatorType[] = ["SOCLE_PREREQUIS", "SOCLE", "OPTIONNEL"];

/** Rows flagged 🟡 / 🔶 / ⚠️ in DOMAIN.md §3.5 are shown « à vérifier » (do not pay on them unchecked). */
export const isToVerify = (flag: AciFlag | string): boolean => flag === "TO_VERIFY" || flag === "UNVERIFIED";

export const ACI_FLAG_DESCRIPTIONS: Readonly<Record<AciFlag, string>> = {
  CONFIRMED: "Valeur confirmée par les textes",
  TO_VERIFY: "Valeur à confirmer auprès de la CPAM ou du référent ACI",
  UNVERIFIED: "Valeur non vérifiée (source unique ou incertaine)",
};

/** Shown wherever a figure computed with the illustrative PEPS table appears (DOMAIN.md §4.2 ⚠️). */
export const ILLUSTRATIVE_TABLE_LABEL = "Table illustrative — valeurs fictives";
