import { registerEnumType } from "@nestjs/graphql";
import { PROJECT_STAGES, PROJECT_STATUSES, ROLES, ROLE_LABELS, STAGE_LABELS, PROJECT_STATUS_LABELS } from "@maillage/domain";

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const LEGAL_FORMS = ["ASSOCIATION_1901", "SISA"] as const;
export const LEGAL_FORM_LABELS = { ASSOCIATION_1901: "Association loi 1901", SISA: "SISA" } as const;

export const RoleEnum = asEnum(ROLES);
export const LegalFormEnum = asEnum(LEGAL_FORMS);
export const ProjectStageEnum = asEnum(PROJECT_STAGES);
export const ProjectStatusEnum = asEnum(PROJECT_STATUSES);

registerEnumType(RoleEnum, {
  name: "Role",
  description: "A user's one role.",
  valuesMap: Object.fromEntries(ROLES.map((r) => [r, { description: ROLE_LABELS[r] }])),
});
registerEnumType(ProjectStageEnum, {
  name: "ProjectStage",
  description: "Stages of an MSP project, in lifecycle order (DOMAIN.md §2.2).",
  valuesMap: Object.fromEntries(PROJECT_STAGES.map((s) => [s, { description: STAGE_LABELS[s] }])),
});
registerEnumType(ProjectStatusEnum, {
  name: "ProjectStatus",
  description: "Whether a project is going on, on hold or abandoned; the stage reached is kept in every case.",
  valuesMap: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, { description: PROJECT_STATUS_LABELS[s] }])),
});
registerEnumType(LegalFormEnum, {
  name: "LegalForm",
  description: "Legal structure of an MSP (DOMAIN.md §2.2 S5).",
  valuesMap: Object.fromEntries(LEGAL_FORMS.map((f) => [f, { description: LEGAL_FORM_LABELS[f] }])),
});
