import { graphql } from "../../../gql";

export const SET_STAGE_APPLICABILITY = graphql(`
  mutation SetStageApplicability($input: SetStageApplicabilityInput!) {
    setStageApplicability(input: $input) {
      ...ProjectStages
      lastActivityAt
      updatedAt
    }
  }
`);
