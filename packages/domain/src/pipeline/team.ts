/**
 * The MSP team: professions, roles, composition rules and validation of a team member.
 */
import { isValidAdeli, isValidRpps } from "../identifiers/identifiers.js";
import type { FieldError } from "../shared/field-error.js";
import { err, ok, type Result } from "../shared/result.js";
import { addUtcYears, formatIsoDate, latestTodayIso, parseIsoDate, startOfUtcDay } from "./dates.js";
import { TEAM_ERROR_MESSAGES, type TeamErrorCode } from "./team.errors.js";

/**
 * Professions a team member may declare: the health professions of the CSP that take part in MSPs
 * (DOMAIN.md §2.2 notes, CSP Book IV, ✅), physicians split into general practitioners (who count
 * in the minimum team, §1 MSP ✅) and specialists. The rarer Book IV professions (manipulateur
 * radio, audioprothésiste, opticien…) are grouped under AUTRE.
 */
export const PROFESSIONS = [
  "MEDECIN_GENERALISTE",
  "MEDECIN_SPECIALISTE",
  "CHIRURGIEN_DENTISTE",
  "SAGE_FEMME",
  "PHARMACIEN",
  "INFIRMIER",
  "MASSEUR_KINESITHERAPEUTE",
  "PEDICURE_PODOLOGUE",
  "ERGOTHERAPEUTE",
  "PSYCHOMOTRICIEN",
  "ORTHOPHONISTE",
  "ORTHOPTISTE",
  "DIETETICIEN",
  "AUTRE",
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const isProfession = (value: unknown): value is Profession => (PROFESSIONS as readonly unknown[]).includes(value);

/** French labels (inclusive writing, as elsewhere in the portal). */
export const PROFESSION_LABELS: Readonly<Record<Profession, string>> = {
  MEDECIN_GENERALISTE: "Médecin généraliste",
  MEDECIN_SPECIALISTE: "Médecin spécialiste",
  CHIRURGIEN_DENTISTE: "Chirurgien·ne-dentiste",
  SAGE_FEMME: "Sage-femme",
  PHARMACIEN: "Pharmacien·ne",
  INFIRMIER: "Infirmier·ère",
  MASSEUR_KINESITHERAPEUTE: "Masseur·se-kinésithérapeute",
  PEDICURE_PODOLOGUE: "Pédicure-podologue",
  ERGOTHERAPEUTE: "Ergothérapeute",
  PSYCHOMOTRICIEN: "Psychomotricien·ne",
  ORTHOPHONISTE: "Orthophoniste",
  ORTHOPTISTE: "Orthoptiste",
  DIETETICIEN: "Diététicien·ne",
  AUTRE: "Autre profession",
};

export const TEAM_ROLES = ["COORDINATOR", "LEADER", "MEMBER"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const isTeamRole = (value: unknown): value is TeamRole => (TEAM_ROLES as readonly unknown[]).includes(value);

/** French labels of the roles in the project team (leader = porteur·se, DOMAIN.md §2.2 S0). */
export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = {
  COORDINATOR: "Coordinateur·rice",
  LEADER: "Porteur·se du projet",
  MEMBER: "Membre",
};

/**
 * The *auxiliaires médicaux* (CSP Book IV, title I–VI) among {@link PROFESSIONS}: the
 * "paramédical" of the minimum team (DOMAIN.md §1 MSP/SISA ✅, §2.2 notes ✅). Sages-femmes,
 * pharmaciens and chirurgiens-dentistes are medical/pharmacy professions, not auxiliaires; AUTRE
 * is unknown, so it never counts.
 */
export const PARAMEDICAL_PROFESSIONS: readonly Profession[] = Object.freeze([
  "INFIRMIER",
  "MASSEUR_KINESITHERAPEUTE",
  "PEDICURE_PODOLOGUE",
  "ERGOTHERAPEUTE",
  "PSYCHOMOTRICIEN",
  "ORTHOPHONISTE",
  "ORTHOPTISTE",
  "DIETETICIEN",
]);

/**
 * Professions registered in the RPPS from the start — médecins, pharmaciens, sages-femmes,
 * chirurgiens-dentistes (DOMAIN.md §8.1, ✅): ADELI is "only for non-RPPS professions", so an ADELI
 * number alone is refused for them.
 */
export const RPPS_PROFESSIONS: readonly Profession[] = Object.freeze([
  "MEDECIN_GENERALISTE",
  "MEDECIN_SPECIALISTE",
  "CHIRURGIEN_DENTISTE",
  "SAGE_FEMME",
  "PHARMACIEN",
]);

export type TeamMemberSnapshot = {
  profession: Profession;
  role: TeamRole;
  /** Associate (associé·e) of the SISA. */
  isAssociate: boolean;
  joinedAt: Date;
  leftAt: Date | null;
};

/**
 * Members active at instant `at`: joined at or before `at`, and not left yet — `leftAt` is the
 * first instant of absence, so a member whose `leftAt` is today's midnight is no longer counted
 * today (💡 DOMAIN.md is silent; dates typed as `yyyy-mm-dd` are midnight UTC).
 */
export function activeMembers(team: readonly TeamMemberSnapshot[], at: Date): TeamMemberSnapshot[] {
  const t = at.getTime();
  return team.filter((m) => m.joinedAt.getTime() <= t && (m.leftAt === null || m.leftAt.getTime() > t));
}

export type TeamComposition = { generalPractitioners: number; paramedicals: number; total: number };

export type TeamCompositionOptions = {
  /** Count only SISA associates (the SISA composition rule, DOMAIN.md §1 SISA ✅). */
  associatesOnly?: boolean;
};

/** Counts the active members (or active associates) at `at`: general practitioners, paramedicals, everyone. */
export function teamComposition(
  team: readonly TeamMemberSnapshot[],
  at: Date,
  opts: TeamCompositionOptions = {},
): TeamComposition {
  const members = activeMembers(team, at).filter((m) => !opts.associatesOnly || m.isAssociate);
  return {
    generalPractitioners: members.filter((m) => m.profession === "MEDECIN_GENERALISTE").length,
    paramedicals: members.filter((m) => PARAMEDICAL_PROFESSIONS.includes(m.profession)).length,
    total: members.length,
  };
}

/** Minimum general practitioners of an MSP / SISA (DOMAIN.md §1 MSP ✅, SISA ✅). */
export const MIN_GENERAL_PRACTITIONERS = 2;
/** Minimum paramedicals (auxiliaires médicaux) of an MSP / SISA (DOMAIN.md §1 MSP ✅, SISA ✅). */
export const MIN_PARAMEDICALS = 1;

/**
 * The minimum team of an MSP: at least 2 general practitioners and 1 paramedical among the active
 * members (DOMAIN.md §1 MSP ✅, art. L.6323-3 CSP; §3.2 ✅ for the ACI; §2.1 ARS "noyau dur" ✅).
 * With `associatesOnly`, the SISA rule: the same minimum among its associates (§1 SISA ✅ — §1 says
 * "≥ 2 médecins"; the platform counts general practitioners, as for the MSP).
 */
export function meetsMinimumTeam(
  team: readonly TeamMemberSnapshot[],
  at: Date,
  opts: TeamCompositionOptions = {},
): boolean {
  const c = teamComposition(team, at, opts);
  return c.generalPractitioners >= MIN_GENERAL_PRACTITIONERS && c.paramedicals >= MIN_PARAMEDICALS;
}

export const TEAM_MEMBER_NAME_MIN_LENGTH = 2;
export const TEAM_MEMBER_NAME_MAX_LENGTH = 120;

/** Raw create/update input, as received from the API. */
export type TeamMemberInput = {
  fullName?: string;
  profession?: string;
  rpps?: string | null;
  adeli?: string | null;
  role?: string;
  isAssociate?: boolean;
  joinedAt?: string;
  leftAt?: string | null;
};

/** Input after validation: only the provided fields (plus creation defaults), normalised. */
export type NormalizedTeamMemberInput = {
  fullName?: string;
  profession?: Profession;
  rpps?: string | null;
  adeli?: string | null;
  role?: TeamRole;
  isAssociate?: boolean;
  joinedAt?: Date;
  leftAt?: Date | null;
};

export type TeamMemberInputContext = {
  /** `true` for an update (absent fields are left alone), `false` for a creation. */
  partial: boolean;
  now: Date;
};

export type TeamFieldError = FieldError<TeamErrorCode>;

const fieldError = (field: keyof TeamMemberInput, code: TeamErrorCode): TeamFieldError => ({
  field,
  code,
  message: TEAM_ERROR_MESSAGES[code],
});

const FORBIDDEN_NAME_CHARACTERS = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/**
 * Validates and normalises a team member creation (`partial: false`) or update (`partial: true`).
 * Every error at once, in field order, French messages, codes `TEAM.*`. Lengths, defaults and date
 * bounds are product rules (DOMAIN.md silent, 💡); identifier rules cite §8.1.
 *
 * - fullName: whitespace collapsed, trimmed, NFC, 2–120 characters, no control character; required
 *   on creation;
 * - profession: one of {@link PROFESSIONS}; required on creation;
 * - rpps: whitespace removed; blank → `null`; 11 digits with a valid Luhn key (DOMAIN.md §8.1:
 *   ✅ format, 🟡 Luhn — the brief makes the key blocking) else `TEAM.RPPS_INVALID`;
 * - adeli: whitespace removed, upper-cased; blank → `null`; format of {@link isValidAdeli}
 *   (§8.1 ⚠️ format only) else `TEAM.ADELI_INVALID`;
 * - not both an RPPS and an ADELI number (`TEAM.RPPS_AND_ADELI`, on `adeli`): ADELI is for non-RPPS
 *   professions (§8.1 ✅); for {@link RPPS_PROFESSIONS} an ADELI alone is refused
 *   (`TEAM.RPPS_REQUIRED_FOR_PROFESSION`, on `adeli`), neither number is allowed (not known yet);
 * - role: one of {@link TEAM_ROLES}; defaults to MEMBER on creation;
 * - isAssociate: defaults to `false` on creation;
 * - joinedAt: `yyyy-mm-dd`, at most one year after today; defaults to today (UTC) on creation;
 * - leftAt: `yyyy-mm-dd`, blank → `null`, not before joinedAt (given or defaulted); may be in the
 *   future (announced departure).
 *
 * Cross-field rules (RPPS/ADELI vs profession, leftAt vs joinedAt) only see the fields present in
 * `input`: for an update, pass the stored values of the related fields along with the changed one.
 */
export function validateTeamMemberInput(
  input: TeamMemberInput,
  ctx: TeamMemberInputContext,
): Result<NormalizedTeamMemberInput, TeamFieldError[]> {
  const errors: TeamFieldError[] = [];
  const out: NormalizedTeamMemberInput = {};

  if (input.fullName !== undefined) {
    const fullName = input.fullName.replace(/\s+/gu, " ").trim().normalize("NFC");
    const nameError = checkFullName(fullName);
    if (nameError) errors.push(fieldError("fullName", nameError));
    else out.fullName = fullName;
  } else if (!ctx.partial) {
    errors.push(fieldError("fullName", "TEAM.FULL_NAME_REQUIRED"));
  }

  if (input.profession !== undefined) {
    if (input.profession.trim() === "") errors.push(fieldError("profession", "TEAM.PROFESSION_REQUIRED"));
    else if (!isProfession(input.profession)) errors.push(fieldError("profession", "TEAM.PROFESSION_INVALID"));
    else out.profession = input.profession;
  } else if (!ctx.partial) {
    errors.push(fieldError("profession", "TEAM.PROFESSION_REQUIRED"));
  }

  const rpps = input.rpps === undefined ? undefined : blankToNull(input.rpps?.replace(/\s+/gu, ""));
  if (rpps !== undefined) {
    if (rpps !== null && !isValidRpps(rpps)) errors.push(fieldError("rpps", "TEAM.RPPS_INVALID"));
    else out.rpps = rpps;
  }

  const adeli = input.adeli === undefined ? undefined : blankToNull(input.adeli?.replace(/\s+/gu, "").toUpperCase());
  if (adeli !== undefined) {
    if (adeli !== null && !isValidAdeli(adeli)) errors.push(fieldError("adeli", "TEAM.ADELI_INVALID"));
    else out.adeli = adeli;
  }

  if (typeof rpps === "string" && typeof adeli === "string") {
    errors.push(fieldError("adeli", "TEAM.RPPS_AND_ADELI"));
  } else if (
    typeof adeli === "string" &&
    isProfession(input.profession) &&
    RPPS_PROFESSIONS.includes(input.profession)
  ) {
    errors.push(fieldError("adeli", "TEAM.RPPS_REQUIRED_FOR_PROFESSION"));
  }

  if (input.role !== undefined) {
    if (isTeamRole(input.role)) out.role = input.role;
    else errors.push(fieldError("role", "TEAM.ROLE_INVALID"));
  } else if (!ctx.partial) {
    out.role = "MEMBER";
  }

  if (input.isAssociate !== undefined) out.isAssociate = input.isAssociate;
  else if (!ctx.partial) out.isAssociate = false;

  let joinedAt: Date | undefined;
  if (input.joinedAt !== undefined) {
    const raw = input.joinedAt.trim();
    const parsed = parseIsoDate(raw);
    const latest = parseIsoDate(latestTodayIso(ctx.now));
    if (parsed === null) errors.push(fieldError("joinedAt", "TEAM.JOINED_AT_INVALID"));
    else if (latest !== null && raw > formatIsoDate(addUtcYears(latest, 1))) {
      errors.push(fieldError("joinedAt", "TEAM.JOINED_AT_TOO_FAR"));
    } else joinedAt = parsed;
  } else if (!ctx.partial) {
    joinedAt = startOfUtcDay(ctx.now);
  }
  if (joinedAt !== undefined) out.joinedAt = joinedAt;

  if (input.leftAt !== undefined) {
    const raw = blankToNull(input.leftAt?.trim());
    const parsed = raw === null ? null : parseIsoDate(raw);
    if (raw !== null && parsed === null) errors.push(fieldError("leftAt", "TEAM.LEFT_AT_INVALID"));
    else if (parsed !== null && joinedAt !== undefined && parsed.getTime() < joinedAt.getTime()) {
      errors.push(fieldError("leftAt", "TEAM.LEFT_AT_BEFORE_JOINED_AT"));
    } else out.leftAt = parsed;
  }

  return errors.length > 0 ? err(errors) : ok(out);
}

function checkFullName(fullName: string): TeamErrorCode | null {
  if (fullName === "") return "TEAM.FULL_NAME_REQUIRED";
  if (FORBIDDEN_NAME_CHARACTERS.test(fullName)) return "TEAM.FULL_NAME_INVALID_CHARACTERS";
  const length = [...fullName].length;
  if (length < TEAM_MEMBER_NAME_MIN_LENGTH) return "TEAM.FULL_NAME_TOO_SHORT";
  if (length > TEAM_MEMBER_NAME_MAX_LENGTH) return "TEAM.FULL_NAME_TOO_LONG";
  return null;
}

function blankToNull(s: string | null | undefined): string | null {
  return s === undefined || s === null || s === "" ? null : s;
}
