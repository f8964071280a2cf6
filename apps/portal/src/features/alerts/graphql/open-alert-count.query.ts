import { graphql } from "../../../gql";

/** How many alerts are open on the projects the user may see (the navigation badge). */
export const OPEN_ALERT_COUNT = graphql(`
  query OpenAlertCount {
    alerts(first: 1) {
      totalCount
    }
  }
`);
