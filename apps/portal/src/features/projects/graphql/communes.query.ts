import { graphql } from "../../../gql";

export const COMMUNES = graphql(`
  query Communes($search: String!, $first: Int!) {
    communes(search: $search, first: $first) {
      code
      name
      departementCode
      postalCodes
    }
  }
`);
