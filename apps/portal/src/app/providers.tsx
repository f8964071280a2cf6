import { ApolloProvider } from "@apollo/client/react";
import { RouterProvider } from "react-router";
import { createApolloClient } from "./apollo-client";
import { createAppRouter } from "./router";

const router = createAppRouter();

const client = createApolloClient({
  // The session expired while browsing: forget cached data and ask to sign in again.
  onUnauthenticated: () => {
    void client.clearStore().then(() =>
      router.navigate("/connexion", {
        replace: true,
        state: { from: `${router.state.location.pathname}${router.state.location.search}`, expired: true },
      }),
    );
  },
});

export function App() {
  return (
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  );
}
