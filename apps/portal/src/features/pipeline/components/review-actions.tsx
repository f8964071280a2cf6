import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import type { ReviewDecision } from "../../../gql/graphql";
import { CommentForm } from "../../../shared/components/comment-form";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { REVIEW_MILESTONE } from "../graphql/review-milestone.mutation";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

type ReviewActionsProps = {
  projectId: string;
  submissionId: string;
  milestoneLabel: string;
  /** Called with a French confirmation once the review is recorded. */
  onReviewed: (message: string) => void;
};

/** Staff decide on a pending submission: approve it, or ask for changes with a comment. */
export function ReviewActions({ projectId, submissionId, milestoneLabel, onReviewed }: ReviewActionsProps) {
  const id = useId();
  const [isRequestingChanges, setIsRequestingChanges] = useState(false);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [review, { loading }] = useMutation(REVIEW_MILESTONE);

  async function decide(decision: ReviewDecision) {
    setFormError(null);
    setCommentError(undefined);
    try {
      await review({
        variables: {
          input: { submissionId, decision, ...(decision === "REQUEST_CHANGES" ? { comment: comment.trim() } : {}) },
        },
        update: (cache) => refreshProjectCache(cache, projectId, STALE_AFTER.review),
      });
      onReviewed(
        decision === "APPROVE"
          ? `« ${milestoneLabel} » est validé.`
          : `Demande de modifications envoyée pour « ${milestoneLabel} ».`,
      );
    } catch (error) {
      const fieldErrors = getFieldErrors(error);
      if (fieldErrors["comment"]) {
        setCommentError(fieldErrors["comment"]);
        commentRef.current?.focus();
      } else {
        setFormError(fieldErrors["submissionId"] ?? describeError(error));
      }
    }
  }

  function handleRequestChanges(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    if (!comment.trim()) {
      setCommentError("Expliquez à l’équipe ce qu’il faut modifier.");
      commentRef.current?.focus();
      return;
    }
    void decide("REQUEST_CHANGES");
  }

  return (
    <div className="review-actions">
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {isRequestingChanges ? (
        <CommentForm
          id={id}
          ariaLabel={`Demander des modifications sur « ${milestoneLabel} »`}
          label="Modifications attendues (obligatoire)"
          value={comment}
          onChange={setComment}
          error={commentError}
          textareaRef={commentRef}
          busy={loading}
          submitLabel="Envoyer la demande"
          onSubmit={handleRequestChanges}
          onCancel={() => {
            setIsRequestingChanges(false);
            setCommentError(undefined);
          }}
        />
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={loading}
            onClick={() => void decide("APPROVE")}
            aria-label={`Valider « ${milestoneLabel} »`}
          >
            {loading && <Spinner />} Valider
          </button>
          <button
            type="button"
            className="button"
            disabled={loading}
            onClick={() => setIsRequestingChanges(true)}
            aria-label={`Demander des modifications sur « ${milestoneLabel} »`}
          >
            Demander des modifications
          </button>
        </div>
      )}
    </div>
  );
}
