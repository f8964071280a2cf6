import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { Spinner } from "../../../shared/components/spinner";
import { formatDateTime } from "../../../shared/format";
import { PROJECT_TIMELINE } from "../graphql/project-timeline.query";

export const TIMELINE_PAGE_SIZE = 20;
/** The API serves at most 500 events. */
const TIMELINE_MAX = 500;

/** « Historique »: what happened to the project, newest first. */
export function TimelineSection({ projectId }: { projectId: string }) {
  const titleId = useId();
  const [first, setFirst] = useState(TIMELINE_PAGE_SIZE);
  const { data, previousData, loading, error, refetch } = useQuery(PROJECT_TIMELINE, {
    variables: { id: projectId, first },
    notifyOnNetworkStatusChange: true,
  });
  // While more events load, keep showing those already there.
  const events = (data ?? previousData)?.project.timeline;
  const hasMore = events !== undefined && events.length >= first && first < TIMELINE_MAX;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Historique</h2>
      {error && !events ? (
        <ErrorState
          title="Impossible de charger l’historique"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !events ? (
        <PageLoading label="Chargement de l’historique…" />
      ) : events.length === 0 ? (
        <p className="muted">Aucun événement pour le moment.</p>
      ) : (
        <>
          <ol className="timeline" aria-label="Événements du projet, du plus récent au plus ancien" aria-busy={loading}>
            {events.map((event) => (
              <li key={event.id} className="timeline__event">
                <p className="timeline__label">{event.label}</p>
                {event.detail && <p className="timeline__detail">{event.detail}</p>}
                <p className="timeline__meta">
                  <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                  {event.actor && <> · {event.actor.displayName}</>}
                </p>
              </li>
            ))}
          </ol>
          {error && <p className="form-error" role="alert">Les événements suivants n’ont pas pu être chargés.</p>}
          {hasMore && (
            <button
              type="button"
              className="button"
              disabled={loading}
              onClick={() => setFirst((current) => Math.min(current + TIMELINE_PAGE_SIZE, TIMELINE_MAX))}
            >
              {loading && <Spinner />} Voir plus
            </button>
          )}
        </>
      )}
    </section>
  );
}
