import { graphql } from "../../../gql";

export const ALERTS = graphql(`
  query Alerts($filter: AlertFilter, $first: Int!, $after: String) {
    alerts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          kindLabel
          message
          dueAt
          createdAt
          resolvedAt
          project {
            id
            name
          }
        }
      }
    }
  }
`);
