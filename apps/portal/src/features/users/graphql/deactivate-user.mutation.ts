import { graphql } from "../../../gql";

/** Deactivates an account: every session and API token of that person stops at once. */
export const DEACTIVATE_USER = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      ...ManagedUserRow
    }
  }
`);
