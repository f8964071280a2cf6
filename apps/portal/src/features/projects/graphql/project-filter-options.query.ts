import { graphql } from "../../../gql";

/** Choices of the list filters: the federation's départements and its staff. */
export const PROJECT_FILTER_OPTIONS = graphql(`
  query ProjectFilterOptions {
    federation {
      id
      departements {
        code
        name
      }
    }
    staff {
      id
      displayName
      role
    }
  }
`);
