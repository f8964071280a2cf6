import { graphql } from "../../../gql";

export const PROJECT_RESULT_PERIODS = graphql(`
  query ProjectResultPeriods($projectId: ID!) {
    project(id: $projectId) {
      id
      name
    }
    resultPeriods(projectId: $projectId) {
      ...ResultPeriodDetails
    }
  }
`);
