import { StatusPage } from "./status-page";

export function ForbiddenPage() {
  return (
    <StatusPage title="Accès refusé">
      <p>Votre rôle ne vous donne pas accès à cette page.</p>
    </StatusPage>
  );
}
