import { graphql } from "../../../gql";

export const RESULT_PERIODS_FOR_REVIEW = graphql(`
  query ResultPeriodsForReview($status: PeriodStatus, $first: Int, $after: String) {
    resultPeriodsForReview(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ResultPeriodDetails
        }
      }
    }
  }
`);
