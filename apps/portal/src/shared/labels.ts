/**
 * French labels of the API enums come from `@maillage/domain`, the one source the API's enum descriptions
 * also use. `satisfies` checks that the domain's values and the generated GraphQL enums agree.
 * Stage order is the lifecycle order (DOMAIN.md §2.2).
 */
import {
  ALERT_KIND_LABELS as DOMAIN_ALERT_KIND_LABELS,
  ALERT_KINDS as DOMAIN_ALERT_KINDS,
  isProfession,
  isProjectStage,
  isProjectStatus,
  isTeamRole,
  PROFESSION_LABELS as DOMAIN_PROFESSION_LABELS,
  PROFESSIONS as DOMAIN_PROFESSIONS,
  PROJECT_STAGES as DOMAIN_STAGES,
  PROJECT_STATUSES as DOMAIN_STATUSES,
  PROJECT_STATUS_LABELS,
  ROLE_LABELS as DOMAIN_ROLE_LABELS,
  STAGE_LABELS as DOMAIN_STAGE_LABELS,
  TEAM_ROLE_LABELS as DOMAIN_TEAM_ROLE_LABELS,
  TEAM_ROLES as DOMAIN_TEAM_ROLES,
} from "@maillage/domain";

import type {
  AlertKind,
  LegalForm,
  MilestoneFieldType,
  MilestoneStatus,
  Profession,
  ProjectStage,
  ProjectStatus,
  Role,
  TeamRole,
} from "../gql/graphql";

export const STAGE_LABELS: Readonly<Record<ProjectStage, string>> = DOMAIN_STAGE_LABELS;
export const PROJECT_STAGES: readonly ProjectStage[] = DOMAIN_STAGES;
export const STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = PROJECT_STATUS_LABELS;
export const PROJECT_STATUSES: readonly ProjectStatus[] = DOMAIN_STATUSES;
export const ROLE_LABELS: Readonly<Record<Role, string>> = DOMAIN_ROLE_LABELS;
export const PROFESSION_LABELS: Readonly<Record<Profession, string>> = DOMAIN_PROFESSION_LABELS;
export const PROFESSIONS: readonly Profession[] = DOMAIN_PROFESSIONS;
export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = DOMAIN_TEAM_ROLE_LABELS;
export const TEAM_ROLES: readonly TeamRole[] = DOMAIN_TEAM_ROLES;
export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, string>> = DOMAIN_ALERT_KIND_LABELS;
export const ALERT_KINDS: readonly AlertKind[] = DOMAIN_ALERT_KINDS;

/*
 * The domain has no labels for these enums yet (the API writes them in its enum descriptions): they are the
 * same words, kept here until `@maillage/domain` exports them.
 */

/** Where a milestone stands (the API's MilestoneStatus descriptions). */
export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  MISSING: "À déposer",
  SUBMITTED: "En attente de relecture",
  APPROVED: "Validé",
  CHANGES_REQUESTED: "Modifications demandées",
};

/** Legal structure of the MSP (DOMAIN.md §2.2 S5). */
export const LEGAL_FORM_LABELS: Readonly<Record<LegalForm, string>> = {
  ASSOCIATION_1901: "Association loi 1901",
  SISA: "SISA",
};
export const LEGAL_FORMS: readonly LegalForm[] = ["ASSOCIATION_1901", "SISA"];

/** Kinds of milestone form fields, for hints. */
export const FIELD_TYPE_LABELS: Readonly<Record<MilestoneFieldType, string>> = {
  DATE: "date",
  BOOLEAN: "oui / non",
  TEXT: "texte",
  NUMBER: "nombre",
  FINESS: "n° FINESS",
};

export const isLegalForm = (value: unknown): value is LegalForm => (LEGAL_FORMS as readonly unknown[]).includes(value);
export const isAlertKind = (value: unknown): value is AlertKind => (ALERT_KINDS as readonly unknown[]).includes(value);

export { isProfession, isProjectStage, isProjectStatus, isTeamRole };
