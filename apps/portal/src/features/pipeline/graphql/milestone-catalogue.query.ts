import { graphql } from "../../../gql";

export const MILESTONE_CATALOGUE = graphql(`
  query MilestoneCatalogue {
    milestoneCatalogue {
      ...MilestoneDefinitionRow
    }
  }
`);
