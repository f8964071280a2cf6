import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import type { TeamMemberRowFragment } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { formatDay, todayIsoDay } from "../../../shared/format";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { UPDATE_TEAM_MEMBER } from "../graphql/update-team-member.mutation";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

type DepartureFormProps = {
  projectId: string;
  member: TeamMemberRowFragment;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Records a member's departure (`leftAt`); the history of the team is kept. */
export function DepartureForm({ projectId, member, onDone, onCancel }: DepartureFormProps) {
  const id = useId();
  const [leftAt, setLeftAt] = useState(todayIsoDay());
  const [error, setError] = useState<string | undefined>();
  const [updateTeamMember, { loading }] = useMutation(UPDATE_TEAM_MEMBER);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    if (!leftAt) {
      setError("Indiquez la date de départ.");
      return;
    }
    if (leftAt < member.joinedAt) {
      setError("La date de départ ne peut pas précéder la date d’arrivée.");
      return;
    }
    setError(undefined);
    try {
      await updateTeamMember({
        variables: { input: { id: member.id, leftAt } },
        update: (cache) => refreshProjectCache(cache, projectId, STALE_AFTER.team),
      });
      onDone(`Départ de ${member.fullName} enregistré au ${formatDay(leftAt)}.`);
    } catch (caught) {
      setError(getFieldErrors(caught)["leftAt"] ?? describeError(caught));
    }
  }

  return (
    <form className="inline-form inline-form--compact" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Départ de ${member.fullName}`}>
      <div className="field">
        <label htmlFor={`${id}-leftAt`}>Date de départ</label>
        <input
          id={`${id}-leftAt`}
          type="date"
          value={leftAt}
          min={member.joinedAt}
          onChange={(e) => setLeftAt(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-leftAt-error` : undefined}
          autoFocus
        />
        <FieldError id={`${id}-leftAt-error`} message={error} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={loading}>
          {loading && <Spinner />} Confirmer le départ
        </button>
        <button type="button" className="button button--link button--small" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
