import { graphql } from "../../../gql";

/** Lets a deactivated person sign in again. */
export const REACTIVATE_USER = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      ...ManagedUserRow
    }
  }
`);
