import { useQuery } from "@apollo/client/react";
import { Fragment, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorState } from "../../../shared/components/error-state";
import { PageLoading } from "../../../shared/components/page-loading";
import { formatCount, formatDate } from "../../../shared/format";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { useSession } from "../../auth";
import { ConnectionPagination, useCursorPagination } from "../../projects";
import { RESULT_PERIODS_FOR_REVIEW } from "../graphql/result-periods-for-review.query";
import { ILLUSTRATIVE_TABLE_LABEL, PERIOD_STATUS_LABELS, type PeriodStatus, PROGRAMME_LABELS } from "../utils/labels";
import { formatDecimal, formatEur } from "../utils/numbers";
import { type PeriodRecord, periodPath } from "../utils/period-record";
import { PeriodDecisionActions } from "./period-decision-actions";
import { PeriodStatusBadge } from "./period-status-badge";

export const REVIEW_PAGE_SIZE = 20;

const STATUS_CHOICES: readonly { value: PeriodStatus; label: string }[] = [
  { value: "SUBMITTED", label: "Transmises, à valider" },
  { value: "APPROVED", label: "Validées" },
  { value: "RETURNED", label: "Renvoyées" },
];

const isReviewStatus = (value: string | null): value is PeriodStatus => STATUS_CHOICES.some((c) => c.value === value);

/**
 * « Résultats à valider »: the periods of the federation by status, most recently submitted first. Federation admins
 * approve (after confirmation), return (with a comment) or unlock (with a reason); chargés see the list read-only.
 */
export function ReviewPage() {
  useDocumentTitle("Résultats à valider");
  const user = useSession();
  const id = useId();
  const canDecide = user.role === "FEDERATION_ADMIN";
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get("statut");
  const status: PeriodStatus = isReviewStatus(requested) ? requested : "SUBMITTED";
  const pagination = useCursorPagination(status);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(RESULT_PERIODS_FOR_REVIEW, {
    variables: { status, first: REVIEW_PAGE_SIZE, ...(pagination.after ? { after: pagination.after } : {}) },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.resultPeriodsForReview;

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="page-header">
        <h1 id={`${id}-title`}>Résultats à valider</h1>
      </div>
      <p className="page-intro">
        Les périodes transmises par les MSP. {canDecide ? "Validez-les (elles sont alors verrouillées) ou renvoyez-les avec un commentaire." : "Seuls les administrateurs de la fédération les valident."}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>Statut</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => {
              setOpenId(null);
              setSearchParams(e.target.value === "SUBMITTED" ? {} : { statut: e.target.value });
            }}
          >
            {STATUS_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      {error && !connection ? (
        <ErrorState
          title="Impossible de charger les périodes"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !connection ? (
        <PageLoading label="Chargement des périodes…" />
      ) : connection.edges.length === 0 ? (
        <p className="state">
          {status === "SUBMITTED" ? "Aucune période en attente de validation." : `Aucune période « ${PERIOD_STATUS_LABELS[status]} ».`}
        </p>
      ) : (
        <>
          <p className="result-count" role="status">
            {formatCount(connection.totalCount, "période", "périodes")}
          </p>
          <div className="table-wrapper" role="region" aria-label="Périodes" tabIndex={0}>
            <table className="table" aria-busy={loading}>
              <thead>
                <tr>
                  <th scope="col">MSP</th>
                  <th scope="col">Dispositif</th>
                  <th scope="col">Année</th>
                  <th scope="col">Montant calculé</th>
                  <th scope="col">Transmis le</th>
                  <th scope="col">Statut</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => {
                  const period = node as PeriodRecord;
                  const name = period.project?.name ?? "MSP";
                  const isOpen = openId === period.id;
                  const label = `${PROGRAMME_LABELS[period.programme]} ${period.year} — ${name}`;
                  return (
                    <Fragment key={period.id}>
                      <tr>
                        <th scope="row">
                          <Link to={`/projets/${encodeURIComponent(period.projectId)}`}>{name}</Link>
                        </th>
                        <td>{PROGRAMME_LABELS[period.programme]}</td>
                        <td>{period.year}</td>
                        <td>
                          {period.summary ? (
                            <>
                              {formatEur(period.summary.computedEur)}
                              {period.summary.illustrative && <span className="details__note">{ILLUSTRATIVE_TABLE_LABEL}</span>}
                            </>
                          ) : (
                            <span className="muted">Non calculé</span>
                          )}
                        </td>
                        <td>{period.submittedAt ? <time dateTime={period.submittedAt}>{formatDate(period.submittedAt)}</time> : "—"}</td>
                        <td>
                          <PeriodStatusBadge status={period.status} />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button--small"
                            aria-expanded={isOpen}
                            aria-controls={`${id}-${period.id}`}
                            aria-label={`${isOpen ? "Fermer" : "Examiner"} ${label}`}
                            onClick={() => setOpenId(isOpen ? null : period.id)}
                          >
                            {isOpen ? "Fermer" : "Examiner"}
                          </button>
                        </td>
                      </tr>
                      {isOpen && (
                        <tr>
                          <td colSpan={7} id={`${id}-${period.id}`}>
                            <ReviewPanel period={period} label={label} canDecide={canDecide} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ConnectionPagination pagination={pagination} pageInfo={connection.pageInfo} isBusy={loading} />
        </>
      )}
    </section>
  );
}

type ReviewPanelProps = {
  period: PeriodRecord & { validationErrors?: readonly { field: string; message: string }[] };
  label: string;
  canDecide: boolean;
};

/** The read-only figures of one period, a link to its whole form, and the admin's decisions. */
function ReviewPanel({ period, label, canDecide }: ReviewPanelProps) {
  const summary = period.summary;
  return (
    <div className="results-review-panel" role="group" aria-label={label}>
      {summary ? (
        <dl className="details results-figures">
          <div>
            <dt>Référentiel</dt>
            <dd>
              {summary.referenceId}
              {summary.illustrative && <span className="details__note">{ILLUSTRATIVE_TABLE_LABEL}</span>}
            </dd>
          </div>
          <div>
            <dt>Patients</dt>
            <dd>{formatDecimal(summary.patients)}</dd>
          </div>
          <div>
            <dt>Montant calculé</dt>
            <dd>{formatEur(summary.computedEur)}</dd>
          </div>
          <div>
            <dt>Par patient</dt>
            <dd>{formatEur(summary.perPatientEur)}</dd>
          </div>
          <div>
            <dt>Montant déclaré reçu</dt>
            <dd>{typeof summary.receivedEur === "number" ? formatEur(summary.receivedEur) : <span className="muted">Non renseigné</span>}</dd>
          </div>
          {typeof summary.feeForServiceEquivalentEur === "number" && (
            <div>
              <dt>Équivalent paiement à l’acte</dt>
              <dd>{formatEur(summary.feeForServiceEquivalentEur)}</dd>
            </div>
          )}
          {typeof summary.score === "number" && (
            <div>
              <dt>{period.programme === "ACI" ? "Points" : "Score qualité"}</dt>
              <dd>{formatDecimal(summary.score)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="muted">Aucun calcul enregistré pour cette période.</p>
      )}
      {period.returnComment && (
        <p>
          <strong>Dernier renvoi :</strong> {period.returnComment}
        </p>
      )}
      <p>
        <Link to={`${periodPath(period.projectId, period.id)}?depuis=a-valider`}>Voir toute la saisie de {label}</Link>
      </p>
      {canDecide && <PeriodDecisionActions period={period} />}
    </div>
  );
}
