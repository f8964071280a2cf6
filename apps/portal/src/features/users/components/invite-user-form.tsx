import { useMutation } from "@apollo/client/react";
import { ROLES } from "@maillage/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import type { InviteUserInput, Role } from "../../../gql/graphql";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getFieldErrors } from "../../../shared/graphql-errors";
import { useFocusFirstError } from "../../../shared/hooks/use-focus-first-error";
import { ROLE_LABELS } from "../../../shared/labels";
import { INVITE_USER } from "../graphql/invite-user.mutation";
import { USERS } from "../graphql/users.query";
import { MspProjectCombobox, type MspProjectOption } from "./msp-project-combobox";
import { type Notice, NoticeContent } from "./invitation-notice";

type Field = "email" | "displayName" | "role" | "mspProjectId";
type Errors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ["email", "displayName", "role", "mspProjectId"];
const isField = (value: string): value is Field => (FIELDS as readonly string[]).includes(value);
const isRoleValue = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A rough check before asking the API, which has the last word (« Adresse e-mail invalide. »). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * « Inviter une personne »: e-mail, name, role and, for an MSP member, their MSP. The API sends a single-use link valid
 * 7 days by e-mail; when it could not, the link is shown here to be passed on.
 */
export function InviteUserForm() {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [mspProject, setMspProject] = useState<MspProjectOption | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<Notice | null>(null);
  // The new person appears in the list whatever its filters: the lists on screen are asked again.
  const [inviteUser, { loading }] = useMutation(INVITE_USER, { refetchQueries: [USERS] });

  const clearError = (field: Field) => setErrors((current) => ({ ...current, [field]: undefined }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFormError(null);
    setResult(null);
    const found: Errors = {};
    const trimmedEmail = email.trim();
    if (!trimmedEmail) found.email = "Indiquez l'adresse e-mail de la personne.";
    else if (!EMAIL.test(trimmedEmail)) found.email = "Adresse e-mail invalide.";
    if (!displayName.trim()) found.displayName = "Indiquez le nom de la personne.";
    if (!role) found.role = "Choisissez un rôle.";
    else if (role === "MSP_MEMBER" && !mspProject) found.mspProjectId = "Choisissez la MSP de ce membre.";
    setErrors(found);
    if (Object.keys(found).length > 0 || !role) {
      focusFirstError();
      return;
    }

    const input: InviteUserInput = { email: trimmedEmail, displayName: displayName.trim(), role };
    if (role === "MSP_MEMBER" && mspProject) input.mspProjectId = mspProject.id;
    try {
      const { data } = await inviteUser({ variables: { input } });
      if (!data) return;
      const { user, emailSent, invitationLink } = data.inviteUser;
      setEmail("");
      setDisplayName("");
      setRole("");
      setMspProject(null);
      setResult(
        emailSent || !invitationLink
          ? { message: `Invitation envoyée à ${user.displayName} (${user.email}).`, link: null }
          : { message: `Invitation créée pour ${user.displayName} (${user.email}).`, link: invitationLink },
      );
    } catch (error) {
      const serverErrors: Errors = {};
      const others: string[] = [];
      for (const [field, message] of Object.entries(getFieldErrors(error))) {
        if (!message) continue;
        // The MSP field is only on screen for an MSP member.
        if (isField(field) && (field !== "mspProjectId" || role === "MSP_MEMBER")) serverErrors[field] = message;
        else others.push(message);
      }
      setErrors(serverErrors);
      setFormError(others.length > 0 ? others.join(" ") : Object.keys(serverErrors).length > 0 ? null : describeError(error));
      focusFirstError();
    }
  }

  const errorId = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);
  const describedBy = (field: Field, hint?: string) => [hint, errorId(field)].filter(Boolean).join(" ") || undefined;

  return (
    <section className="card users-invite" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Inviter une personne</h2>
      <p className="muted">
        La personne reçoit par e-mail un lien, valable 7 jours et utilisable une fois, pour choisir son mot de passe. Elle
        apparaît dans la liste avec le statut « Invitation en attente » jusque-là.
      </p>
      <form ref={formRef} className="form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
        {formError && (
          <p className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
            {formError}
          </p>
        )}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-email`}>Adresse e-mail</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                clearError("email");
              }}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy("email")}
            />
            <FieldError id={`${id}-email-error`} message={errors.email} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-displayName`}>Nom</label>
            <input
              id={`${id}-displayName`}
              autoComplete="off"
              maxLength={120}
              value={displayName}
              onChange={(e) => {
                setDisplayName(e.target.value);
                clearError("displayName");
              }}
              aria-invalid={errors.displayName ? true : undefined}
              aria-describedby={describedBy("displayName", `${id}-displayName-hint`)}
            />
            <p className="field__hint" id={`${id}-displayName-hint`}>
              Prénom et nom, tels que les autres les verront.
            </p>
            <FieldError id={`${id}-displayName-error`} message={errors.displayName} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Rôle</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(e) => {
                const next = e.target.value;
                setRole(isRoleValue(next) ? next : "");
                if (next !== "MSP_MEMBER") setMspProject(null);
                setErrors((current) => ({ ...current, role: undefined, mspProjectId: undefined }));
              }}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={describedBy("role")}
            >
              <option value="">Choisissez un rôle</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-role-error`} message={errors.role} />
          </div>
          {role === "MSP_MEMBER" && (
            <div className="field">
              <label htmlFor={`${id}-mspProjectId`}>MSP</label>
              <MspProjectCombobox
                id={`${id}-mspProjectId`}
                value={mspProject}
                onChange={(project) => {
                  setMspProject(project);
                  clearError("mspProjectId");
                }}
                errorId={errorId("mspProjectId")}
              />
              <FieldError id={`${id}-mspProjectId-error`} message={errors.mspProjectId} />
            </div>
          )}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading && <Spinner />} Envoyer l'invitation
          </button>
        </div>
      </form>
      <div role="status" className="live-status">
        {result && <NoticeContent notice={result} />}
      </div>
    </section>
  );
}
