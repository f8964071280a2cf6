import { graphql } from "../../../gql";

export const PROJECT_CHECKLIST = graphql(`
  query ProjectChecklist($id: ID!, $stage: ProjectStage!) {
    project(id: $id) {
      id
      checklist(stage: $stage) {
        ...ChecklistItemDetails
      }
    }
  }
`);
