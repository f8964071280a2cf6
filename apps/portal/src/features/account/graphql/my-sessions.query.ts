import { graphql } from "../../../gql";

/** The signed-in user's open sessions, the most recently used first. */
export const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      current
    }
  }
`);
