/**
 * French labels of the API enums come from `@maillage/domain`, the one source the API's enum descriptions
 * also use. `satisfies` checks that the domain's values and the generated GraphQL enums agree.
 * Stage order is the lifecycle order (DOMAIN.md §2.2).
 */
import {
  isProjectStage,
  isProjectStatus,
  PROJECT_STAGES as DOMAIN_STAGES,
  PROJECT_STATUSES as DOMAIN_STATUSES,
  PROJECT_STATUS_LABELS,
  ROLE_LABELS as DOMAIN_ROLE_LABELS,
  STAGE_LABELS as DOMAIN_STAGE_LABELS,
} from "@maillage/domain";

import type { ProjectStage, ProjectStatus, Role } from "../gql/graphql";

export const STAGE_LABELS: Readonly<Record<ProjectStage, string>> = DOMAIN_STAGE_LABELS;
export const PROJECT_STAGES: readonly ProjectStage[] = DOMAIN_STAGES;
export const STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = PROJECT_STATUS_LABELS;
export const PROJECT_STATUSES: readonly ProjectStatus[] = DOMAIN_STATUSES;
export const ROLE_LABELS: Readonly<Record<Role, string>> = DOMAIN_ROLE_LABELS;

export { isProjectStage, isProjectStatus };
