import type { ApiTokenRowFragment } from "../../../gql/graphql";

export type TokenStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export const TOKEN_STATUS_LABELS: Readonly<Record<TokenStatus, string>> = {
  ACTIVE: "Actif",
  EXPIRED: "Expiré",
  REVOKED: "Révoqué",
};

/** Revoked wins over expired: a revoked token stays revoked whatever its expiry. */
export function tokenStatus(token: Pick<ApiTokenRowFragment, "expiresAt" | "revokedAt">, now: Date = new Date()): TokenStatus {
  if (token.revokedAt) return "REVOKED";
  return new Date(token.expiresAt).getTime() <= now.getTime() ? "EXPIRED" : "ACTIVE";
}

export const DEFAULT_VALIDITY_DAYS = 90;
export const MAX_VALIDITY_DAYS = 365;

/** The validity typed in the form, or a French message (1 to 365 whole days, as the API checks). */
export function parseValidityDays(raw: string): { days: number } | { error: string } {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed)) return { error: `Indiquez un nombre entier de jours, de 1 à ${MAX_VALIDITY_DAYS}.` };
  const days = Number(trimmed);
  if (days < 1 || days > MAX_VALIDITY_DAYS) return { error: `La durée de validité va de 1 à ${MAX_VALIDITY_DAYS} jours.` };
  return { days };
}

/** A shell example calling the API with a token (the secret itself, or a placeholder). */
export function curlExample(origin: string, token = "mlg_VOTRE_JETON"): string {
  const query = JSON.stringify({ query: "{ me { displayName role } }" });
  return [
    `curl ${origin}/graphql \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${query}'`,
  ].join("\n");
}

/** What each scope lets a script do, in French (the API's ApiTokenScope). */
export const SCOPE_OPTIONS = [
  { value: "RESEARCH_READ", label: "Espace recherche (lecture)", hint: "agrégats, exports, catalogue et historique de la recherche" },
  { value: "READ", label: "Lecture de toutes vos données", hint: "toutes les requêtes et tous les exports que votre rôle permet" },
  { value: "WRITE", label: "Modifications", hint: "créer ou modifier des données (à ne demander que si le script en a besoin)" },
] as const;
export type ScopeValue = (typeof SCOPE_OPTIONS)[number]["value"];

/** The scopes of a token, in French, for the list (« Espace recherche (lecture), Modifications »). */
export function scopesLabel(scopes: readonly string[]): string {
  return SCOPE_OPTIONS.filter((o) => scopes.includes(o.value))
    .map((o) => o.label)
    .join(", ");
}
