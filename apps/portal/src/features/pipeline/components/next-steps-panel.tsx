import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { ErrorState } from "../../../shared/components/error-state";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { STAGE_LABELS } from "../../../shared/labels";
import { PROJECT_NEXT_STEPS } from "../graphql/project-next-steps.query";
import { MilestoneStatusBadge } from "./milestone-status-badge";
import { SubmissionForm } from "./submission-form";

/**
 * « Prochaines étapes » of the MSP team: the required milestones of the current stage still to submit, or to
 * correct after the federation's review, each with its submission form.
 */
export function NextStepsPanel({ projectId }: { projectId: string }) {
  const titleId = useId();
  const [notice, setNotice] = useState("");
  const { data, error, refetch } = useQuery(PROJECT_NEXT_STEPS, {
    variables: { id: projectId },
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const project = data?.project;

  return (
    <section className="card card--highlight" aria-labelledby={titleId}>
      <h2 id={titleId}>Prochaines étapes</h2>
      <LiveStatus message={notice} />
      {error && !project ? (
        <ErrorState
          title="Impossible de charger vos prochaines étapes"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !project ? (
        <PageLoading label="Chargement de vos prochaines étapes…" />
      ) : project.nextSteps.length === 0 ? (
        <p>
          Rien à déposer pour l’étape « {STAGE_LABELS[project.stage]} » : vos documents obligatoires sont déposés.
          La fédération vous préviendra si des modifications sont nécessaires.
        </p>
      ) : (
        <>
          <p>
            Étape en cours : <strong>{STAGE_LABELS[project.stage]}</strong>. Voici ce qu’il reste à déposer ou à
            corriger pour la franchir.
          </p>
          <ol className="next-steps">
            {project.nextSteps.map((item) => (
              <li key={item.key} className="next-step" aria-labelledby={`${titleId}-${item.key}`}>
                <div className="milestone__header">
                  <h3 id={`${titleId}-${item.key}`}>{item.label}</h3>
                  <MilestoneStatusBadge status={item.status} />
                </div>
                {item.description && <p className="milestone__description">{item.description}</p>}
                {item.status === "CHANGES_REQUESTED" && item.lastSubmission?.reviewComment && (
                  <p className="submission__review submission__review--changes">
                    <span className="muted">Modifications demandées par la fédération :</span>{" "}
                    {item.lastSubmission.reviewComment}
                  </p>
                )}
                <SubmissionForm projectId={projectId} milestone={item} onSubmitted={setNotice} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
