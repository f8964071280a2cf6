import { graphql } from "../../../gql";

export const UPDATE_TEAM_MEMBER = graphql(`
  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {
    updateTeamMember(input: $input) {
      ...TeamMemberRow
    }
  }
`);
