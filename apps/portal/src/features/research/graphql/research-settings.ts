import { graphql } from "../../../gql";

/**
 * The disclosure-control thresholds in force (DOMAIN.md §6.3): the deployment's (its configuration, the floor of
 * every federation's), the caller's federation's own stricter ones (null when it has none), and the noisy mode,
 * read-only (the deployment's configuration too).
 */
export const RESEARCH_SETTINGS = graphql(`
  query ResearchSettings {
    researchSettings {
      thresholds {
        ...ResearchThresholdValues
      }
      federationThresholds {
        ...ResearchThresholdValues
      }
      privacyMode
      epsilonPerQuery
      epsilonBudget
    }
  }
`);

/**
 * A federation admin makes the thresholds stricter for its own federation's data, with an optional reason (audited).
 * A value weaker than the deployment's is refused: BAD_USER_INPUT, `extensions.fields[i].code` =
 * RESEARCH.WEAKER_THAN_DEPLOYMENT, one French message per field.
 */
export const UPDATE_RESEARCH_SETTINGS = graphql(`
  mutation UpdateResearchSettings($input: UpdateResearchSettingsInput!) {
    updateResearchSettings(input: $input) {
      thresholds {
        ...ResearchThresholdValues
      }
      federationThresholds {
        ...ResearchThresholdValues
      }
      privacyMode
      epsilonPerQuery
      epsilonBudget
    }
  }
`);
