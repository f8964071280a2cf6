import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import type { ApiTokenRowFragment } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatDate, formatDateTime } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { API_TOKENS } from "../graphql/api-tokens.query";
import { curlExample, scopesLabel, TOKEN_STATUS_LABELS, tokenStatus } from "../utils/token-status";
import { CreateApiTokenForm, type CreatedToken } from "./create-api-token-form";
import { NewTokenPanel } from "./new-token-panel";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

/**
 * « Jetons d’API » (every signed-in user): personal tokens for scripts, sent as `Authorization: Bearer <jeton>`
 * on /graphql and the exports. A token is shown once at creation (the API stores only its hash), expires after
 * 1 to 365 days, can be revoked, and every use is recorded in the audit log.
 */
export function ApiTokensPage() {
  useDocumentTitle("Jetons d’API");
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [status, setStatus] = useState("");
  const { data, loading, error, refetch } = useQuery(API_TOKENS, { fetchPolicy: "cache-and-network", nextFetchPolicy: "cache-first" });
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <section aria-labelledby="api-tokens-title" className="api-tokens-page">
      <div className="page-header">
        <h1 id="api-tokens-title">Jetons d’API</h1>
      </div>
      <p className="page-intro">
        Un jeton personnel permet à vos scripts d’interroger Maillage avec <strong>vos droits</strong>, sans mot de passe. Il
        expire à la date choisie, vous pouvez le révoquer à tout moment, et chaque utilisation est enregistrée dans le
        journal d’audit de la fédération.
      </p>

      {created ? (
        <NewTokenPanel
          created={created}
          onDismiss={() => {
            setCreated(null);
            setStatus("Le jeton n’est plus affiché.");
          }}
        />
      ) : (
        <CreateApiTokenForm
          onCreated={(token) => {
            setStatus("");
            setCreated(token);
          }}
        />
      )}

      <LiveStatus message={status} />

      <section aria-labelledby="api-tokens-list-title" className="api-tokens-list">
        <h2 id="api-tokens-list-title">Mes jetons</h2>
        {error && !data ? (
          <ErrorState title="Impossible de charger vos jetons" message="Le serveur n’a pas répondu correctement. Réessayez dans un instant." onRetry={() => void refetch().catch(() => undefined)} />
        ) : !data ? (
          <PageLoading label="Chargement de vos jetons…" />
        ) : data.apiTokens.length === 0 ? (
          <div className="state state--empty">
            <p className="state__title">Vous n’avez aucun jeton.</p>
            <p>Créez-en un ci-dessus pour utiliser l’API depuis un script.</p>
          </div>
        ) : (
          <TokenTable tokens={data.apiTokens} busy={loading} onRevoked={setStatus} />
        )}
      </section>

      <section aria-labelledby="api-tokens-usage-title" className="card api-tokens-usage">
        <h2 id="api-tokens-usage-title">Utiliser un jeton</h2>
        <p>
          Envoyez le jeton dans l’en-tête <code>Authorization: Bearer</code> de chaque requête vers <code>/graphql</code> (ou vers
          les exports CSV et XLSX). Par exemple, avec <code>curl</code> :
        </p>
        <pre className="api-tokens-usage__example" tabIndex={0} aria-label="Exemple de requête avec curl">
          <code>{curlExample(origin)}</code>
        </pre>
        <p className="muted">Un jeton ne peut pas créer d’autre jeton : la création se fait toujours depuis ce portail.</p>
      </section>
    </section>
  );
}

function TokenTable({ tokens, busy, onRevoked }: { tokens: readonly ApiTokenRowFragment[]; busy: boolean; onRevoked: (message: string) => void }) {
  const now = new Date();
  return (
    <div className="table-wrapper" role="region" aria-label="Liste de mes jetons" tabIndex={0}>
      <table className="table" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Début du jeton</th>
            <th scope="col">Portée</th>
            <th scope="col">Créé le</th>
            <th scope="col">Expire le</th>
            <th scope="col">Dernière utilisation</th>
            <th scope="col">Statut</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{scopesLabel(token.scopes)}</td>
                <td>{formatDate(token.createdAt)}</td>
                <td>{formatDate(token.expiresAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">Jamais</span>}</td>
                <td>
                  <span className={`badge api-token-status api-token-status--${status.toLowerCase()}`}>{TOKEN_STATUS_LABELS[status]}</span>
                  {status === "REVOKED" && token.revokedAt && <span className="muted api-token-status__date"> le {formatDate(token.revokedAt)}</span>}
                </td>
                <td>{status === "ACTIVE" && <RevokeApiTokenButton token={token} onRevoked={onRevoked} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
