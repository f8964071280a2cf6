import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { CommentForm } from "../../../shared/components/comment-form";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { APPROVE_RESULT_PERIOD, RETURN_RESULT_PERIOD, UNLOCK_RESULT_PERIOD } from "../graphql/period-decisions.mutation";
import { PROGRAMME_LABELS } from "../utils/labels";
import type { PeriodRecord } from "../utils/period-record";

type Mode = "idle" | "approve" | "return" | "unlock";

/** Queries that list periods by status: refreshed after a decision so that the period leaves « à valider ». */
const REFRESHED_QUERIES = ["ResultPeriodsForReview"];

/**
 * A federation admin's decisions (docs/results.md): approve a submitted period (after confirmation; it is then locked
 * by the database), return it with a comment, or unlock an approved one with a reason (audited).
 */
export function PeriodDecisionActions({ period, onDecided }: { period: Pick<PeriodRecord, "id" | "programme" | "year" | "status">; onDecided?: (message: string) => void }) {
  const id = useId();
  const name = `${PROGRAMME_LABELS[period.programme]} ${period.year}`;
  const [mode, setMode] = useState<Mode>("idle");
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [approve, approveState] = useMutation(APPROVE_RESULT_PERIOD, { refetchQueries: REFRESHED_QUERIES });
  const [sendBack, returnState] = useMutation(RETURN_RESULT_PERIOD, { refetchQueries: REFRESHED_QUERIES });
  const [unlock, unlockState] = useMutation(UNLOCK_RESULT_PERIOD, { refetchQueries: REFRESHED_QUERIES });
  const isBusy = approveState.loading || returnState.loading || unlockState.loading;

  if (period.status !== "SUBMITTED" && period.status !== "APPROVED") return <LiveStatus message={message} />;

  function done(text: string) {
    setMode("idle");
    setComment("");
    setMessage(text);
    onDecided?.(text);
  }

  function fail(error: unknown) {
    const fieldErrors = getFieldErrors(error);
    if (fieldErrors["comment"]) {
      setCommentError(fieldErrors["comment"]);
      commentRef.current?.focus();
    } else {
      setFormError(describeError(error));
    }
  }

  async function confirmApprove() {
    setFormError(null);
    try {
      await approve({ variables: { input: { id: period.id } } });
      done(`${name} est validé et verrouillé.`);
    } catch (error) {
      fail(error);
    }
  }

  async function handleCommentSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    setFormError(null);
    if (!comment.trim()) {
      setCommentError(mode === "return" ? "Expliquez à l’équipe ce qu’il faut corriger." : "Indiquez le motif du déverrouillage.");
      commentRef.current?.focus();
      return;
    }
    setCommentError(undefined);
    const variables = { input: { id: period.id, comment: comment.trim() } };
    try {
      if (mode === "return") {
        await sendBack({ variables });
        done(`${name} est renvoyé à l’équipe.`);
      } else {
        await unlock({ variables });
        done(`${name} est déverrouillé : l’équipe peut de nouveau le modifier.`);
      }
    } catch (error) {
      fail(error);
    }
  }

  const commentLabel = mode === "return" ? "Motif du renvoi (obligatoire)" : "Motif du déverrouillage (obligatoire)";
  return (
    <section className="card results-decision" aria-label={`Décision de la fédération sur ${name}`}>
      <LiveStatus message={message} />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {mode === "idle" && period.status === "SUBMITTED" && (
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => setMode("approve")}>
            Valider
          </button>
          <button type="button" className="button" onClick={() => setMode("return")}>
            Renvoyer
          </button>
        </div>
      )}
      {mode === "idle" && period.status === "APPROVED" && (
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setMode("unlock")}>
            Déverrouiller
          </button>
        </div>
      )}
      {mode === "approve" && (
        <div role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            Valider {name} ? La période sera verrouillée : seul un déverrouillage motivé permettra de la modifier.
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={isBusy} autoFocus onClick={() => void confirmApprove()}>
              {isBusy && <Spinner />} Confirmer la validation
            </button>
            <button type="button" className="button button--link" onClick={() => setMode("idle")}>
              Annuler
            </button>
          </div>
        </div>
      )}
      {(mode === "return" || mode === "unlock") && (
        <CommentForm
          id={id}
          ariaLabel={mode === "return" ? `Renvoyer ${name}` : `Déverrouiller ${name}`}
          label={commentLabel}
          value={comment}
          onChange={setComment}
          error={commentError}
          textareaRef={commentRef}
          busy={isBusy}
          submitLabel={mode === "return" ? "Renvoyer à l’équipe" : "Confirmer le déverrouillage"}
          onSubmit={(e) => void handleCommentSubmit(e)}
          onCancel={() => {
            setMode("idle");
            setCommentError(undefined);
          }}
        />
      )}
    </section>
  );
}
