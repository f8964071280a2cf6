import { graphql } from "../../../gql";

/** The disclosure-control thresholds and the noise settings in force (DOMAIN.md §6.3). */
export const RESEARCH_SETTINGS = graphql(`
  query ResearchSettings {
    researchSettings {
      thresholds {
        minPatients
        minContributors
        dominanceShare
        minRateNumerator
        minRateDenominator
        minProfessionals
        protectionPercent
      }
      privacyMode
      epsilonPerQuery
      epsilonBudget
    }
  }
`);

/** Federation admins change them; a threshold below its default needs `allowBelowDefaults` and a reason (audited). */
export const UPDATE_RESEARCH_SETTINGS = graphql(`
  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {
    updateResearchSettings(input: $input) {
      thresholds {
        minPatients
        minContributors
        dominanceShare
        minRateNumerator
        minRateDenominator
        minProfessionals
        protectionPercent
      }
      privacyMode
      epsilonPerQuery
      epsilonBudget
    }
  }
`);
