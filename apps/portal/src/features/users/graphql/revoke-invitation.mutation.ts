import { graphql } from "../../../gql";

/** Withdraws a pending invitation: the account is deactivated and its link stops working. */
export const REVOKE_INVITATION = graphql(`
  mutation RevokeInvitation($userId: ID!) {
    revokeInvitation(userId: $userId) {
      ...ManagedUserRow
    }
  }
`);
