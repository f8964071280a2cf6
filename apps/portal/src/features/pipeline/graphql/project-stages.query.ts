import { graphql } from "../../../gql";

export const PROJECT_STAGES_QUERY = graphql(`
  query ProjectStageStates($id: ID!) {
    project(id: $id) {
      ...ProjectStages
    }
  }
`);
