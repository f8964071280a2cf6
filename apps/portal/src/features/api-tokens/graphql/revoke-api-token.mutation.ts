import { graphql } from "../../../gql";

/** Revokes one of the user's tokens, at once. */
export const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenRow
    }
  }
`);
