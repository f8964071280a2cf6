import { graphql } from "../../../gql";

/** Creates a token; `token` is the secret, returned this once only. */
export const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenRow
      }
    }
  }
`);
