/**
 * The milestone catalogue: documents and facts an MSP team submits at each stage of its project,
 * and the validation of the values typed with them.
 *
 * Keys follow the suggested enum of DOMAIN.md §2.3 (codes 💡, documents and issuers sourced there);
 * the stage of each milestone follows §2.2 (stage names 💡). A federation may add its own
 * milestones ("custom", `isCustom: true`, no typed field) on top of this catalogue.
 */
import { isValidFiness } from "../identifiers/identifiers.js";
import { isProjectStage, type ProjectStage } from "../projects/projects.js";
import type { FieldError } from "../shared/field-error.js";
import { err, ok, type Result } from "../shared/result.js";
import { latestTodayIso, parseIsoDate } from "./dates.js";
import type { MilestoneErrorCode } from "./milestones.errors.js";

export type MilestoneFieldType = "DATE" | "BOOLEAN" | "TEXT" | "NUMBER" | "FINESS";

export type MilestoneFieldSpec = {
  key: string;
  /** French label shown in the form and in error messages. */
  label: string;
  type: MilestoneFieldType;
  required: boolean;
};

export type MilestoneDefinition = {
  key: string;
  stage: ProjectStage;
  /** French label. */
  label: string;
  description: string | null;
  /** Must be APPROVED to leave its stage (DOMAIN.md §2.2 exit criteria). */
  required: boolean;
  fields: readonly MilestoneFieldSpec[];
  isCustom: boolean;
  /** yearly evidence pack */
  recurring: boolean;
};

export type MilestoneFieldError = FieldError<MilestoneErrorCode>;

const date = (key: string, label: string, required: boolean): MilestoneFieldSpec => ({ key, label, type: "DATE", required });

const milestone = (
  key: string,
  stage: ProjectStage,
  label: string,
  description: string,
  required: boolean,
  fields: readonly MilestoneFieldSpec[] = [],
  recurring = false,
): MilestoneDefinition => ({ key, stage, label, description, required, fields, isCustom: false, recurring });

/**
 * The catalogue that ships with the product, in stage order then checklist order.
 * Keys: DOMAIN.md §2.3 (💡 codes; `BAIL / PLAN / PC` → `BAIL_PLANS`, `ACI_JUSTIFICATIFS_N` →
 * `ACI_JUSTIFICATIFS` with a `year` field). Stages: §2.2 (where §2.3 spans stages, e.g. LISTE_PS
 * S0–S3 or ASSO_STATUTS S1/S5, the milestone sits at the first one). `required` = needed to leave
 * the stage (§2.2 exit criteria); stage-specific rules that depend on the project (legal form,
 * team) are in gates.ts, which is why SISA_STATUTS and ASSO_STATUTS are optional here.
 */
