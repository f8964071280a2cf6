import { graphql } from "../../../gql";

/** The federation's MSP projects whose name or commune matches, to attach an invited MSP member to one. */
export const MSP_PROJECT_OPTIONS = graphql(`
  query MspProjectOptions($filter: ProjectFilter, $first: Int!) {
    projects(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
          communeName
        }
      }
    }
  }
`);
