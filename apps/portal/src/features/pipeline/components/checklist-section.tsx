import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import type { ProjectStage } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/error-state";
import { LiveStatus } from "../../../shared/components/live-status";
import { PageLoading } from "../../../shared/components/page-loading";
import { isProjectStage, PROJECT_STAGES, STAGE_LABELS } from "../../../shared/labels";
import { PROJECT_CHECKLIST } from "../graphql/project-checklist.query";
import { MilestoneItem } from "./milestone-item";

type ChecklistSectionProps = {
  projectId: string;
  currentStage: ProjectStage;
  canReview: boolean;
  canSubmit: boolean;
};

/** « Jalons »: the checklist of the current stage, or of another stage picked in the list. */
export function ChecklistSection({ projectId, currentStage, canReview, canSubmit }: ChecklistSectionProps) {
  const titleId = useId();
  // null: follow the current stage (it changes when the project moves on).
  const [pickedStage, setPickedStage] = useState<ProjectStage | null>(null);
  const stage = pickedStage ?? currentStage;
  const [notice, setNotice] = useState("");
  const { data, previousData, loading, error, refetch } = useQuery(PROJECT_CHECKLIST, {
    variables: { id: projectId, stage },
    fetchPolicy: "cache-and-network",
    nextFetchPolicy: "cache-first",
  });
  const checklist = (data ?? (loading ? previousData : undefined))?.project.checklist;

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>Jalons</h2>
        <div className="field field--inline">
          <label htmlFor={`${titleId}-stage`}>Étape affichée</label>
          <select
            id={`${titleId}-stage`}
            value={stage}
            onChange={(e) => {
              if (!isProjectStage(e.target.value)) return;
              setPickedStage(e.target.value === currentStage ? null : e.target.value);
              setNotice("");
            }}
          >
            {PROJECT_STAGES.map((candidate, index) => (
              <option key={candidate} value={candidate}>
                {index + 1}. {STAGE_LABELS[candidate]}
                {candidate === currentStage ? " (étape en cours)" : ""}
              </option>
            ))}
          </select>
        </div>
      </div>

      <LiveStatus message={notice} />

      {error && !checklist ? (
        <ErrorState
          title="Impossible de charger les jalons"
          message="Le serveur n’a pas répondu correctement. Réessayez dans un instant."
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : !checklist ? (
        <PageLoading label="Chargement des jalons…" />
      ) : checklist.length === 0 ? (
        <p className="state state--empty">Aucun jalon n’est prévu pour l’étape « {STAGE_LABELS[stage]} ».</p>
      ) : (
        <ul className="milestone-list" aria-label={`Jalons de l’étape « ${STAGE_LABELS[stage]} »`} aria-busy={loading}>
          {checklist.map((item) => (
            <MilestoneItem
              key={item.key}
              projectId={projectId}
              item={item}
              canReview={canReview}
              canSubmit={canSubmit}
              onNotice={setNotice}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