export const DEFAULT_MILESTONES: readonly MilestoneDefinition[] = Object.freeze([
  // S0 — Premier contact / émergence (§2.2 S0; §2.3 FICHE_PROJET 💡, LISTE_PS [S71])
  milestone(
    "FICHE_PROJET",
    "PREMIER_CONTACT",
    "Fiche projet initiale",
    "Présentation du projet : territoire envisagé, porteur·ses, premières intentions de l'équipe.",
    true,
  ),
  milestone(
    "LISTE_PS",
    "PREMIER_CONTACT",
    "Liste des professionnels de santé intéressés",
    "Professionnels de santé intéressés ou engagés, avec leur profession, leur commune et leur n° RPPS ou ADELI.",
    true,
  ),
  // S1 — Pré-diagnostic / faisabilité (§2.2 S1: IDF FIR prerequisites = association created + ARS met ✅)
  milestone(
    "NOTE_FAISABILITE",
    "PRE_DIAGNOSTIC",
    "Note de pré-diagnostic / étude de faisabilité",
    "Étude initiale, éventuellement confiée à un cabinet, avant d'informer l'ARS et les cofinanceurs.",
    true,
  ),
  milestone(
    "ASSO_STATUTS",
    "PRE_DIAGNOSTIC",
    "Statuts de l'association",
    "Statuts de l'association loi 1901, déclaration au Journal officiel et demande de SIRET.",
    false,
    [date("constitutedAt", "Date de constitution", false)],
  ),
  milestone(
    "DEMANDE_FIR",
    "PRE_DIAGNOSTIC",
    "Demande de financement FIR",
    "Dossier de demande au Fonds d'intervention régional de l'ARS (étude de faisabilité, aide au démarrage) avec les devis.",
    false,
  ),
  milestone(
    "RENCONTRE_ARS",
    "PRE_DIAGNOSTIC",
    "Rencontre avec le référent MSP de l'ARS",
    "Rencontre avec le référent MSP de la délégation départementale de l'ARS.",
    false,
    [date("metAt", "Date de la rencontre", false)],
  ),
  // S2 — Diagnostic territorial (§2.2 S2, ARS document type 1.1–1.3 ✅)
  milestone(
    "DIAG_TERRITORIAL",
    "DIAGNOSTIC_TERRITORIAL",
    "Diagnostic territorial",
    "Territoire d'intervention, offre de soins par profession, zonage, besoins de santé de la population.",
    true,
  ),
  // S3 — Projet de santé (§2.2 S3 ✅ prerequisite to contractualisation; §2.3 engagements [SEED-001])
  milestone(
    "PROJET_SANTE",
    "PROJET_SANTE",
    "Projet de santé",
    "Projet de santé de l'équipe (diagnostic, projet professionnel, projet de soins), daté et versionné.",
    true,
    [date("versionDate", "Date de la version", false)],
  ),
  milestone(
    "ENGAGEMENTS_PS",
    "PROJET_SANTE",
    "Engagements signés des professionnels",
    "Engagement individuel signé de chaque professionnel de santé dans le projet de santé.",
    true,
  ),
  // S4 — Validation ARS + FINESS (§2.2 S4 ✅ L.6323-3 CSP; FINESS instruction DGOS 2012 ✅)
  milestone(
    "VALIDATION_ARS",
    "VALIDATION_ARS",
    "Validation du projet de santé par l'ARS",
    "Courrier de l'ARS validant le projet de santé ou en accusant réception.",
    true,
    [date("validatedAt", "Date de validation", true)],
  ),
  milestone(
    "FINESS_EJ_ET",
    "VALIDATION_ARS",
    "Numéros FINESS (EJ et ET)",
    "Numéros FINESS attribués par l'ARS : entité juridique (EJ) et établissement (ET).",
    true,
    [
      { key: "finessEj", label: "N° FINESS EJ (entité juridique)", type: "FINESS", required: true },
      { key: "finessEt", label: "N° FINESS ET (établissement)", type: "FINESS", required: true },
    ],
  ),
  // S5 — Structure juridique (§2.2 S5 ✅ SISA; capital variable preferred, §1 SISA ✅)
  milestone(
    "SISA_STATUTS",
    "STRUCTURE_JURIDIQUE",
    "Statuts de la SISA",
    "Statuts de la SISA, immatriculation (Kbis) et liste des associés.",
    false,
    [
      date("constitutedAt", "Date de constitution", true),
      { key: "capitalVariable", label: "SISA à capital variable", type: "BOOLEAN", required: false },
    ],
  ),
  milestone(
    "REGLEMENT_INTERIEUR",
    "STRUCTURE_JURIDIQUE",
    "Règlement intérieur",
    "Règlement intérieur de la structure, dont la répartition des rémunérations collectives.",
    false,
  ),
  // S6 — Immobilier (§2.2 S6, optional stage)
  milestone(
    "BAIL_PLANS",
    "IMMOBILIER",
    "Bail, plans, permis de construire",
    "Bail professionnel, plans des locaux, permis de construire ou calendrier des travaux.",
    true,
  ),
  // S7 — Financements (§2.2 S7 ✅ CPOM 5 years when ARS funding is granted)
  milestone(
    "DECISION_FINANCEMENT",
    "FINANCEMENTS",
    "Décision de financement",
    "Décision d'un financeur (ARS, collectivité…) : notification, délibération ou convention.",
    true,
    [
      { key: "funder", label: "Financeur", type: "TEXT", required: true },
      date("decisionDate", "Date de la décision", true),
      { key: "amount", label: "Montant (€)", type: "NUMBER", required: false },
    ],
  ),
  milestone(
    "CPOM",
    "FINANCEMENTS",
    "CPOM signé avec l'ARS",
    "Contrat pluriannuel d'objectifs et de moyens (5 ans), conclu avec l'ARS en cas de financement.",
    false,
    [date("signedAt", "Date de signature", true)],
  ),
  // S8 — Ouverture (§2.2 S8 💡 opening date recorded)
  milestone(
    "FICHE_POSTE_COORD",
    "OUVERTURE",
    "Fiche de poste de coordination",
    "Fiche de poste du ou de la coordinateur·rice de la MSP.",
    true,
  ),
  milestone(
    "OUVERTURE",
    "OUVERTURE",
    "Ouverture de la MSP",
    "Ouverture de la MSP, ou début du travail coordonné pour une MSP multisite.",
    true,
    [date("openedAt", "Date d'ouverture", true)],
  ),
  // S9 — Signature ACI (§2.2 S9 ✅ tripartite contract; §3.2 ✅ SISA or commitment within 6 months)
  milestone(
    "CONTRAT_ACI",
    "SIGNATURE_ACI",
    "Contrat ACI signé",
    "Contrat tripartite structure – CPAM – ARS d'adhésion à l'accord conventionnel interprofessionnel (5 ans).",
    true,
    [
      date("signedAt", "Date de signature", true),
      {
        key: "sisaCommitment",
        label: "Engagement à constituer une SISA dans les 6 mois",
        type: "BOOLEAN",
        required: false,
      },
    ],
  ),
  // S10 — Vie de l'ACI (§2.2 S10, §2.5 ✅ calendar, §3.8 evidence pack 🟡)
  milestone(
    "ACI_JUSTIFICATIFS",
    "EN_FONCTIONNEMENT",
    "Justificatifs ACI de l'année",
    "Justificatifs des indicateurs ACI de l'année, à transmettre à la CPAM au plus tard le 31 janvier suivant.",
    false,
    [{ key: "year", label: "Année", type: "NUMBER", required: true }],
    true,
  ),
  milestone(
    "PEPS_CANDIDATURE",
    "EN_FONCTIONNEMENT",
    "Candidature PEPS",
    "Dossier de candidature à l'expérimentation PEPS (paiement en équipe de professionnels de santé).",
    false,
  ),
]);

