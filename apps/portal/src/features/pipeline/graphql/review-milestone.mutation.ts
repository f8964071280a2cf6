import { graphql } from "../../../gql";

export const REVIEW_MILESTONE = graphql(`
  mutation ReviewMilestone($input: ReviewMilestoneInput!) {
    reviewMilestone(input: $input) {
      ...SubmissionDetails
    }
  }
`);
