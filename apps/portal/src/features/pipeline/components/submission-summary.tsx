import type { SubmissionDetailsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { FileLink } from "../../files";
import { formatFieldValue, type MilestoneFieldSpec } from "../utils/milestone-fields";

type SubmissionSummaryProps = {
  submission: SubmissionDetailsFragment;
  /** The milestone's fields, to label and format the values. */
  fields: readonly MilestoneFieldSpec[];
};

/** The latest submission of a milestone: who sent what and when, and the federation's review. */
export function SubmissionSummary({ submission, fields }: SubmissionSummaryProps) {
  const specByKey = new Map(fields.map((field) => [field.key, field]));
  return (
    <div className="submission">
      <p className="submission__meta">
        Dernier dépôt le <time dateTime={submission.createdAt}>{formatDateTime(submission.createdAt)}</time>
        {submission.author && <> par {submission.author.displayName}</>}
      </p>
      {submission.files.length > 0 && (
        <ul className="file-list" aria-label="Documents déposés">
          {submission.files.map((file) => (
            <li key={file.id}>
              <FileLink file={file} />
            </li>
          ))}
        </ul>
      )}
      {submission.fields.length > 0 && (
        <dl className="submission__fields">
          {submission.fields.map((field) => {
            const spec = specByKey.get(field.key);
            return (
              <div key={field.key}>
                <dt>{spec?.label ?? field.key}</dt>
                <dd>{formatFieldValue(spec?.type, field.value)}</dd>
              </div>
            );
          })}
        </dl>
      )}
      {submission.comment && (
        <p className="submission__comment">
          <span className="muted">Commentaire de l’équipe :</span> {submission.comment}
        </p>
      )}
      {submission.reviewedAt && submission.status !== "SUBMITTED" && (
        <div className={`submission__review submission__review--${submission.status === "APPROVED" ? "approved" : "changes"}`}>
          <p>
            {submission.status === "APPROVED" ? "Validé" : "Modifications demandées"} le{" "}
            <time dateTime={submission.reviewedAt}>{formatDateTime(submission.reviewedAt)}</time>
            {submission.reviewer && <> par {submission.reviewer.displayName}</>}
          </p>
          {submission.reviewComment && (
            <p>
              <span className="muted">Commentaire de la fédération :</span> {submission.reviewComment}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
