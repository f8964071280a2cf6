import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState } from "react";
import type { AuditEventRowFragment } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount, formatDateTime } from "../../../shared/format";
import { getFieldErrors } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { ConnectionPagination, useCursorPagination } from "../../projects";
import { AUDIT_EVENTS } from "../graphql/audit-events.query";
import { JOURNAL_PEOPLE } from "../graphql/journal-people.query";
import { useJournalFilters } from "../hooks/use-journal-filters";
import { describeAuditSummary } from "../utils/audit-summary";
import { auditCsvHref, hasActiveJournalFilters, toAuditEventFilter } from "../utils/journal-filters";
import { type ActionOption, JournalFiltersForm } from "./journal-filters";

export const JOURNAL_PAGE_SIZE = 50;

const byLabel = (a: ActionOption, b: ActionOption) => a.label.localeCompare(b.label, "fr");

/** The actions met so far (key → French label), for the « Action » filter: the API has no list of them. */
function useKnownActions(events: readonly AuditEventRowFragment[] | undefined): ActionOption[] {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    if (!events) return;
    setKnown((previous) => {
      const missing = events.filter((e) => previous.get(e.action) !== e.label);
      if (missing.length === 0) return previous;
      const next = new Map(previous);
      for (const e of missing) next.set(e.action, e.label);
      return next;
    });
  }, [events]);
  return useMemo(() => [...known].map(([action, label]) => ({ action, label })).sort(byLabel), [known]);
}

/**
 * « Journal » (federation admins): who did what and when in the federation, newest first, with filters kept in
 * the URL, by pages, and the same rows as a CSV file.
 */
export function JournalPage() {
  useDocumentTitle("Journal");
  const { filters, updateFilters, resetFilters } = useJournalFilters();
  const filter = toAuditEventFilter(filters);
  const pagination = useCursorPagination(JSON.stringify(filter));

  const { data, previousData, loading, error, refetch } = useQuery(AUDIT_EVENTS, {
    variables: { filter, first: JOURNAL_PAGE_SIZE, ...(pagination.after ? { after: pagination.after } : {}) },
    notifyOnNetworkStatusChange: true,
    // The journal grows all the time: show what is in the cache, then the server's answer.
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const connection = (data ?? previousData)?.auditEvents;
  const events = useMemo(() => data?.auditEvents.edges.map((edge) => edge.node), [data]);
  const actions = useKnownActions(events);

  const people = useQuery(JOURNAL_PEOPLE);
  const fieldErrors = getFieldErrors(error);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  return (
    <section aria-labelledby="journal-title" className="journal-page">
      <div className="page-header">
        <h1 id="journal-title">Journal</h1>
        <a className="button" href={auditCsvHref(filters)} download>
          Exporter en CSV
        </a>
      </div>
      <p className="page-intro">Les actions faites dans votre fédération, les plus récentes d’abord : qui a fait quoi, et quand.</p>

      <JournalFiltersForm
        filters={filters}
        people={people.data?.users ?? []}
        actions={actions}
        fieldErrors={fieldErrors}
        onChange={updateFilters}
        onReset={resetFilters}
      />

      {hasFieldErrors ? (
        <div className="state state--error" role="alert">
          <p className="state__title">Certains critères ne sont pas valides</p>
          <p>Corrigez-les pour afficher le journal.</p>
        </div>
      ) : error ? (
        <ErrorState
          title="Impossible de charger le journal"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !connection ? (
        <PageLoading label="Chargement du journal…" />
      ) : (
        <>
          <p className="result-count" role="status">
            {formatCount(connection.totalCount, "événement", "événements")}
          </p>
          {connection.edges.length === 0 ? (
            <div className="state state--empty">
              <p className="state__title">Aucun événement ne correspond à ces critères.</p>
              {hasActiveJournalFilters(filters) && (
                <button type="button" className="button" onClick={resetFilters}>
                  Réinitialiser les filtres
                </button>
              )}
            </div>
          ) : (
            <div className="table-wrapper" role="region" aria-label="Événements du journal" tabIndex={0}>
              <table className="table journal-table" aria-busy={loading}>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Action</th>
                    <th scope="col">Personne</th>
                    <th scope="col">Détail</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node: event }) => (
                    <JournalRow key={event.id} event={event} />
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

function JournalRow({ event }: { event: AuditEventRowFragment }) {
  const detail = describeAuditSummary(event.summary);
  return (
    <tr>
      <td className="journal-table__date">
        <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
      </td>
      <th scope="row">{event.label}</th>
      <td>
        {event.actor ? (
          <>
            <span className="journal-table__name">{event.actor.displayName}</span>
            <span className="journal-table__email muted">{event.actor.email}</span>
          </>
        ) : (
          "Système"
        )}
      </td>
      <td>
        {detail.length > 0 ? (
          <ul className="journal-table__detail">
            {detail.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <>
            <span aria-hidden="true" className="muted">
              —
            </span>
            <span className="visually-hidden">Aucun détail</span>
          </>
        )}
      </td>
    </tr>
  );
}
