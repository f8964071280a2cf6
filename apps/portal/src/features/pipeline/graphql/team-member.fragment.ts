import { graphql } from "../../../gql";

export const TEAM_MEMBER_FRAGMENT = graphql(`
  fragment TeamMemberRow on TeamMember {
    id
    fullName
    profession
    rpps
    adeli
    role
    isAssociate
    joinedAt
    leftAt
  }
`);
