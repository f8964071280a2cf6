import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { StatusPage } from "../../../shared/components/status-page";
import { formatDate, formatDateTime } from "../../../shared/format";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { isStaff, useSession } from "../../auth";
import { PROJECT } from "../graphql/project.query";
import { StatusBadge } from "./stage-badge";
import { StageProgress } from "./stage-progress";

export function ProjectNotFound() {
  const user = useSession();
  return (
    <StatusPage
      title="Projet introuvable"
      backTo={isStaff(user.role) ? { to: "/projets", label: "Retour à la liste des projets" } : undefined}
    >
      <p>Ce projet n’existe pas ou a été supprimé. Vérifiez le lien utilisé.</p>
    </StatusPage>
  );
}

export function ProjectPage() {
  const { projectId = "" } = useParams();
  const user = useSession();
  const canEdit = isStaff(user.role);
  const { data, error, refetch } = useQuery(PROJECT, { variables: { id: projectId } });
  const project = data?.project;
  useDocumentTitle(project?.name ?? "Projet");

  if (hasErrorCode(error, "NOT_FOUND")) return <ProjectNotFound />;
  if (hasErrorCode(error, "FORBIDDEN")) {
    return (
      <StatusPage title="Accès refusé">
        <p>Vous n’avez pas accès à ce projet.</p>
      </StatusPage>
    );
  }
  if (error) {
    return (
      <ErrorState
        title="Impossible de charger le projet"
        message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!project) return <PageLoading />;

  return (
    <article aria-labelledby="project-title">
      {canEdit && (
        <nav aria-label="Fil d’Ariane" className="breadcrumb">
          <ol>
            <li>
              <Link to="/projets">Projets</Link>
            </li>
            <li aria-current="page">{project.name}</li>
          </ol>
        </nav>
      )}
      <div className="page-header">
        <h1 id="project-title">{project.name}</h1>
        {canEdit && (
          <Link className="button" to={`/projets/${encodeURIComponent(project.id)}/modifier`}>
            Modifier
          </Link>
        )}
      </div>

      <div className="card">
        <dl className="details">
          <div>
            <dt>Commune</dt>
            <dd>
              {project.communeName} <span className="muted">(code INSEE {project.communeCode})</span>
            </dd>
          </div>
          <div>
            <dt>Département</dt>
            <dd>
              {project.departement.name} ({project.departement.code})
            </dd>
          </div>
          <div>
            <dt>Statut</dt>
            <dd>
              <StatusBadge status={project.status} />
            </dd>
          </div>
          <div>
            <dt>Chargé·e</dt>
            <dd>
              {project.charge ? (
                <>
                  {project.charge.displayName}{" "}
                  <a href={`mailto:${project.charge.email}`} className="muted">
                    {project.charge.email}
                  </a>
                </>
              ) : (
                <span className="muted">Non attribué</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Créé le</dt>
            <dd>
              <time dateTime={project.createdAt}>{formatDate(project.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Mis à jour le</dt>
            <dd>
              <time dateTime={project.updatedAt}>{formatDateTime(project.updatedAt)}</time>
            </dd>
          </div>
        </dl>
      </div>

      <section className="card" aria-labelledby="project-stage-title">
        <h2 id="project-stage-title">Avancement</h2>
        <StageProgress stage={project.stage} />
      </section>
    </article>
  );
}
