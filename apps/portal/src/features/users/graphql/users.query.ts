import { graphql } from "../../../gql";

/** The people of the admin's federation, by name (FEDERATION_ADMIN only). */
export const USERS = graphql(`
  query Users($filter: UsersFilterInput) {
    users(filter: $filter) {
      ...ManagedUserRow
    }
  }
`);
