import { graphql } from "../../../gql";

/** Where a project stands in its lifecycle: the stages with their dates, and the current stage's milestones. */
export const PROJECT_STAGES_FRAGMENT = graphql(`
  fragment ProjectStages on Project {
    id
    stage
    status
    stageEnteredAt
    milestoneProgress {
      approved
      required
    }
    stageStates {
      stage
      label
      isCurrent
      startedAt
      completedAt
      notApplicable
      notApplicableReason
      canBeNotApplicable
    }
  }
`);
