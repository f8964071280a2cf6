import { useQuery } from "@apollo/client/react";
import { formatNumber } from "../../../shared/format";
import { OPEN_ALERT_COUNT } from "../graphql/open-alert-count.query";

/** Refreshed every few minutes while the portal is open. */
export const ALERT_COUNT_POLL_MS = 5 * 60_000;

/** The number of open alerts, beside « Alertes » in the navigation (nothing when there are none). */
export function AlertCountBadge() {
  const { data } = useQuery(OPEN_ALERT_COUNT, { pollInterval: ALERT_COUNT_POLL_MS });
  const count = data?.alerts.totalCount ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span className="nav-badge" aria-hidden="true">
        {formatNumber(count)}
      </span>
      <span className="visually-hidden"> ({count > 1 ? `${formatNumber(count)} alertes en cours` : "1 alerte en cours"})</span>
    </>
  );
}
