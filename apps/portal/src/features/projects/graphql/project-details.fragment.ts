import { graphql } from "../../../gql";

/** Everything the project page and its edit form show. */
export const PROJECT_DETAILS_FRAGMENT = graphql(`
  fragment ProjectDetails on Project {
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
    statusReason
    legalForm
    charge {
      id
      displayName
      email
    }
    createdAt
    updatedAt
    lastActivityAt
  }
`);
