import type { ReactNode } from "react";
import { Link } from "react-router";
import { useDocumentTitle } from "../hooks/use-document-title";

type StatusPageProps = {
  title: string;
  children: ReactNode;
  backTo?: { to: string; label: string };
};

/** A full page for « introuvable » / « accès refusé » situations. */
export function StatusPage({ title, children, backTo = { to: "/", label: "Retour à l’accueil" } }: StatusPageProps) {
  useDocumentTitle(title);
  return (
    <section className="status-page" aria-labelledby="status-page-title">
      <h1 id="status-page-title">{title}</h1>
      <div className="status-page__body">{children}</div>
      <p>
        <Link to={backTo.to}>{backTo.label}</Link>
      </p>
    </section>
  );
}
