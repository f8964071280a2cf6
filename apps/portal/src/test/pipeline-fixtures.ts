import type {
  AlertsQuery,
  BoardQuery,
  ChecklistItemDetailsFragment,
  ProjectStage,
  ProjectStagesFragment,
  ProjectTimelineQuery,
  SubmissionDetailsFragment,
  TeamMemberRowFragment,
} from "../gql/graphql";
import { PROJECT_STAGES, STAGE_LABELS } from "../shared/labels";

/** Builders of the pipeline's API shapes (with `__typename`), overridable per test. */

export const MARION = { __typename: "Person", id: "user-msp", displayName: "Marion Lacoste" } as const;
export const JULIEN = { __typename: "Person", id: "user-charge", displayName: "Julien Laborde" } as const;

export function buildSubmission(overrides: Partial<SubmissionDetailsFragment> = {}): SubmissionDetailsFragment {
  return {
    __typename: "Submission",
    id: "submission-1",
    milestoneKey: "PROJET_SANTE",
    milestoneLabel: "Projet de santé",
    status: "SUBMITTED",
    comment: "Version relue par toute l’équipe",
    createdAt: "2026-11-02T08:30:00.000Z",
    author: MARION,
    fields: [{ __typename: "FieldValue", key: "versionDate", value: "2026-10-30" }],
    files: [
      {
        __typename: "StoredFile",
        id: "file-1",
        originalName: "projet-de-sante-v3.pdf",
        size: 248_000,
        contentType: "application/pdf",
        url: "/files/file-1",
      },
    ],
    reviewer: null,
    reviewComment: null,
    reviewedAt: null,
    ...overrides,
  };
}

export function buildChecklistItem(overrides: Partial<ChecklistItemDetailsFragment> = {}): ChecklistItemDetailsFragment {
  return {
    __typename: "ChecklistItem",
    key: "PROJET_SANTE",
    label: "Projet de santé",
    description: "Projet de santé de l’équipe, daté et versionné.",
    stage: "PROJET_SANTE",
    required: true,
    isCustom: false,
    status: "SUBMITTED",
    fields: [{ __typename: "MilestoneField", key: "versionDate", label: "Date de la version", type: "DATE", required: false }],
    lastSubmission: buildSubmission(),
    ...overrides,
  };
}

/** ENGAGEMENTS_PS, never submitted. */
export function buildMissingEngagements(overrides: Partial<ChecklistItemDetailsFragment> = {}): ChecklistItemDetailsFragment {
  return buildChecklistItem({
    key: "ENGAGEMENTS_PS",
    label: "Engagements signés des professionnels",
    description: "Engagement individuel signé de chaque professionnel de santé.",
    status: "MISSING",
    fields: [],
    lastSubmission: null,
    ...overrides,
  });
}

/** The stages of a project at `current`, earlier ones completed. */
export function buildProjectStages(
  current: ProjectStage,
  overrides: Partial<ProjectStagesFragment> = {},
  notApplicable: Partial<Record<ProjectStage, string>> = {},
): ProjectStagesFragment {
  const currentIndex = PROJECT_STAGES.indexOf(current);
  return {
    __typename: "Project",
    id: "project-1",
    stage: current,
    status: "ACTIVE",
    stageEnteredAt: "2026-09-01T08:00:00.000Z",
    milestoneProgress: { __typename: "MilestoneProgress", approved: 0, required: 2 },
    stageStates: PROJECT_STAGES.map((stage, index) => ({
      __typename: "StageState" as const,
      stage,
      label: STAGE_LABELS[stage],
      isCurrent: index === currentIndex,
      startedAt: index <= currentIndex ? `2026-0${Math.min(index + 1, 9)}-01T08:00:00.000Z` : null,
      completedAt: index < currentIndex ? `2026-0${Math.min(index + 2, 9)}-01T08:00:00.000Z` : null,
      notApplicable: stage in notApplicable,
      notApplicableReason: notApplicable[stage] ?? null,
      canBeNotApplicable: stage === "IMMOBILIER" || stage === "FINANCEMENTS",
    })),
    ...overrides,
  };
}

export function buildTeamMember(overrides: Partial<TeamMemberRowFragment> = {}): TeamMemberRowFragment {
  return {
    __typename: "TeamMember",
    id: "member-1",
    fullName: "Marion Lacoste",
    profession: "MEDECIN_GENERALISTE",
    rpps: "10003000004",
    adeli: null,
    role: "LEADER",
    isAssociate: true,
    joinedAt: "2025-03-01",
    leftAt: null,
    ...overrides,
  };
}

type BoardCard = BoardQuery["board"][number]["projects"][number];

export function buildBoardCard(overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    __typename: "BoardCard",
    id: "project-1",
    name: "MSP du Val de l'Isle",
    communeName: "Saint-Astier",
    departementCode: "24",
    chargeName: "Julien Laborde",
    status: "ACTIVE",
    stageEnteredAt: "2026-09-01T08:00:00.000Z",
    lastActivityAt: "2026-11-01T09:00:00.000Z",
    milestoneProgress: { __typename: "MilestoneProgress", approved: 1, required: 2 },
    ...overrides,
  };
}

/** The 11 columns, with the given cards in their stages. */
export function buildBoard(cards: Partial<Record<ProjectStage, BoardCard[]>>): BoardQuery {
  return {
    __typename: "Query",
    board: PROJECT_STAGES.map((stage) => ({
      __typename: "BoardColumn" as const,
      stage,
      label: STAGE_LABELS[stage],
      count: cards[stage]?.length ?? 0,
      projects: cards[stage] ?? [],
    })),
  };
}

type TimelineEvent = ProjectTimelineQuery["project"]["timeline"][number];

export function buildTimelineEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    __typename: "TimelineEvent",
    id: "event-1",
    action: "milestone.submit",
    label: "Jalon déposé",
    detail: "Projet de santé (1 document)",
    createdAt: "2026-11-02T08:30:00.000Z",
    actor: MARION,
    ...overrides,
  };
}

type AlertNode = AlertsQuery["alerts"]["edges"][number]["node"];

export function buildAlert(overrides: Partial<AlertNode> = {}): AlertNode {
  return {
    __typename: "Alert",
    id: "alert-1",
    kind: "SUBMISSION_AWAITING_REVIEW",
    kindLabel: "Dépôt en attente de relecture",
    message: "« Projet de santé » attend une relecture depuis 3 jours.",
    dueAt: "2026-11-09T23:00:00.000Z",
    createdAt: "2026-11-05T06:00:00.000Z",
    resolvedAt: null,
    project: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
    ...overrides,
  };
}

/** A page of alerts as the API answers it. */
export function buildAlertConnection(
  alerts: AlertNode[],
  { totalCount = alerts.length, hasNextPage = false, endCursor = null as string | null } = {},
): AlertsQuery {
  return {
    __typename: "Query",
    alerts: {
      __typename: "AlertConnection",
      totalCount,
      pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
      edges: alerts.map((node) => ({ __typename: "AlertEdge" as const, cursor: `cursor-${node.id}`, node })),
    },
  };
}
