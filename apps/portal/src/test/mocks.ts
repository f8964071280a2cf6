import { OPEN_ALERT_COUNT } from "../features/alerts/graphql/open-alert-count.query";
import { TIMELINE_PAGE_SIZE } from "../features/pipeline/components/timeline-section";
import { PROJECT_CHECKLIST } from "../features/pipeline/graphql/project-checklist.query";
import { PROJECT_NEXT_STEPS } from "../features/pipeline/graphql/project-next-steps.query";
import { PROJECT_STAGES_QUERY } from "../features/pipeline/graphql/project-stages.query";
import { PROJECT_TEAM } from "../features/pipeline/graphql/project-team.query";
import { PROJECT_TIMELINE } from "../features/pipeline/graphql/project-timeline.query";
import { PROJECT_FILTER_OPTIONS } from "../features/projects/graphql/project-filter-options.query";
import type { ProjectStage } from "../gql/graphql";
import { buildProjectStages } from "./pipeline-fixtures";
import type { renderRoutes } from "./render";

export type Mocks = NonNullable<Parameters<typeof renderRoutes>[0]["mocks"]>;
export type Mock = Mocks[number];

/** A mock that answers every time it is asked (refetches after a mutation, polling). */
export function always<M extends Mock>(mock: M): M {
  return { ...mock, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** The choices of the project filters (départements, staff). */
export const filterOptionsMock: Mock = always({
  request: { query: PROJECT_FILTER_OPTIONS },
  result: {
    data: {
      __typename: "Query",
      federation: {
        __typename: "Federation",
        id: "fed-1",
        departements: [
          { __typename: "Departement", code: "24", name: "Dordogne" },
          { __typename: "Departement", code: "33", name: "Gironde" },
        ],
      },
      staff: [
        { __typename: "StaffMember", id: "user-charge", displayName: "Julien Laborde", role: "CHARGE_DEVELOPPEMENT" },
        { __typename: "StaffMember", id: "user-2", displayName: "Sophie Mercier", role: "CHARGE_DEVELOPPEMENT" },
      ],
    },
  },
});

/** The navigation's count of open alerts (staff). */
export function alertCountMock(totalCount = 0): Mock {
  return always({
    request: { query: OPEN_ALERT_COUNT },
    result: { data: { __typename: "Query", alerts: { __typename: "AlertConnection", totalCount } } },
  });
}

/**
 * The sections of a project page beside its details (stages, checklist, team, history, next steps), answered
 * as often as asked, with a plain project at `stage`.
 */
export function projectSectionMocks(projectId = "project-1", stage: ProjectStage = "PROJET_SANTE"): Mocks {
  const project = { __typename: "Project", id: projectId } as const;
  return [
    always({
      request: { query: PROJECT_STAGES_QUERY, variables: { id: projectId } },
      result: { data: { __typename: "Query", project: { ...buildProjectStages(stage), id: projectId } } },
    }),
    always({
      request: { query: PROJECT_CHECKLIST, variables: { id: projectId, stage } },
      result: { data: { __typename: "Query", project: { ...project, checklist: [] } } },
    }),
    always({
      request: { query: PROJECT_NEXT_STEPS, variables: { id: projectId } },
      result: { data: { __typename: "Query", project: { ...project, stage, nextSteps: [] } } },
    }),
    always({
      request: { query: PROJECT_TEAM, variables: { id: projectId } },
      result: { data: { __typename: "Query", project: { ...project, team: [] } } },
    }),
    always({
      request: { query: PROJECT_TIMELINE, variables: { id: projectId, first: TIMELINE_PAGE_SIZE } },
      result: { data: { __typename: "Query", project: { ...project, timeline: [] } } },
    }),
  ];
}
