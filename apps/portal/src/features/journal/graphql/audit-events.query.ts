import { graphql } from "../../../gql";

/** One page of the federation's audit log, newest first (FEDERATION_ADMIN only). */
export const AUDIT_EVENTS = graphql(`
  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...AuditEventRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
