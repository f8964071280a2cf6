import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import type { ProjectStage, ProjectStatus } from "../../../gql/graphql";
import { LiveStatus } from "../../../shared/components/live-status";
import type { UnmetRequirement } from "../../../shared/graphql-errors";
import { PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { PROJECT_STAGES_QUERY } from "../graphql/project-stages.query";
import { useMoveProjectStage } from "../hooks/use-move-project-stage";
import { StageApplicability } from "./stage-applicability";
import { StageBackForm } from "./stage-back-form";
import { StageGateRefusal } from "./stage-gate-refusal";
import { StageProgress } from "./stage-progress";

type StageSectionProps = {
  projectId: string;
  /** From the project's details: shown at once, before the stages' dates arrive. */
  stage: ProjectStage;
  status: ProjectStatus;
  /** Federation staff move the project forward and mark stages not applicable. */
  canManage: boolean;
  /** Admins may also move it back, with a reason. */
  canMoveBack: boolean;
};

type Refusal = { title: string; requirements: UnmetRequirement[] };

/** « Avancement »: the stages with their dates, the current stage's milestones, and the staff's stage actions. */
export function StageSection({ projectId, stage, status, canManage, canMoveBack }: StageSectionProps) {
  const titleId = useId();
  const { data, error } = useQuery(PROJECT_STAGES_QUERY, { variables: { id: projectId } });
  const { move, isMoving } = useMoveProjectStage();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState("");
  const [isMovingBack, setIsMovingBack] = useState(false);

  const project = data?.project;
  const stageStates = project?.stageStates;
  const currentStage = project?.stage ?? stage;
  const currentIndex = PROJECT_STAGES.indexOf(currentStage);
  const isActive = (project?.status ?? status) === "ACTIVE";
  // The stage the project will reach: not-applicable stages are skipped (they count as passed).
  const nextStage = PROJECT_STAGES.slice(currentIndex + 1).find(
    (candidate) => !stageStates?.find((state) => state.stage === candidate)?.notApplicable,
  );
  const earlierStages = PROJECT_STAGES.slice(0, currentIndex);

  async function handleAdvance() {
    const toStage = PROJECT_STAGES[currentIndex + 1];
    if (!toStage || !nextStage) return;
    setRefusal(null);
    setNotice("");
    const outcome = await move({ projectId, toStage });
    if (outcome.ok) {
      setNotice(`Le projet est passé à l’étape « ${STAGE_LABELS[outcome.stage]} ».`);
    } else {
      setRefusal({
        title: `Impossible de passer à l’étape « ${STAGE_LABELS[nextStage]} »`,
        requirements: outcome.requirements.length > 0 ? outcome.requirements : [{ key: "ERROR", stage: "", message: outcome.message }],
      });
    }
  }

  async function handleMoveBack(toStage: ProjectStage, reason: string): Promise<boolean> {
    setRefusal(null);
    setNotice("");
    const outcome = await move({ projectId, toStage, reason });
    if (outcome.ok) {
      setIsMovingBack(false);
      setNotice(`Le projet est revenu à l’étape « ${STAGE_LABELS[outcome.stage]} ».`);
      return true;
    }
    setRefusal({
      title: `Impossible de revenir à l’étape « ${STAGE_LABELS[toStage]} »`,
      requirements: outcome.requirements.length > 0 ? outcome.requirements : [{ key: "ERROR", stage: "", message: outcome.message }],
    });
    return false;
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Avancement</h2>
      <StageProgress stage={currentStage} stageStates={stageStates} />

      {project && (
        <p className="milestone-progress">
          Jalons obligatoires validés pour l’étape en cours :{" "}
          <strong>
            {project.milestoneProgress.approved}/{project.milestoneProgress.required}
          </strong>
        </p>
      )}
      {error && !project && (
        <p className="field__hint">Les dates des étapes n’ont pas pu être chargées. Rechargez la page pour réessayer.</p>
      )}

      <LiveStatus message={notice} />

      {canManage && (
        <div className="stage-actions">
          {nextStage ? (
            <div className="stage-actions__next">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void handleAdvance()}
                disabled={isMoving || !isActive}
                aria-describedby={`${titleId}-next`}
              >
                Passer à l’étape suivante
              </button>
              <p className="field__hint" id={`${titleId}-next`}>
                {isActive
                  ? `Étape suivante : ${STAGE_LABELS[nextStage]}.`
                  : "Le projet est en pause ou abandonné : réactivez-le pour changer d’étape."}
              </p>
            </div>
          ) : (
            <p className="field__hint">Le projet a atteint la dernière étape.</p>
          )}

          {canMoveBack && earlierStages.length > 0 && !isMovingBack && (
            <button type="button" className="button" onClick={() => setIsMovingBack(true)} disabled={!isActive}>
              Revenir à une étape
            </button>
          )}
        </div>
      )}

      {canManage && canMoveBack && isMovingBack && (
        <StageBackForm
          stages={earlierStages}
          isSubmitting={isMoving}
          onSubmit={handleMoveBack}
          onCancel={() => setIsMovingBack(false)}
        />
      )}

      {refusal && (
        <StageGateRefusal
          title={refusal.title}
          requirements={refusal.requirements}
          onClose={() => setRefusal(null)}
        />
      )}

      {canManage && stageStates && (
        <StageApplicability projectId={projectId} stageStates={stageStates} />
      )}
    </section>
  );
}
