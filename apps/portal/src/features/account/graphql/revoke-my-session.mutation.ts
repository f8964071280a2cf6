import { graphql } from "../../../gql";

/** Ends one of the signed-in user's sessions (another browser or device). */
export const REVOKE_MY_SESSION = graphql(`
  mutation RevokeMySession($id: ID!) {
    revokeMySession(id: $id)
  }
`);
