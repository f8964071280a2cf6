import { graphql } from "../../../gql";

/** The signed-in user's fields the shell and the role routing need. */
export const SESSION_USER_FRAGMENT = graphql(`
  fragment SessionUser on User {
    id
    email
    displayName
    role
    federation {
      id
      name
    }
    mspProject {
      id
      name
    }
  }
`);
