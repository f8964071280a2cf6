import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { formatCount } from "../../../shared/format";
import { describeError } from "../../../shared/graphql-errors";
import { REFRESH_ALERTS } from "../graphql/refresh-alerts.mutation";

/** Admins recompute the alerts without waiting for the next scheduled run. */
export function RefreshAlertsButton() {
  const [notice, setNotice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [refreshAlerts, { loading }] = useMutation(REFRESH_ALERTS, {
    update(cache) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "alerts" });
      cache.gc();
    },
  });

  async function handleClick() {
    setNotice("");
    setError(null);
    try {
      const { data } = await refreshAlerts();
      if (!data) return;
      const { opened, resolved, updated } = data.refreshAlerts;
      setNotice(
        `Alertes recalculées : ${formatCount(opened, "nouvelle", "nouvelles")}, ${formatCount(resolved, "résolue", "résolues")}, ${formatCount(updated, "mise à jour", "mises à jour")}.`,
      );
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <div className="refresh-alerts">
      <button type="button" className="button" onClick={() => void handleClick()} disabled={loading}>
        {loading && <Spinner />} Recalculer les alertes
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <LiveStatus message={notice} />
    </div>
  );
}
