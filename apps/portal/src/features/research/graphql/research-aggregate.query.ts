import { graphql } from "../../../gql";

/**
 * One protected aggregate: every cell (inner cells and margins) either published or suppressed with its reason
 * (DOMAIN.md §6.3). Refusals come as errors: BAD_USER_INPUT, DISCLOSURE_RISK, PRIVACY_BUDGET_EXHAUSTED.
 */
export const RESEARCH_AGGREGATE = graphql(`
  query ResearchAggregate($input: ResearchAggregateInput!) {
    researchAggregate(input: $input) {
      queryId
      measure
      measureLabel
      unit
      groupBy
      cells {
        coordinates {
          dimension
          value
          label
        }
        value
        suppressed
        reason
        reasonLabel
      }
      cellCount
      suppressedCount
      thresholds {
        minPatients
        minContributors
        dominanceShare
        minRateNumerator
        minRateDenominator
        minProfessionals
        protectionPercent
      }
      noise {
        mechanism
        epsilon
      }
      cached
      dataVersion
      methodology
    }
  }
`);
