import { graphql } from "../../../gql";

/** The answer to an invitation (new or sent again): the link comes back only when no e-mail could be sent. */
export const INVITATION_RESULT = graphql(`
  fragment InvitationResult on Invitation {
    emailSent
    invitationLink
    user {
      ...ManagedUserRow
    }
  }
`);
