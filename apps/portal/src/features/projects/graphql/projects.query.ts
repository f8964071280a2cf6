import { graphql } from "../../../gql";

export const PROJECTS = graphql(`
  query Projects($filter: ProjectFilter, $first: Int!, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ProjectRow
        }
      }
    }
  }
`);