const DEFAULT_BY_KEY: ReadonlyMap<string, MilestoneDefinition> = new Map(DEFAULT_MILESTONES.map((m) => [m.key, m]));

/**
 * The checklist of a stage: the catalogue's milestones of that stage (catalogue order), then the
 * federation's custom milestones of that stage (in the order given) — the documents a chargé·e
 * checks before moving the project on (DOMAIN.md §2.2 exit criteria, §10.1 StageEvent; custom
 * milestones are a product choice, 💡).
 */
export function checklistFor(stage: ProjectStage, custom: readonly MilestoneDefinition[]): MilestoneDefinition[] {
  return [...DEFAULT_MILESTONES.filter((m) => m.stage === stage), ...custom.filter((m) => m.stage === stage)];
}

/**
 * A milestone by key: the catalogue first, then the federation's custom milestones (so a custom
 * milestone can never shadow a catalogue one; DOMAIN.md §2.3 keys, 💡).
 */
export function findMilestone(key: string, custom: readonly MilestoneDefinition[]): MilestoneDefinition | undefined {
  return DEFAULT_BY_KEY.get(key) ?? custom.find((m) => m.key === key);
}

export const MILESTONE_TEXT_MAX_LENGTH = 2000;

/**
 * DATE fields that record something that already happened (a signature, a decision, a meeting…):
 * they may not be after today (product rule from the brief; DOMAIN.md is silent, 💡). Today every
 * DATE field of the catalogue is one; a future "planned date" field would simply not be listed here.
 */
const PAST_DATE_FIELD_KEYS: ReadonlySet<string> = new Set([
  "signedAt",
  "decisionDate",
  "validatedAt",
  "constitutedAt",
  "metAt",
  "openedAt",
  "versionDate",
]);

/** First year an ACI evidence pack can be about: the ACI was signed in 2017 (DOMAIN.md §3.1, ✅). */
export const FIRST_ACI_YEAR = 2017;

/** Non-negative decimal: digits, optionally a `.` or `,` (French) followed by digits. */
const DECIMAL = /^(\d{1,15})(?:[.,](\d{1,6}))?$/;

