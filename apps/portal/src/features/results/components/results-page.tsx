import { useQuery } from "@apollo/client/react";
import type { Programme } from "@maillage/domain";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { StatusPage } from "../../../shared/components/status-page";
import { hasErrorCode } from "../../../shared/graphql-errors";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { isStaff, useSession } from "../../auth";
import { PROJECT_RESULT_PERIODS } from "../graphql/project-result-periods.query";
import { ILLUSTRATIVE_TABLE_LABEL, PROGRAMME_DESCRIPTIONS, PROGRAMME_LABELS, PROGRAMME_ORDER } from "../utils/labels";
import { formatEurRounded } from "../utils/numbers";
import { formatDay } from "../../../shared/format";
import { type PeriodRecord, periodPath } from "../utils/period-record";
import { NewPeriodForm } from "./new-period-form";
import { PeriodStatusBadge } from "./period-status-badge";

/** « Résultats » of an MSP: one row per year, one column per programme (PEPS, IPEP, ACI), with each period's status. */
export function ResultsPage() {
  const { projectId = "" } = useParams();
  const user = useSession();
  const { data, error, refetch } = useQuery(PROJECT_RESULT_PERIODS, { variables: { projectId } });
  const isOwnTeam = user.role === "MSP_MEMBER" && user.mspProject?.id === projectId;
  const title = isOwnTeam ? "Mes résultats" : data?.project ? `Résultats — ${data.project.name}` : "Résultats";
  useDocumentTitle(title);

  if (hasErrorCode(error, "NOT_FOUND") || hasErrorCode(error, "FORBIDDEN")) {
    return (
      <StatusPage title="Projet introuvable">
        <p>Ce projet n’existe pas ou vous n’y avez pas accès.</p>
      </StatusPage>
    );
  }
  if (error) {
    return (
      <ErrorState
        title="Impossible de charger les résultats"
        message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <PageLoading label="Chargement des résultats…" />;

  const periods = data.resultPeriods as readonly PeriodRecord[];
  const years = [...new Set(periods.map((p) => p.year))].sort((a, b) => b - a);
  const byKey = new Map(periods.map((p) => [`${p.year}-${p.programme}`, p]));
  const canCreate = isOwnTeam || isStaff(user.role);
  const returned = periods.filter((p) => p.status === "RETURNED" && p.returnComment);

  return (
    <section aria-labelledby="results-title">
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <ol>
          {isStaff(user.role) && (
            <li>
              <Link to="/projets">Projets</Link>
            </li>
          )}
          <li>
            <Link to={`/projets/${encodeURIComponent(data.project.id)}`}>{data.project.name}</Link>
          </li>
          <li aria-current="page">Résultats</li>
        </ol>
      </nav>
      <div className="page-header">
        <h1 id="results-title">{title}</h1>
      </div>
      <p className="page-intro">
        Les résultats annuels de la MSP par dispositif : saisie par l’équipe (ou par la fédération pour son compte),
        transmission puis validation par la fédération.
      </p>

      {returned.length > 0 && (
        <div className="notice notice--warning">
          <p>
            <strong>Renvoyé par la fédération :</strong>
          </p>
          <ul>
            {returned.map((p) => (
              <li key={p.id}>
                <Link to={periodPath(data.project.id, p.id)}>
                  {PROGRAMME_LABELS[p.programme]} {p.year}
                </Link>{" "}
                — {p.returnComment}
              </li>
            ))}
          </ul>
        </div>
      )}

      {periods.length === 0 ? (
        <p className="state">Aucune période saisie pour l’instant.</p>
      ) : (
        <div className="table-wrapper" role="region" aria-label="Périodes par année et dispositif" tabIndex={0}>
          <table className="table results-table">
            <caption className="visually-hidden">Périodes de résultats par année (lignes) et par dispositif (colonnes)</caption>
            <thead>
              <tr>
                <th scope="col">Année</th>
                {PROGRAMME_ORDER.map((programme) => (
                  <th scope="col" key={programme}>
                    <abbr title={PROGRAMME_DESCRIPTIONS[programme]}>{PROGRAMME_LABELS[programme]}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year}>
                  <th scope="row">{year}</th>
                  {PROGRAMME_ORDER.map((programme: Programme) => {
                    const period = byKey.get(`${year}-${programme}`);
                    return (
                      <td key={programme}>
                        {period ? (
                          <div className="results-cell">
                            <Link to={periodPath(data.project.id, period.id)}>
                              {PROGRAMME_LABELS[programme]} {year}
                            </Link>
                            <PeriodStatusBadge status={period.status} />
                            {period.calendar && (period.calendar.status === "OVERDUE" || period.calendar.status === "TO_SUBMIT") && (
                              <span className={period.calendar.status === "OVERDUE" ? "calendar-overdue" : "muted"}>
                                {period.calendar.statusLabel} — à transmettre au plus tard le {formatDay(period.calendar.evidenceDueAt.slice(0, 10))}
                              </span>
                            )}
                            {period.summary && (
                              <span className="muted">
                                {formatEurRounded(period.summary.computedEur)}
                                {period.summary.illustrative && ` (${ILLUSTRATIVE_TABLE_LABEL})`}
                              </span>
                            )}
                          </div>
                        ) : (
                          <span className="muted" aria-label="Aucune période">
                            —
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canCreate && <NewPeriodForm projectId={data.project.id} existing={periods} />}
    </section>
  );
}
