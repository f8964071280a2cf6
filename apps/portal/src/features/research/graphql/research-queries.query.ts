import { graphql } from "../../../gql";

/** The researcher's own queries, newest first (the API's log, DOMAIN.md §6.3 R8). */
export const RESEARCH_QUERIES = graphql(`
  query ResearchQueries($first: Int, $after: String) {
    researchQueries(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          createdAt
          measure
          groupBy
          filters
          indicatorCode
          cellsReturned
          cellsSuppressed
          epsilon
        }
      }
    }
  }
`);
