import { graphql } from "../../../gql";

export const PROJECT_TIMELINE = graphql(`
  query ProjectTimeline($id: ID!, $first: Int!) {
    project(id: $id) {
      id
      timeline(first: $first) {
        id
        action
        label
        detail
        createdAt
        actor {
          id
          displayName
        }
      }
    }
  }
`);
