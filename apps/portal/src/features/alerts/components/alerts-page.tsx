import { useQuery } from "@apollo/client/react";
import { useCallback, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { AlertFilter, AlertKind } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount, formatDate } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { ALERT_KIND_LABELS, ALERT_KINDS, isAlertKind } from "../../../shared/labels";
import { useSession } from "../../auth";
import { ConnectionPagination, useCursorPagination } from "../../projects";
import { ALERTS } from "../graphql/alerts.query";
import { RefreshAlertsButton } from "./refresh-alerts-button";

export const ALERTS_PAGE_SIZE = 25;

/** French query-string keys, so a filtered list can be bookmarked. */
export const ALERT_FILTER_PARAMS = { kind: "type", mine: "mes-projets" } as const;

type AlertListFilters = { kind: AlertKind | null; mine: boolean };

function parseAlertFilters(params: URLSearchParams): AlertListFilters {
  const kind = params.get(ALERT_FILTER_PARAMS.kind);
  return { kind: isAlertKind(kind) ? kind : null, mine: params.get(ALERT_FILTER_PARAMS.mine) === "1" };
}

function toAlertFilter(filters: AlertListFilters): AlertFilter {
  const filter: AlertFilter = {};
  if (filters.kind) filter.kinds = [filters.kind];
  if (filters.mine) filter.mine = true;
  return filter;
}

/** « Alertes »: open alerts on the federation's projects, soonest deadline first. */
export function AlertsPage() {
  useDocumentTitle("Alertes");
  const user = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseAlertFilters(searchParams), [searchParams]);
  const filter = toAlertFilter(filters);
  const hasFilters = Object.keys(filter).length > 0;
  const pagination = useCursorPagination(JSON.stringify(filter));

  const updateFilters = useCallback(
    (patch: Partial<AlertListFilters>) => {
      setSearchParams(
        (current) => {
          const next = { ...parseAlertFilters(current), ...patch };
          const params = new URLSearchParams();
          if (next.kind) params.set(ALERT_FILTER_PARAMS.kind, next.kind);
          if (next.mine) params.set(ALERT_FILTER_PARAMS.mine, "1");
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  const { data, previousData, loading, error, refetch } = useQuery(ALERTS, {
    variables: {
      filter,
      first: ALERTS_PAGE_SIZE,
      ...(pagination.after ? { after: pagination.after } : {}),
    },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const connection = (data ?? previousData)?.alerts;

  return (
    <section aria-labelledby="alerts-title">
      <div className="page-header">
        <h1 id="alerts-title">Alertes</h1>
        {user.role === "FEDERATION_ADMIN" && <RefreshAlertsButton />}
      </div>

      <form className="filters" role="search" aria-label="Filtrer les alertes" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="alert-kind">Type d’alerte</label>
          <select
            id="alert-kind"
            value={filters.kind ?? ""}
            onChange={(e) => updateFilters({ kind: isAlertKind(e.target.value) ? e.target.value : null })}
          >
            <option value="">Tous les types</option>
            {ALERT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ALERT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input
            id="alert-mine"
            type="checkbox"
            checked={filters.mine}
            onChange={(e) => updateFilters({ mine: e.target.checked })}
          />
          <label htmlFor="alert-mine">Mes projets</label>
        </div>
      </form>

      {error && !connection ? (
        <ErrorState
          title="Impossible de charger les alertes"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !connection ? (
        <PageLoading label="Chargement des alertes…" />
      ) : (
        <>
          <p className="result-count" role="status">
            {formatCount(connection.totalCount, "alerte en cours", "alertes en cours")}
          </p>
          {connection.edges.length === 0 ? (
            <div className="state state--empty">
              <p className="state__title">Aucune alerte en cours</p>
              {hasFilters && (
                <button type="button" className="button" onClick={() => updateFilters({ kind: null, mine: false })}>
                  Réinitialiser les filtres
                </button>
              )}
            </div>
          ) : (
            <div className="table-wrapper" role="region" aria-label="Liste des alertes" tabIndex={0}>
              <table className="table" aria-busy={loading}>
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Projet</th>
                    <th scope="col">Message</th>
                    <th scope="col">Échéance</th>
                    <th scope="col">Créée le</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node: alert }) => (
                    <tr key={alert.id}>
                      <td>
                        <span className={`badge badge--alert badge--alert-${alert.kind.toLowerCase().replaceAll("_", "-")}`}>
                          {alert.kindLabel}
                        </span>
                      </td>
                      <th scope="row">
                        <Link to={`/projets/${encodeURIComponent(alert.project.id)}`}>{alert.project.name}</Link>
                      </th>
                      <td>{alert.message}</td>
                      <td>
                        {alert.dueAt ? (
                          <time dateTime={alert.dueAt}>{formatDate(alert.dueAt)}</time>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>
                        <time dateTime={alert.createdAt}>{formatDate(alert.createdAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ConnectionPagination pagination={pagination} pageInfo={connection.pageInfo} isBusy={loading} />
        </>
      )}
    </section>
  );
}
