import type { MilestoneStatus } from "../../../gql/graphql";
import { MILESTONE_STATUS_LABELS } from "../../../shared/labels";

const BADGE_CLASS: Record<MilestoneStatus, string> = {
  MISSING: "badge--missing",
  SUBMITTED: "badge--submitted",
  APPROVED: "badge--approved",
  CHANGES_REQUESTED: "badge--changes",
};

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  return <span className={`badge ${BADGE_CLASS[status]}`}>{MILESTONE_STATUS_LABELS[status]}</span>;
}
