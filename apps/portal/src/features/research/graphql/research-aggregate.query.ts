import { graphql } from "../../../gql";

/**
 * One protected aggregate: every cell (inner cells and margins) either published — perturbed, as `perturbation`
 * says — or suppressed with its reason (DOMAIN.md §6.3). Refusals come as errors: BAD_USER_INPUT,
 * PRIVACY_BUDGET_EXHAUSTED (noisy deployments), FORBIDDEN.
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
        ...ResearchThresholdValues
      }
      noise {
        mechanism
        epsilon
      }
      perturbation {
        method
        description
        maxRelativeErrorPercent
        countBase
      }
      cached
      dataVersion
      methodology
    }
  }
`);
