import { graphql } from "../../../gql";

/** The seven disclosure-control thresholds (an answer's, the deployment's, a federation's own). */
export const RESEARCH_THRESHOLD_VALUES = graphql(`
  fragment ResearchThresholdValues on ResearchThresholds {
    minPatients
    minContributors
    dominanceShare
    minRateNumerator
    minRateDenominator
    minProfessionals
    protectionPercent
  }
`);
