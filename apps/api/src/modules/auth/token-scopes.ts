/**
 * What a personal API token may do (issue "Going live", item 5): `research:read` — the research space (aggregates,
 * their exports, catalogue, history, budget, settings) and `me` — by default; `read` — every query the user's role
 * allows; `write` — mutations (never creating a token nor changing a password: those need the portal). A session
 * (the portal) has every scope.
 */
export const TOKEN_SCOPES = ["research:read", "read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Root fields a `research:read` token may call. */
export const RESEARCH_ROOT_FIELDS: ReadonlySet<string> = new Set(["me", "researchAggregate", "researchCatalog", "researchQueries", "researchBudget", "researchSettings"]);

/** Whether scopes allow a need (`read` includes `research:read`). */
export function scopesAllow(scopes: readonly string[], need: TokenScope): boolean {
  if (scopes.includes(need)) return true;
  return need === "research:read" && scopes.includes("read");
}

/** The scope a GraphQL root field needs. */
export const scopeForRootField = (operation: "Query" | "Mutation", field: string): TokenScope =>
  operation === "Mutation" ? "write" : RESEARCH_ROOT_FIELDS.has(field) ? "research:read" : "read";

export const SCOPE_LABELS: Readonly<Record<TokenScope, string>> = {
  "research:read": "lecture de l'espace recherche",
  read: "lecture de toutes les données de votre rôle",
  write: "modifications",
};
