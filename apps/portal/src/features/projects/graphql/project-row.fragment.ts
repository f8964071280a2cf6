import { graphql } from "../../../gql";

/** One row of the project list. */
export const PROJECT_ROW_FRAGMENT = graphql(`
  fragment ProjectRow on Project {
    id
    name
    communeCode
    communeName
    departement {
      code
      name
    }
    stage
    status
    charge {
      id
      displayName
    }
    updatedAt
  }
`);
