import { graphql } from "../../../gql";

/** A submission as the checklist shows it: files, typed fields, comment, and its review. */
export const SUBMISSION_DETAILS_FRAGMENT = graphql(`
  fragment SubmissionDetails on Submission {
    id
    milestoneKey
    milestoneLabel
    status
    comment
    createdAt
    author {
      id
      displayName
    }
    fields {
      key
      value
    }
    files {
      id
      originalName
      size
      contentType
      url
    }
    reviewer {
      id
      displayName
    }
    reviewComment
    reviewedAt
  }
`);
