import { graphql } from "../../../gql";

export const PROJECT = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectDetails
    }
  }
`);
