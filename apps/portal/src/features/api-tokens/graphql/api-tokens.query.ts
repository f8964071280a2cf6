import { graphql } from "../../../gql";

/** The signed-in user's personal API tokens, newest first (revoked and expired ones included). */
export const API_TOKENS = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenRow
    }
  }
`);
