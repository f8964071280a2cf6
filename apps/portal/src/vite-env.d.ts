/// <reference types="vite/client" />

// Read only by src/env.ts.
interface ImportMetaEnv {
  /** GraphQL endpoint; defaults to the same-origin `/graphql`. */
  readonly VITE_GRAPHQL_URL?: string;
}
