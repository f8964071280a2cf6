import { graphql } from "../../../gql";

/** Staff who can be assigned as a project's chargé·e. */
export const STAFF = graphql(`
  query Staff {
    staff {
      id
      displayName
      role
    }
  }
`);