/**
 * Validates the values typed with a milestone submission and returns them normalised, keyed by
 * field key. Every error at once, each on the path `fields.<key>`. Field shapes are product rules
 * (DOMAIN.md silent, 💡) unless flagged:
 * - a key the milestone does not define is refused, so is a key given twice;
 * - values are trimmed; an empty value counts as absent; a required field must be present;
 *   absent optional fields are left out of the result;
 * - DATE: a real calendar date written `yyyy-mm-dd` (year ≥ 1900); signature/decision/event dates
 *   not after today, today as seen from any time zone (see `latestTodayIso`), 💡;
 * - BOOLEAN: exactly `true` or `false`;
 * - NUMBER: decimal ≥ 0 (`.` or French `,`; normalised to `.` without leading/trailing zeros);
 *   the `year` field of a recurring milestone is a whole year from 2017 (§3.1 ✅, first ACI year)
 *   to the current UTC year (the evidence of year N is sent by 31 January N+1, §2.5 🟡);
 * - FINESS: 9 characters with a valid key ({@link isValidFiness}, DOMAIN.md §8.1 ✅ Luhn metro),
 *   upper-cased so `2a…` reads `2A…`;
 * - TEXT: at most 2000 characters (code points) once trimmed.
 */
export function validateMilestoneFields(
  def: MilestoneDefinition,
  values: readonly { key: string; value: string }[],
  now: Date,
): Result<Record<string, string>, MilestoneFieldError[]> {
  const errors: MilestoneFieldError[] = [];
  const given = new Map<string, string>();

  for (const { key, value } of values) {
    const spec = def.fields.find((f) => f.key === key);
    if (!spec) {
      errors.push({
        field: `fields.${key}`,
        code: "MILESTONE.FIELD_UNKNOWN",
        message: `Le champ « ${key} » n'existe pas pour le jalon « ${def.label} ».`,
      });
    } else if (given.has(key)) {
      errors.push({
        field: `fields.${key}`,
        code: "MILESTONE.FIELD_DUPLICATE",
        message: `Le champ « ${spec.label} » est renseigné plusieurs fois.`,
      });
    } else {
      given.set(key, value);
    }
  }

  const normalized: Record<string, string> = {};
  for (const spec of def.fields) {
    const raw = given.get(spec.key)?.trim() ?? "";
    if (raw === "") {
      if (spec.required) {
        errors.push(fieldError(spec, "MILESTONE.FIELD_REQUIRED", `Le champ « ${spec.label} » est obligatoire.`));
      }
      continue;
    }
    const checked = checkFieldValue(def, spec, raw, now);
    if (checked.ok) normalized[spec.key] = checked.value;
    else errors.push(checked.error);
  }

  return errors.length > 0 ? err(errors) : ok(normalized);
}

function fieldError(spec: MilestoneFieldSpec, code: MilestoneErrorCode, message: string): MilestoneFieldError {
  return { field: `fields.${spec.key}`, code, message };
}

function checkFieldValue(
  def: MilestoneDefinition,
  spec: MilestoneFieldSpec,
  raw: string,
  now: Date,
): Result<string, MilestoneFieldError> {
  switch (spec.type) {
    case "DATE": {
      if (parseIsoDate(raw) === null) {
        return err(
          fieldError(
            spec,
            "MILESTONE.FIELD_DATE_INVALID",
            `Le champ « ${spec.label} » doit être une date valide au format AAAA-MM-JJ.`,
          ),
        );
      }
      // ISO dates compare as strings.
      if (PAST_DATE_FIELD_KEYS.has(spec.key) && raw > latestTodayIso(now)) {
        return err(
          fieldError(spec, "MILESTONE.FIELD_DATE_IN_FUTURE", `Le champ « ${spec.label} » ne peut pas être dans le futur.`),
        );
      }
      return ok(raw);
    }
    case "BOOLEAN":
      return raw === "true" || raw === "false"
        ? ok(raw)
        : err(
            fieldError(
              spec,
              "MILESTONE.FIELD_BOOLEAN_INVALID",
              `Le champ « ${spec.label} » doit valoir « true » ou « false ».`,
            ),
          );
    case "NUMBER": {
      const number = normalizeDecimal(raw);
      if (number === null) {
        return err(
          fieldError(
            spec,
            "MILESTONE.FIELD_NUMBER_INVALID",
            `Le champ « ${spec.label} » doit être un nombre positif ou nul (par exemple 12500 ou 12500,50).`,
          ),
        );
      }
      if (def.recurring && spec.key === "year") {
        const year = Number(number);
        const currentYear = now.getUTCFullYear();
        if (!Number.isInteger(year) || year < FIRST_ACI_YEAR || year > currentYear) {
          return err(
            fieldError(
              spec,
              "MILESTONE.FIELD_YEAR_INVALID",
              `Le champ « ${spec.label} » doit être une année comprise entre ${FIRST_ACI_YEAR} et ${currentYear}.`,
            ),
          );
        }
      }
      return ok(number);
    }
    case "FINESS": {
      const finess = raw.toUpperCase();
      return isValidFiness(finess)
        ? ok(finess)
        : err(
            fieldError(
              spec,
              "MILESTONE.FIELD_FINESS_INVALID",
              `Le champ « ${spec.label} » doit être un numéro FINESS valide (9 caractères, clé de contrôle comprise).`,
            ),
          );
    }
    case "TEXT":
      return [...raw].length <= MILESTONE_TEXT_MAX_LENGTH
        ? ok(raw)
        : err(
            fieldError(
              spec,
              "MILESTONE.FIELD_TEXT_TOO_LONG",
              `Le champ « ${spec.label} » ne peut pas dépasser ${MILESTONE_TEXT_MAX_LENGTH} caractères.`,
            ),
          );
  }
}

