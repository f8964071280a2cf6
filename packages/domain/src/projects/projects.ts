import { isCommuneCode } from "../identifiers/identifiers.js";
import type { FieldError } from "../shared/field-error.js";
import { err, ok, type Result } from "../shared/result.js";
import { PROJECT_ERROR_MESSAGES, type ProjectErrorCode } from "./projects.errors.js";

/**
 * The platform's project stages, in order; the index of a stage is its S-number in
 * DOMAIN.md §2.2 (S0 … S10; stage names are the platform's own, 💡). §2.2 also says projects may
 * skip or reorder S5–S7, so this order is for display and "current stage" only, not a strict
 * state machine.
 */
export const PROJECT_STAGES = [
  "PREMIER_CONTACT",
  "PRE_DIAGNOSTIC",
  "DIAGNOSTIC_TERRITORIAL",
  "PROJET_SANTE",
  "VALIDATION_ARS",
  "STRUCTURE_JURIDIQUE",
  "IMMOBILIER",
  "FINANCEMENTS",
  "OUVERTURE",
  "SIGNATURE_ACI",
  "EN_FONCTIONNEMENT",
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** French stage labels (DOMAIN.md §2.2). */
export const STAGE_LABELS: Readonly<Record<ProjectStage, string>> = {
  PREMIER_CONTACT: "Premier contact / émergence",
  PRE_DIAGNOSTIC: "Pré-diagnostic et faisabilité",
  DIAGNOSTIC_TERRITORIAL: "Diagnostic territorial",
  PROJET_SANTE: "Projet de santé",
  VALIDATION_ARS: "Validation ARS",
  STRUCTURE_JURIDIQUE: "Structure juridique",
  IMMOBILIER: "Immobilier",
  FINANCEMENTS: "Financements",
  OUVERTURE: "Ouverture",
  SIGNATURE_ACI: "Signature ACI",
  EN_FONCTIONNEMENT: "MSP en fonctionnement",
};

export const isProjectStage = (value: unknown): value is ProjectStage =>
  (PROJECT_STAGES as readonly unknown[]).includes(value);

/** Position of a stage in {@link PROJECT_STAGES}: 0 for PREMIER_CONTACT (S0) … 10 for EN_FONCTIONNEMENT (S10). */
export const stageIndex = (stage: ProjectStage): number => PROJECT_STAGES.indexOf(stage);

/**
 * Whether a project is being worked on. Orthogonal to the stage: a project in any stage may be paused
 * or abandoned (DOMAIN.md §10.1; its "operational" status is the EN_FONCTIONNEMENT stage here).
 */
export const PROJECT_STATUSES = ["ACTIVE", "ON_HOLD", "ABANDONED"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  ACTIVE: "Actif",
  ON_HOLD: "En pause",
  ABANDONED: "Abandonné",
};

export const isProjectStatus = (value: unknown): value is ProjectStatus =>
  (PROJECT_STATUSES as readonly unknown[]).includes(value);

export const PROJECT_NAME_MIN_LENGTH = 3;
export const PROJECT_NAME_MAX_LENGTH = 120;

/** Raw create/update input, as received from the API. */
export type ProjectInput = {
  readonly name?: string;
  readonly communeCode?: string;
  /** `null` unassigns the chargé·e; `undefined` leaves the assignment untouched. */
  readonly chargeId?: string | null;
};

/** Input after validation: only the fields that were provided, normalised. */
export type NormalizedProjectInput = {
  name?: string;
  communeCode?: string;
  chargeId?: string | null;
};

export type ProjectInputContext = {
  /** Whether the commune exists in the reference data (COG) the API loaded. */
  readonly communeExists: (code: string) => boolean;
  /** Whether this user may be assigned as the project's chargé·e (same federation, suitable role…). */
  readonly isAssignableCharge: (id: string) => boolean;
  /** `true` for an update (absent fields are left alone), `false` for a creation. */
  readonly partial: boolean;
};

export type ProjectFieldError = FieldError<ProjectErrorCode>;

const fieldError = (field: keyof ProjectInput, code: ProjectErrorCode): ProjectFieldError => ({
  field,
  code,
  message: PROJECT_ERROR_MESSAGES[code],
});

/**
 * Characters refused in a project name once whitespace is collapsed: C0/C1 control characters,
 * lone surrogates, and bidirectional embedding/override/isolate controls (text spoofing).
 */
const FORBIDDEN_NAME_CHARACTERS = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** Trims, collapses every run of whitespace (incl. tabs, newlines, no-break spaces) to one space, NFC. */
export const normalizeProjectName = (name: string): string => name.replace(/\s+/gu, " ").trim().normalize("NFC");

/**
 * Validates and normalises a project creation (`partial: false`) or update (`partial: true`).
 * Returns every error at once, in field order, so the form can show them all.
 *
 * - name: trimmed, inner whitespace collapsed, 3–120 characters (code points), no control character;
 * - communeCode: trimmed and upper-cased, a COG commune code (DOMAIN.md §7.1, ✅) that exists;
 * - chargeId: when a string, must be assignable; `null` unassigns;
 * - creation requires name and communeCode.
 */
export function validateProjectInput(
  input: ProjectInput,
  ctx: ProjectInputContext,
): Result<NormalizedProjectInput, ProjectFieldError[]> {
  const errors: ProjectFieldError[] = [];
  const normalized: NormalizedProjectInput = {};

  if (input.name !== undefined) {
    const name = normalizeProjectName(input.name);
    const nameError = checkName(name);
    if (nameError) errors.push(fieldError("name", nameError));
    else normalized.name = name;
  } else if (!ctx.partial) {
    errors.push(fieldError("name", "PROJECT.NAME_REQUIRED"));
  }

  if (input.communeCode !== undefined) {
    const communeCode = input.communeCode.trim().toUpperCase();
    const communeError = checkCommune(communeCode, ctx);
    if (communeError) errors.push(fieldError("communeCode", communeError));
    else normalized.communeCode = communeCode;
  } else if (!ctx.partial) {
    errors.push(fieldError("communeCode", "PROJECT.COMMUNE_REQUIRED"));
  }

  if (input.chargeId === null) {
    normalized.chargeId = null;
  } else if (input.chargeId !== undefined) {
    if (input.chargeId === "" || !ctx.isAssignableCharge(input.chargeId)) {
      errors.push(fieldError("chargeId", "PROJECT.CHARGE_NOT_ASSIGNABLE"));
    } else {
      normalized.chargeId = input.chargeId;
    }
  }

  return errors.length > 0 ? err(errors) : ok(normalized);
}

function checkName(name: string): ProjectErrorCode | null {
  if (name === "") return "PROJECT.NAME_REQUIRED";
  if (FORBIDDEN_NAME_CHARACTERS.test(name)) return "PROJECT.NAME_INVALID_CHARACTERS";
  const length = [...name].length;
  if (length < PROJECT_NAME_MIN_LENGTH) return "PROJECT.NAME_TOO_SHORT";
  if (length > PROJECT_NAME_MAX_LENGTH) return "PROJECT.NAME_TOO_LONG";
  return null;
}

function checkCommune(code: string, ctx: ProjectInputContext): ProjectErrorCode | null {
  if (code === "") return "PROJECT.COMMUNE_REQUIRED";
  if (!isCommuneCode(code)) return "PROJECT.COMMUNE_INVALID_FORMAT";
  if (!ctx.communeExists(code)) return "PROJECT.COMMUNE_UNKNOWN";
  return null;
}
