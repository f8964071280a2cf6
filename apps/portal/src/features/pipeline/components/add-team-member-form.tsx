import { useMutation } from "@apollo/client/react";
import { validateTeamMemberInput } from "@maillage/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import type { Profession, TeamRole } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { todayIsoDay } from "../../../shared/format";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { isProfession, isTeamRole, PROFESSION_LABELS, PROFESSIONS, TEAM_ROLE_LABELS, TEAM_ROLES } from "../../../shared/labels";
import { ADD_TEAM_MEMBER } from "../graphql/add-team-member.mutation";
import { refreshProjectCache, STALE_AFTER } from "../utils/refresh-project-cache";

type TeamField = "fullName" | "profession" | "rpps" | "adeli" | "role" | "joinedAt";
type Errors = Partial<Record<TeamField, string>>;
const TEAM_FIELDS: readonly TeamField[] = ["fullName", "profession", "rpps", "adeli", "role", "joinedAt"];
const isTeamField = (value: string): value is TeamField => (TEAM_FIELDS as readonly string[]).includes(value);

type Values = {
  fullName: string;
  profession: Profession | "";
  rpps: string;
  adeli: string;
  role: TeamRole;
  isAssociate: boolean;
  joinedAt: string;
};

type AddTeamMemberFormProps = {
  projectId: string;
  /** Called with the new member's name. */
  onAdded: (fullName: string) => void;
  onCancel: () => void;
};

/** Adds a professional to the team; RPPS/ADELI are checked as the API does (`@maillage/domain`). */
export function AddTeamMemberForm({ projectId, onAdded, onCancel }: AddTeamMemberFormProps) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({
    fullName: "",
    profession: "",
    rpps: "",
    adeli: "",
    role: "MEMBER",
    isAssociate: false,
    joinedAt: todayIsoDay(),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [addTeamMember, { loading }] = useMutation(ADD_TEAM_MEMBER);

  function update<K extends keyof Values>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    if (isTeamField(field)) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function focusFirstError() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    const input = {
      projectId,
      fullName: values.fullName,
      profession: values.profession,
      role: values.role,
      isAssociate: values.isAssociate,
      joinedAt: values.joinedAt,
      ...(values.rpps.trim() ? { rpps: values.rpps.replace(/\s+/g, "") } : {}),
      ...(values.adeli.trim() ? { adeli: values.adeli.replace(/\s+/g, "").toUpperCase() } : {}),
    };
    const checked = validateTeamMemberInput(input, { partial: false, now: new Date() });
    if (!checked.ok) {
      const found: Errors = {};
      for (const error of checked.error) if (isTeamField(error.field)) found[error.field] ??= error.message;
      setErrors(found);
      focusFirstError();
      return;
    }
    if (!isProfession(input.profession)) return;
    try {
      const { data } = await addTeamMember({
        variables: { input: { ...input, profession: input.profession, fullName: input.fullName.trim() } },
        update: (cache) => refreshProjectCache(cache, projectId, STALE_AFTER.team),
      });
      onAdded(data?.addTeamMember.fullName ?? values.fullName.trim());
    } catch (error) {
      const found: Errors = {};
      const others: string[] = [];
      for (const [field, message] of Object.entries(getFieldErrors(error))) {
        if (!message) continue;
        if (isTeamField(field)) found[field] = message;
        else others.push(message);
      }
      setErrors(found);
      setFormError(
        others.length > 0
          ? others.join(" ")
          : Object.keys(found).length > 0
            ? "Le formulaire contient des erreurs : corrigez les champs signalés."
            : describeError(error),
      );
      focusFirstError();
    }
  }

  const invalid = (field: TeamField) => (errors[field] ? true : undefined);
  const describedBy = (field: TeamField, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} className="form inline-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Ajouter un membre à l’équipe">
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-fullName`}>Nom et prénom</label>
          <input
            id={`${id}-fullName`}
            type="text"
            autoComplete="off"
            maxLength={120}
            value={values.fullName}
            onChange={(e) => update("fullName", e.target.value)}
            aria-invalid={invalid("fullName")}
            aria-describedby={describedBy("fullName")}
            autoFocus
          />
          <FieldError id={`${id}-fullName-error`} message={errors.fullName} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-profession`}>Profession</label>
          <select
            id={`${id}-profession`}
            value={values.profession}
            onChange={(e) => update("profession", isProfession(e.target.value) ? e.target.value : "")}
            aria-invalid={invalid("profession")}
            aria-describedby={describedBy("profession")}
          >
            <option value="">Choisir une profession</option>
            {PROFESSIONS.map((profession) => (
              <option key={profession} value={profession}>
                {PROFESSION_LABELS[profession]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-profession-error`} message={errors.profession} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-rpps`}>N° RPPS</label>
          <input
            id={`${id}-rpps`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={values.rpps}
            onChange={(e) => update("rpps", e.target.value)}
            aria-invalid={invalid("rpps")}
            aria-describedby={describedBy("rpps", `${id}-rpps-hint`)}
          />
          <p className="field__hint" id={`${id}-rpps-hint`}>
            11 chiffres. Médecins, pharmaciens, sages-femmes et chirurgiens-dentistes ont un n° RPPS.
          </p>
          <FieldError id={`${id}-rpps-error`} message={errors.rpps} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-adeli`}>N° ADELI</label>
          <input
            id={`${id}-adeli`}
            type="text"
            autoComplete="off"
            maxLength={12}
            value={values.adeli}
            onChange={(e) => update("adeli", e.target.value)}
            aria-invalid={invalid("adeli")}
            aria-describedby={describedBy("adeli", `${id}-adeli-hint`)}
          />
          <p className="field__hint" id={`${id}-adeli-hint`}>
            9 caractères, pour les professions sans n° RPPS. Indiquez l’un ou l’autre.
          </p>
          <FieldError id={`${id}-adeli-error`} message={errors.adeli} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Rôle dans le projet</label>
          <select
            id={`${id}-role`}
            value={values.role}
            onChange={(e) => {
              if (isTeamRole(e.target.value)) update("role", e.target.value);
            }}
            aria-invalid={invalid("role")}
            aria-describedby={describedBy("role")}
          >
            {TEAM_ROLES.map((role) => (
              <option key={role} value={role}>
                {TEAM_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role-error`} message={errors.role} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-joinedAt`}>Date d’arrivée</label>
          <input
            id={`${id}-joinedAt`}
            type="date"
            value={values.joinedAt}
            onChange={(e) => update("joinedAt", e.target.value)}
            aria-invalid={invalid("joinedAt")}
            aria-describedby={describedBy("joinedAt")}
          />
          <FieldError id={`${id}-joinedAt-error`} message={errors.joinedAt} />
        </div>
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-isAssociate`}
          type="checkbox"
          checked={values.isAssociate}
          onChange={(e) => update("isAssociate", e.target.checked)}
        />
        <label htmlFor={`${id}-isAssociate`}>Associé·e de la SISA</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading && <Spinner />} Ajouter à l’équipe
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
