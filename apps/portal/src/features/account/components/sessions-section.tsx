import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import type { MySessionsQuery } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatDateTime } from "../../../shared/format";
import { describeError } from "../../../shared/graphql-errors";
import { MY_SESSIONS } from "../graphql/my-sessions.query";
import { REVOKE_MY_SESSION } from "../graphql/revoke-my-session.mutation";
import { describeUserAgent } from "../utils/describe-user-agent";

type Session = MySessionsQuery["mySessions"][number];

/** « Sessions ouvertes »: the browsers where the user is signed in, and the closing of the other ones. */
export function SessionsSection() {
  const { data, loading, error, refetch } = useQuery(MY_SESSIONS, { fetchPolicy: "cache-and-network" });
  const [revoke] = useMutation(REVOKE_MY_SESSION);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [failure, setFailure] = useState("");

  async function close(session: Session) {
    setPendingId(session.id);
    setNotice("");
    setFailure("");
    try {
      await revoke({ variables: { id: session.id } });
      await refetch();
      setNotice(`La session « ${describeUserAgent(session.userAgent)} » a été fermée.`);
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setPendingId(null);
    }
  }

  const sessions = data?.mySessions;
  return (
    <section className="card account-section" aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title">Sessions ouvertes</h2>
      <p className="muted">Les navigateurs où vous êtes connecté·e. Fermez ceux que vous n’utilisez plus ou que vous ne reconnaissez pas.</p>

      <div role="status" className="live-status">
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}

      {error && !sessions ? (
        <ErrorState
          title="Impossible de charger vos sessions"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !sessions ? (
        loading && <PageLoading label="Chargement des sessions…" />
      ) : (
        <ul className="account-sessions" aria-label="Sessions ouvertes">
          {sessions.map((session) => {
            const browser = describeUserAgent(session.userAgent);
            return (
              <li key={session.id} className="account-sessions__item">
                <div className="account-sessions__text">
                  <p className="account-sessions__browser">
                    {browser}
                    {session.current && <span className="badge account-sessions__current">Cette session</span>}
                  </p>
                  <p className="account-sessions__dates muted">
                    Ouverte le <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>, dernière activité le{" "}
                    <time dateTime={session.lastSeenAt}>{formatDateTime(session.lastSeenAt)}</time>
                  </p>
                </div>
                {!session.current && (
                  <button
                    type="button"
                    className="button"
                    aria-label={`Fermer la session ${browser} ouverte le ${formatDateTime(session.createdAt)}`}
                    disabled={pendingId !== null}
                    onClick={() => void close(session)}
                  >
                    {pendingId === session.id ? "Fermeture…" : "Fermer"}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
