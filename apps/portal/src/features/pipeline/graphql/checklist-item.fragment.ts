import { graphql } from "../../../gql";

/** A milestone of a stage's checklist, its form fields and its latest submission. */
export const CHECKLIST_ITEM_FRAGMENT = graphql(`
  fragment ChecklistItemDetails on ChecklistItem {
    key
    label
    description
    stage
    required
    isCustom
    status
    fields {
      key
      label
      type
      required
    }
    lastSubmission {
      ...SubmissionDetails
    }
  }
`);
