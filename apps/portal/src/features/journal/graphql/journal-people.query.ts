import { graphql } from "../../../gql";

/** The people of the federation, for the « Personne » filter of the « Journal » (FEDERATION_ADMIN only). */
export const JOURNAL_PEOPLE = graphql(`
  query JournalPeople {
    users {
      id
      displayName
      email
    }
  }
`);
