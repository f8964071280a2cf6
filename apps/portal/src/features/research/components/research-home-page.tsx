import { useDocumentTitle } from "../../../shared/hooks/use-document-title";

export function ResearchHomePage() {
  useDocumentTitle("Espace recherche");
  return (
    <section aria-labelledby="research-title" className="narrow">
      <h1 id="research-title">Espace recherche</h1>
      <div className="card">
        <p>
          Cet espace accueillera prochainement les requêtes agrégées et anonymisées sur l’activité des maisons de
          santé pluriprofessionnelles suivies par la fédération.
        </p>
        <p>
          Conformément au secret statistique, seuls des résultats agrégés y seront proposés : votre compte ne donne
          pas accès aux projets ni aux données individuelles des MSP.
        </p>
      </div>
    </section>
  );
}
