import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { LOGOUT } from "../graphql/logout.mutation";

/** Ends the session, forgets every cached answer and goes back to the login page. */
export function useLogout() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logoutMutation, { loading }] = useMutation(LOGOUT);

  const logout = useCallback(async () => {
    try {
      await logoutMutation();
    } catch {
      // Already signed out (expired session): the outcome is the same.
    } finally {
      await client.clearStore();
      await navigate("/connexion", { replace: true });
    }
  }, [client, logoutMutation, navigate]);

  return { logout, isLoggingOut: loading };
}
