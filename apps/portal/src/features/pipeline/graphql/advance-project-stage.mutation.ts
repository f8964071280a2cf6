import { graphql } from "../../../gql";

/** Refused with STAGE_GATE_NOT_MET and `extensions.unmet` when the stage's requirements are not met. */
export const ADVANCE_PROJECT_STAGE = graphql(`
  mutation AdvanceProjectStage($input: AdvanceProjectStageInput!) {
    advanceProjectStage(input: $input) {
      ...ProjectStages
      lastActivityAt
      updatedAt
    }
  }
`);
