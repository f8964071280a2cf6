import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { StatusPage } from "../../../shared/components/status-page";
import { formatDate, formatDateTime } from "../../../shared/format";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { LEGAL_FORM_LABELS } from "../../../shared/labels";
import { isStaff, useSession } from "../../auth";
import { ChecklistSection, NextStepsPanel, StageSection, TeamSection, TimelineSection } from "../../pipeline";
import { PROJECT } from "../graphql/project.query";
import { StatusBadge } from "./stage-badge";

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
  const isAdmin = user.role === "FEDERATION_ADMIN";
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

  // The MSP team of the project submits its milestones and keeps its team list; staff may do it for them.
  const isOwnTeam = user.role === "MSP_MEMBER" && user.mspProject?.id === project.id;
  const canContribute = canEdit || isOwnTeam;

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
        {(canEdit || isOwnTeam) && (
          <Link className="button" to={`/projets/${encodeURIComponent(project.id)}/resultats`}>
            {isOwnTeam ? "Mes résultats" : "Résultats"}
          </Link>
        )}
        {canEdit && (
          <Link className="button" to={`/projets/${encodeURIComponent(project.id)}/modifier`}>
            Modifier
          </Link>
        )}
      </div>

      {isOwnTeam && <NextStepsPanel projectId={project.id} />}

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
              {project.status !== "ACTIVE" && project.statusReason && (
                <span className="details__note">{project.statusReason}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Structure juridique</dt>
            <dd>
              {project.legalForm ? LEGAL_FORM_LABELS[project.legalForm] : <span className="muted">Non renseignée</span>}
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
          <div>
            <dt>Dernière activité</dt>
            <dd>
              <time dateTime={project.lastActivityAt}>{formatDateTime(project.lastActivityAt)}</time>
            </dd>
          </div>
        </dl>
      </div>

      <StageSection
        projectId={project.id}
        stage={project.stage}
        status={project.status}
        canManage={canEdit}
        canMoveBack={isAdmin}
      />
      <ChecklistSection projectId={project.id} currentStage={project.stage} canReview={canEdit} canSubmit={canContribute} />
      <TeamSection projectId={project.id} canManage={canContribute} />
      <TimelineSection projectId={project.id} />
    </article>
  );
}
