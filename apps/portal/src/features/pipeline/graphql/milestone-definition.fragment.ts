import { graphql } from "../../../gql";

export const MILESTONE_DEFINITION_FRAGMENT = graphql(`
  fragment MilestoneDefinitionRow on MilestoneDefinition {
    key
    stage
    label
    description
    required
    isCustom
    fields {
      key
      label
      type
      required
    }
  }
`);
