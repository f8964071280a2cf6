import { graphql } from "../../../gql";

export const PROJECT_TEAM = graphql(`
  query ProjectTeam($id: ID!) {
    project(id: $id) {
      id
      team {
        ...TeamMemberRow
      }
    }
  }
`);
