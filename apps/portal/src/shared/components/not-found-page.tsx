import { StatusPage } from "./status-page";

export function NotFoundPage() {
  return (
    <StatusPage title="Page introuvable">
      <p>L’adresse demandée ne correspond à aucune page de Maillage. Vérifiez le lien ou revenez à l’accueil.</p>
    </StatusPage>
  );
}
