import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { formatCount, formatDateTime } from "../../../shared/format";
import { ConnectionPagination, useCursorPagination } from "../../projects";
import { RESEARCH_QUERIES } from "../graphql/research-queries.query";
import type { ResearchDimension, ResearchMeasure, ResearchQueryRecord } from "../types";
import { formatEpsilon } from "../utils/format-value";

export const HISTORY_PAGE_SIZE = 10;

type QueryHistoryPanelProps = {
  measureLabel: (m: ResearchMeasure) => string;
  dimensionLabel: (d: ResearchDimension) => string;
  onRerun: (record: ResearchQueryRecord) => void;
  isRunning: boolean;
};

/** « Mes requêtes »: the researcher's own queries, newest first, each with a button to run it again (R8 log). */
export function QueryHistoryPanel({ measureLabel, dimensionLabel, onRerun, isRunning }: QueryHistoryPanelProps) {
  const id = useId();
  const pagination = useCursorPagination("history");
  const { data, previousData, loading, error, refetch } = useQuery(RESEARCH_QUERIES, {
    variables: { first: HISTORY_PAGE_SIZE, ...(pagination.after ? { after: pagination.after } : {}) },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const connection = (data ?? previousData)?.researchQueries;

  return (
    <section className="card research-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Mes requêtes</h2>
      {error && !connection ? (
        <div className="state state--error" role="alert">
          <p>L’historique n’a pas pu être chargé.</p>
          <button type="button" className="button button--small" onClick={() => void refetch().catch(() => undefined)}>
            Réessayer
          </button>
        </div>
      ) : !connection ? (
        <p className="muted" role="status">
          Chargement de l’historique…
        </p>
      ) : connection.totalCount === 0 ? (
        <p className="muted">Aucune requête pour l’instant : vos requêtes apparaîtront ici.</p>
      ) : (
        <>
          <p className="muted">{formatCount(connection.totalCount, "requête", "requêtes")} au total.</p>
          <ol className="research-history" aria-busy={loading}>
            {connection.edges.map(({ node }) => {
              const when = formatDateTime(node.createdAt);
              const dims = node.groupBy.map(dimensionLabel).join(" × ");
              return (
                <li key={node.id} className="research-history__item">
                  <p className="research-history__what">
                    <strong>{measureLabel(node.measure)}</strong>
                    {node.indicatorCode ? ` (${node.indicatorCode})` : ""}
                    {dims ? ` — ${dims}` : ""}
                  </p>
                  <p className="research-history__meta muted">
                    <time dateTime={node.createdAt}>{when}</time> · {formatCount(node.cellsReturned, "case", "cases")}, {formatCount(node.cellsSuppressed, "masquée", "masquées")}
                    {node.epsilon !== null && node.epsilon !== undefined ? ` · ε = ${formatEpsilon(node.epsilon)}` : ""}
                  </p>
                  <button type="button" className="button button--small" onClick={() => onRerun(node)} disabled={isRunning} aria-label={`Relancer la requête du ${when}`}>
                    Relancer
                  </button>
                </li>
              );
            })}
          </ol>
          <ConnectionPagination pagination={pagination} pageInfo={connection.pageInfo} isBusy={loading} />
        </>
      )}
    </section>
  );
}
