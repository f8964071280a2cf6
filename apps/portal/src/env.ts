/**
 * The only module that reads `import.meta.env` (STYLE.md §8, §11.12).
 * Values are validated once at start-up; the rest of the portal imports `env`.
 */

type Env = {
  /** GraphQL endpoint. Same-origin `/graphql` by default (the API serves the portal). */
  graphqlUrl: string;
  isDev: boolean;
};

function readGraphqlUrl(raw: string | undefined): string {
  if (raw === undefined || raw === "") return "/graphql";
  if (!(raw.startsWith("/") || /^https?:\/\//.test(raw))) {
    throw new Error(`VITE_GRAPHQL_URL must be a path or an http(s) URL, got ${raw}`);
  }
  return raw;
}

export const env: Env = Object.freeze({
  graphqlUrl: readGraphqlUrl(import.meta.env.VITE_GRAPHQL_URL),
  isDev: import.meta.env.DEV,
});