/** `12,50` → `12.5`, `007` → `7`, `3.000` → `3`; `null` when not a non-negative decimal. */
export function normalizeDecimal(raw: string): string | null {
  const match = DECIMAL.exec(raw);
  if (!match) return null;
  const integer = (match[1] ?? "").replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  return fraction === "" ? integer : `${integer}.${fraction}`;
}

// ---------------------------------------------------------------------------------------------
// Custom milestones
// ---------------------------------------------------------------------------------------------

export const CUSTOM_MILESTONE_KEY_PREFIX = "CUSTOM_";
export const CUSTOM_MILESTONE_KEY_MAX_LENGTH = 64;
export const CUSTOM_MILESTONE_LABEL_MIN_LENGTH = 3;
export const CUSTOM_MILESTONE_LABEL_MAX_LENGTH = 120;
export const CUSTOM_MILESTONE_DESCRIPTION_MAX_LENGTH = 2000;

export type CustomMilestoneInput = {
  stage: string;
  label: string;
  description?: string | null;
  required?: boolean;
  key?: string | null;
};

export type ValidatedCustomMilestone = {
  key: string;
  stage: ProjectStage;
  label: string;
  description: string | null;
  required: boolean;
};

const UPPER_SNAKE = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

/** Control characters, lone surrogates and bidi overrides/isolates (text spoofing). */
const FORBIDDEN_LABEL_CHARACTERS = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Derives a milestone key from a French label (product rule from the brief; DOMAIN.md silent, 💡;
 * UPPER_SNAKE like the §2.3 codes): accents removed (é → E, œ → OE, æ → AE, ß → SS),
 * upper-cased, every run of other characters turned into `_`, prefixed with `CUSTOM_`, cut to
 * 64 characters. `null` when nothing is left (a label of punctuation only).
 */
export function deriveCustomMilestoneKey(label: string): string | null {
  const body = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[œŒ]/g, "OE")
    .replace(/[æÆ]/g, "AE")
    .replace(/ß/g, "SS")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (body === "") return null;
  return `${CUSTOM_MILESTONE_KEY_PREFIX}${body}`.slice(0, CUSTOM_MILESTONE_KEY_MAX_LENGTH).replace(/_+$/, "");
}

/**
 * Validates a milestone that a federation adds to its checklists (product rule; DOMAIN.md §2.3
 * only suggests the catalogue, 💡). Every error at once.
 * - stage: one of PROJECT_STAGES;
 * - label: whitespace collapsed and trimmed (NFC), 3–120 characters, no control character;
 * - description: trimmed, empty → `null`, at most 2000 characters;
 * - required: defaults to `false` (a federation opts in to blocking a stage gate);
 * - key: when absent (undefined, null or blank) derived from the label (see
 *   {@link deriveCustomMilestoneKey}); when given, trimmed, upper-cased, UPPER_SNAKE, and prefixed
 *   with `CUSTOM_` if it does not start with it (so a custom key can never collide with a key a
 *   future catalogue adds); at most 64 characters; it must not be a catalogue key nor one of
 *   `existingKeys` (compared case-insensitively). A clash of a derived key is reported on `label`,
 *   of a given key on `key`.
 */
