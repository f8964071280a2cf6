import type { ReactNode } from "react";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";

/** The centred card of the pages a visitor sees without a session (login, forgotten password, reset). */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main className="login-page" id="contenu">
      <div className="login-card">
        <p className="login-card__brand">Maillage</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
