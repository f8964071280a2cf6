import { graphql } from "../../../gql";

export const ADD_TEAM_MEMBER = graphql(`
  mutation AddTeamMember($input: AddTeamMemberInput!) {
    addTeamMember(input: $input) {
      ...TeamMemberRow
    }
  }
`);