export function validateCustomMilestone(
  input: CustomMilestoneInput,
  existingKeys: readonly string[],
): Result<ValidatedCustomMilestone, MilestoneFieldError[]> {
  const errors: MilestoneFieldError[] = [];

  const stage = input.stage;
  if (!isProjectStage(stage)) {
    errors.push({ field: "stage", code: "MILESTONE.STAGE_INVALID", message: "L'étape indiquée n'existe pas." });
  }

  const label = input.label.replace(/\s+/gu, " ").trim().normalize("NFC");
  const labelLength = [...label].length;
  if (label === "") {
    errors.push({ field: "label", code: "MILESTONE.LABEL_REQUIRED", message: "Le libellé du jalon est obligatoire." });
  } else if (FORBIDDEN_LABEL_CHARACTERS.test(label)) {
    errors.push({
      field: "label",
      code: "MILESTONE.LABEL_INVALID_CHARACTERS",
      message: "Le libellé du jalon contient des caractères non autorisés (caractères de contrôle).",
    });
  } else if (labelLength < CUSTOM_MILESTONE_LABEL_MIN_LENGTH) {
    errors.push({
      field: "label",
      code: "MILESTONE.LABEL_TOO_SHORT",
      message: `Le libellé du jalon doit contenir au moins ${CUSTOM_MILESTONE_LABEL_MIN_LENGTH} caractères.`,
    });
  } else if (labelLength > CUSTOM_MILESTONE_LABEL_MAX_LENGTH) {
    errors.push({
      field: "label",
      code: "MILESTONE.LABEL_TOO_LONG",
      message: `Le libellé du jalon ne peut pas dépasser ${CUSTOM_MILESTONE_LABEL_MAX_LENGTH} caractères.`,
    });
  }
  const labelOk = !errors.some((e) => e.field === "label");

  const description = input.description?.trim() || null;
  if (description !== null && [...description].length > CUSTOM_MILESTONE_DESCRIPTION_MAX_LENGTH) {
    errors.push({
      field: "description",
      code: "MILESTONE.DESCRIPTION_TOO_LONG",
      message: `La description du jalon ne peut pas dépasser ${CUSTOM_MILESTONE_DESCRIPTION_MAX_LENGTH} caractères.`,
    });
  }

  const givenKey = input.key?.trim() ?? "";
  let key: string | null = null;
  if (givenKey !== "") {
    const upper = givenKey.toUpperCase();
    const prefixed = upper.startsWith(CUSTOM_MILESTONE_KEY_PREFIX) ? upper : `${CUSTOM_MILESTONE_KEY_PREFIX}${upper}`;
    if (!UPPER_SNAKE.test(upper) || prefixed.length > CUSTOM_MILESTONE_KEY_MAX_LENGTH) {
      errors.push({
        field: "key",
        code: "MILESTONE.KEY_INVALID",
        message: `Le code du jalon ne peut contenir que des lettres majuscules sans accent, des chiffres et des « _ » (${CUSTOM_MILESTONE_KEY_MAX_LENGTH} caractères au plus, préfixe ${CUSTOM_MILESTONE_KEY_PREFIX} compris).`,
      });
    } else {
      key = prefixed;
    }
  } else if (labelOk) {
    key = deriveCustomMilestoneKey(label);
    if (key === null) {
      errors.push({
        field: "label",
        code: "MILESTONE.KEY_INVALID",
        message: "Impossible de déduire un code de ce libellé : il doit contenir au moins une lettre ou un chiffre.",
      });
    }
  }

  if (key !== null) {
    const taken = key.toUpperCase();
    if (DEFAULT_BY_KEY.has(taken) || existingKeys.some((k) => k.toUpperCase() === taken)) {
      errors.push({
        field: givenKey !== "" ? "key" : "label",
        code: "MILESTONE.KEY_TAKEN",
        message:
          givenKey !== ""
            ? `Le code « ${key} » est déjà utilisé par un autre jalon.`
            : `Un jalon de code « ${key} » existe déjà : choisissez un autre libellé ou indiquez un code.`,
      });
    }
  }

  if (errors.length > 0 || key === null || !isProjectStage(stage)) return err(errors);
  return ok({ key, stage, label, description, required: input.required ?? false });
}

/** The definition of a validated custom milestone, as `checklistFor` and the gates expect it. */
export function toCustomMilestoneDefinition(m: ValidatedCustomMilestone): MilestoneDefinition {
  return { ...m, fields: [], isCustom: true, recurring: false };
}
