import { Navigate } from "react-router";
import { StatusPage } from "../../../shared/components/status-page";
import { homePathFor, useSession } from "../../auth";

/** « Mon projet » of an MSP member: their project page, or a word when none is attached yet. */
export function MyProjectPage() {
  const user = useSession();
  if (user.role !== "MSP_MEMBER") return <Navigate to={homePathFor(user)} replace />;
  if (user.mspProject) return <Navigate to={`/projets/${encodeURIComponent(user.mspProject.id)}`} replace />;
  return (
    <StatusPage title="Mon projet" backTo={{ to: "/", label: "Retour à l’accueil" }}>
      <p>
        Aucun projet de MSP n’est encore rattaché à votre compte. Contactez votre chargé·e de développement à la
        fédération.
      </p>
    </StatusPage>
  );
}
