import { useQuery } from "@apollo/client/react";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { ME } from "../graphql/me.query";
import { SessionContext } from "../hooks/use-session";

/** Where to go back after signing in, and whether the session ended while the person was using the portal. */
export type LoginRedirectState = { from?: string; expired?: boolean };

/** Renders its routes for a signed-in user; sends everyone else to /connexion. */
export function SessionGate() {
  const location = useLocation();
  const { data, error, refetch } = useQuery(ME);

  if (hasErrorCode(error, "UNAUTHENTICATED")) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/connexion" replace state={state} />;
  }
  if (error) {
    return (
      <main className="centered-page">
        <ErrorState
          title="Impossible de vérifier votre session"
          message="Le serveur ne répond pas. Vérifiez votre connexion et réessayez."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </main>
    );
  }
  if (!data) {
    return (
      <main className="centered-page">
        <PageLoading />
      </main>
    );
  }
  return (
    <SessionContext value={data.me}>
      <Outlet />
    </SessionContext>
  );
}
