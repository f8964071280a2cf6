import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import type { ApiTokenRowFragment } from "../../../gql/graphql";
import { Spinner } from "../../../shared/components/spinner";
import { describeError } from "../../../shared/graphql-errors";
import { REVOKE_API_TOKEN } from "../graphql/revoke-api-token.mutation";

/** « Révoquer », then an inline confirmation (focus moves to it; « Annuler » brings it back). */
export function RevokeApiTokenButton({ token, onRevoked }: { token: ApiTokenRowFragment; onRevoked: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const [revoke, { loading }] = useMutation(REVOKE_API_TOKEN);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function confirm() {
    setError(null);
    try {
      await revoke({ variables: { id: token.id } });
      setConfirming(false);
      onRevoked(`Le jeton « ${token.name} » est révoqué : il ne permet plus d’accéder à l’API.`);
    } catch (e) {
      setError(describeError(e));
    }
  }

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className="button button--small" onClick={() => setConfirming(true)} aria-label={`Révoquer le jeton « ${token.name} »`}>
        Révoquer
      </button>
    );
  }
  return (
    <div className="api-token-revoke" role="group" aria-label={`Confirmer la révocation du jeton « ${token.name} »`}>
      <p>Les scripts qui utilisent ce jeton cesseront aussitôt de fonctionner. Cette action est définitive.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button ref={confirmRef} type="button" className="button button--small button--danger" onClick={() => void confirm()} disabled={loading}>
          {loading && <Spinner />} Confirmer la révocation
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setConfirming(false);
            setError(null);
            requestAnimationFrame(() => openRef.current?.focus());
          }}
        >
          Annuler
        </button>
      </div>
    </div>
  );
}
