import { graphql } from "../../../gql";

/** A person of the admin's federation, as the « Utilisateurs » page shows them. */
export const MANAGED_USER_ROW = graphql(`
  fragment ManagedUserRow on ManagedUser {
    id
    email
    displayName
    role
    roleLabel
    mspProject {
      id
      name
    }
    status
    createdAt
    disabledAt
    lastLoginAt
  }
`);
