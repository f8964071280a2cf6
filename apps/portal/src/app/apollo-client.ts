import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { ErrorLink } from "@apollo/client/link/error";
import { env } from "../env";
import { hasErrorCode } from "../shared/graphql-errors";

/** Operations that handle UNAUTHENTICATED themselves (session gate, login form). */
const SELF_HANDLED_AUTH_OPERATIONS = new Set(["Me", "Login", "Logout"]);

/** The cache, shared with tests so they normalise data exactly like the app. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // Reference data identified by their INSEE/COG code, not by an `id`.
      Region: { keyFields: ["code"] },
      Departement: { keyFields: ["code"] },
      Commune: { keyFields: ["code"] },
    },
  });
}

type CreateApolloClientOptions = {
  /** Called when an operation fails because the session expired. */
  onUnauthenticated?: () => void;
};

export function createApolloClient({ onUnauthenticated }: CreateApolloClientOptions = {}) {
  const httpLink = new HttpLink({
    uri: env.graphqlUrl,
    // The session is an httpOnly cookie set by `login` on the same origin.
    credentials: "same-origin",
    // The API rejects requests that a browser could send cross-site without a preflight (CSRF).
    headers: { "apollo-require-preflight": "true" },
  });

  const sessionExpiredLink = new ErrorLink(({ error, operation }) => {
    if (
      onUnauthenticated &&
      !SELF_HANDLED_AUTH_OPERATIONS.has(operation.operationName ?? "") &&
      hasErrorCode(error, "UNAUTHENTICATED")
    ) {
      onUnauthenticated();
    }
  });

  return new ApolloClient({
    link: ApolloLink.from([sessionExpiredLink, httpLink]),
    cache: createCache(),
    devtools: { enabled: env.isDev },
  });
}
