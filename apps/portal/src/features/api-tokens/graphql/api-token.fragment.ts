import { graphql } from "../../../gql";

/** What the portal shows of a personal API token (never the secret, which the API does not keep). */
export const API_TOKEN_ROW = graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    name
    prefix
    scopes
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);
