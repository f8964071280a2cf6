import { graphql } from "../../../gql";

/** Sends a new invitation link; the previous one stops working. */
export const RESEND_INVITATION = graphql(`
  mutation ResendInvitation($userId: ID!) {
    resendInvitation(userId: $userId) {
      ...InvitationResult
    }
  }
`);
