import { graphql } from "../../../gql";

/** Recomputes the federation's alerts now (admins; the API also does it on a schedule). */
export const REFRESH_ALERTS = graphql(`
  mutation RefreshAlerts {
    refreshAlerts {
      opened
      resolved
      updated
    }
  }
`);
