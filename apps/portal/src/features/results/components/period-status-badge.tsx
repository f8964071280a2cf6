import { PERIOD_STATUS_LABELS, type PeriodStatus } from "../utils/labels";

const BADGE_CLASS: Readonly<Record<PeriodStatus, string>> = {
  DRAFT: "badge--missing",
  SUBMITTED: "badge--submitted",
  APPROVED: "badge--approved",
  RETURNED: "badge--changes",
};

/** Brouillon, Transmis, Validé 🔒 (locked), Renvoyé. */
export function PeriodStatusBadge({ status }: { status: PeriodStatus }) {
  return (
    <span className={`badge ${BADGE_CLASS[status]}`}>
      {PERIOD_STATUS_LABELS[status]}
      {status === "APPROVED" && (
        <>
          {" "}
          <span aria-hidden="true">🔒</span>
          <span className="visually-hidden">(verrouillé)</span>
        </>
      )}
    </span>
  );
}
