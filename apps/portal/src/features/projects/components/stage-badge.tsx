import type { ProjectStage, ProjectStatus } from "../../../gql/graphql";
import { PROJECT_STAGES, STAGE_LABELS, STATUS_LABELS } from "../../../shared/labels";

export function StageLabel({ stage }: { stage: ProjectStage }) {
  return (
    <span className="stage-label">
      <span className="stage-label__number" aria-hidden="true">
        {PROJECT_STAGES.indexOf(stage) + 1}
      </span>
      {STAGE_LABELS[stage]}
    </span>
  );
}

export function StatusBadge({ status }: { status: ProjectStatus }) {
  return <span className={`badge badge--${status.toLowerCase().replace("_", "-")}`}>{STATUS_LABELS[status]}</span>;
}
