import { graphql } from "../../../gql";

/** An entry of the « Journal » (the action key is kept for the filter, never shown). */
export const AUDIT_EVENT_ROW = graphql(`
  fragment AuditEventRow on AuditEvent {
    id
    createdAt
    action
    label
    actor {
      id
      displayName
      email
    }
    summary
  }
`);
