import { useEffect, useId, useRef, useState } from "react";
import type { ChecklistItemDetailsFragment } from "../../../gql/graphql";
import { MilestoneStatusBadge } from "./milestone-status-badge";
import { ReviewActions } from "./review-actions";
import { SubmissionForm } from "./submission-form";
import { SubmissionSummary } from "./submission-summary";

type MilestoneItemProps = {
  projectId: string;
  item: ChecklistItemDetailsFragment;
  /** Staff review pending submissions. */
  canReview: boolean;
  /** The MSP team of the project, and staff on its behalf, submit. */
  canSubmit: boolean;
  onNotice: (message: string) => void;
};

/** One milestone of a checklist: its status, its latest submission, and what the user may do with it. */
export function MilestoneItem({ projectId, item, canReview, canSubmit, onNotice }: MilestoneItemProps) {
  const titleId = useId();
  const [isSubmitting, setIsSubmitting] = useState(false);
  // Back on the button that opened the form once it closes (keyboard users keep their place).
  const [shouldRefocus, setShouldRefocus] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const submission = item.lastSubmission;

  useEffect(() => {
    if (!isSubmitting && shouldRefocus) {
      toggleRef.current?.focus();
      setShouldRefocus(false);
    }
  }, [isSubmitting, shouldRefocus]);

  function closeForm() {
    setIsSubmitting(false);
    setShouldRefocus(true);
  }

  return (
    <li className={`milestone milestone--${item.status.toLowerCase().replace("_", "-")}`} aria-labelledby={titleId}>
      <div className="milestone__header">
        <h3 id={titleId}>{item.label}</h3>
        <MilestoneStatusBadge status={item.status} />
        <span className="tag">{item.required ? "Obligatoire" : "Facultatif"}</span>
        {item.isCustom && <span className="tag">Ajouté par la fédération</span>}
      </div>
      {item.description && <p className="milestone__description">{item.description}</p>}

      {submission ? (
        <SubmissionSummary submission={submission} fields={item.fields} />
      ) : (
        <p className="muted">Aucun dépôt pour le moment.</p>
      )}

      {canReview && submission?.status === "SUBMITTED" && (
        <ReviewActions
          projectId={projectId}
          submissionId={submission.id}
          milestoneLabel={item.label}
          onReviewed={onNotice}
        />
      )}

      {canSubmit &&
        (isSubmitting ? (
          <SubmissionForm
            projectId={projectId}
            milestone={item}
            onSubmitted={(message) => {
              closeForm();
              onNotice(message);
            }}
            onCancel={closeForm}
          />
        ) : (
          <button
            ref={toggleRef}
            type="button"
            className="button"
            onClick={() => setIsSubmitting(true)}
            aria-label={`${submission ? "Déposer une nouvelle version" : "Déposer"} : ${item.label}`}
          >
            {submission ? "Déposer une nouvelle version" : "Déposer"}
          </button>
        ))}
    </li>
  );
}
