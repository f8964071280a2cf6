import { graphql } from "../../../gql";

/** The pipeline board: one column per stage, in lifecycle order (filters as for the project list). */
export const BOARD = graphql(`
  query Board($filter: ProjectFilter) {
    board(filter: $filter) {
      stage
      label
      count
      projects {
        id
        name
        communeName
        departementCode
        chargeName
        status
        stageEnteredAt
        lastActivityAt
        milestoneProgress {
          approved
          required
        }
      }
    }
  }
`);
