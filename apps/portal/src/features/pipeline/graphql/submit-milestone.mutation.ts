import { graphql } from "../../../gql";

export const SUBMIT_MILESTONE = graphql(`
  mutation SubmitMilestone($input: SubmitMilestoneInput!) {
    submitMilestone(input: $input) {
      ...SubmissionDetails
    }
  }
`);
