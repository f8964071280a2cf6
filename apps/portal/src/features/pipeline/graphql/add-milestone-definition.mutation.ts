import { graphql } from "../../../gql";

export const ADD_MILESTONE_DEFINITION = graphql(`
  mutation AddMilestoneDefinition($input: AddMilestoneDefinitionInput!) {
    addMilestoneDefinition(input: $input) {
      ...MilestoneDefinitionRow
    }
  }
`);
