import { useEffect, useId, useRef, useState } from "react";
import { formatDate } from "../../../shared/format";
import type { CreatedToken } from "./create-api-token-form";

/**
 * The secret of a token just created, shown this once (the API keeps only its hash): a copy button, a warning,
 * and a button to hide it once copied. Focus moves here so that keyboard and screen-reader users find it.
 */
export function NewTokenPanel({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(created.token);
      setCopyStatus("Jeton copié dans le presse-papiers.");
    } catch {
      // No clipboard access (permissions, insecure origin): select the text for a manual copy.
      inputRef.current?.select();
      setCopyStatus("Copie automatique impossible : le jeton est sélectionné, copiez-le avec Ctrl+C.");
    }
  }

  return (
    <section className="card card--highlight api-token-secret" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Jeton « {created.apiToken.name} » créé
      </h2>
      <p className="api-token-secret__warning" role="note">
        <strong>Copiez ce jeton maintenant : il ne sera plus jamais affiché.</strong> Conservez-le comme un mot de passe
        (gestionnaire de secrets, variable d’environnement) et ne le partagez pas. Il expire le {formatDate(created.apiToken.expiresAt)}.
      </p>
      <div className="field">
        <label htmlFor={`${id}-token`}>Votre jeton</label>
        <div className="api-token-secret__value">
          <input id={`${id}-token`} ref={inputRef} readOnly value={created.token} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            Copier le jeton
          </button>
        </div>
      </div>
      <div role="status" className="live-status">
        {copyStatus && <p className="notice notice--success">{copyStatus}</p>}
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onDismiss}>
          J’ai copié le jeton, le masquer
        </button>
      </div>
    </section>
  );
}
