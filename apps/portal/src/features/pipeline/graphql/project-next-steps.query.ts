import { graphql } from "../../../gql";

/** What the MSP team still has to submit or correct for the current stage. */
export const PROJECT_NEXT_STEPS = graphql(`
  query ProjectNextSteps($id: ID!) {
    project(id: $id) {
      id
      stage
      nextSteps {
        ...ChecklistItemDetails
      }
    }
  }
`);
