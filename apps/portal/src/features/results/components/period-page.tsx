import { useQuery } from "@apollo/client/react";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { StatusPage } from "../../../shared/components/status-page";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { isStaff, useSession } from "../../auth";
import { PROJECT_RESULT_PERIODS } from "../graphql/project-result-periods.query";
import { useResultsReferenceData } from "../hooks/use-results-reference-data";
import { PROGRAMME_LABELS } from "../utils/labels";
import type { PeriodRecord } from "../utils/period-record";
import { PeriodEditor } from "./period-editor";

/** One period: its form (editable while a draft or returned), read-only once submitted or approved. */
export function PeriodPage() {
  const { projectId = "", periodId = "" } = useParams();
  const [searchParams] = useSearchParams();
  const user = useSession();
  const periods = useQuery(PROJECT_RESULT_PERIODS, { variables: { projectId } });
  const reference = useResultsReferenceData();
  const period = (periods.data?.resultPeriods as readonly PeriodRecord[] | undefined)?.find((p) => p.id === periodId);
  useDocumentTitle(period ? `${PROGRAMME_LABELS[period.programme]} ${period.year}` : "Période de résultats");

  if (hasErrorCode(periods.error, "NOT_FOUND") || hasErrorCode(periods.error, "FORBIDDEN")) {
    return (
      <StatusPage title="Projet introuvable">
        <p>Ce projet n’existe pas ou vous n’y avez pas accès.</p>
      </StatusPage>
    );
  }
  if (periods.error || reference.error) {
    return (
      <ErrorState
        title="Impossible de charger la période"
        message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
        onRetry={() => {
          void periods.refetch().catch(() => undefined);
          reference.refetch();
        }}
      />
    );
  }
  if (!periods.data || !reference.referenceData) return <PageLoading label="Chargement de la période…" />;
  if (!period) {
    return (
      <StatusPage title="Période introuvable" backTo={{ to: `/projets/${encodeURIComponent(projectId)}/resultats`, label: "Retour aux résultats" }}>
        <p>Cette période n’existe pas ou a été supprimée.</p>
      </StatusPage>
    );
  }

  const isOwnTeam = user.role === "MSP_MEMBER" && user.mspProject?.id === projectId;
  const fromReview = searchParams.get("depuis") === "a-valider";
  return (
    <>
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          {fromReview && (
            <li>
              <Link to="/resultats/a-valider">Résultats à valider</Link>
            </li>
          )}
          <li>
            <Link to={`/projets/${encodeURIComponent(projectId)}`}>{periods.data.project.name}</Link>
          </li>
          <li>
            <Link to={`/projets/${encodeURIComponent(projectId)}/resultats`}>Résultats</Link>
          </li>
          <li aria-current="page">
            {PROGRAMME_LABELS[period.programme]} {period.year}
          </li>
        </ol>
      </nav>
      <PeriodEditor
        key={`${period.id}-${period.status}`}
        period={{ ...period, project: period.project ?? periods.data.project }}
        referenceData={reference.referenceData}
        canEdit={isOwnTeam || isStaff(user.role)}
        canDecide={user.role === "FEDERATION_ADMIN"}
      />
    </>
  );
}
