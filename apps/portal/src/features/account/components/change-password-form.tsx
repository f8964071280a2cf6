import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { LiveStatus } from "../../../shared/components/live-status";
import { Spinner } from "../../../shared/components/spinner";
import { useFocusFirstError } from "../../../shared/hooks/use-focus-first-error";
import { newPasswordErrors, PASSWORD_HINT, PasswordField, passwordMutationErrors, useSession } from "../../auth";
import { CHANGE_PASSWORD } from "../graphql/change-password.mutation";

export const PASSWORD_CHANGED_MESSAGE =
  "Votre mot de passe a été changé. Vos autres sessions ont été fermées : reconnectez-vous avec le nouveau mot de passe sur vos autres appareils.";

type Field = "currentPassword" | "newPassword" | "confirmation";
type Errors = Partial<Record<Field, string>>;

/**
 * « Changer de mot de passe »: the current password, the new one and its confirmation. On success the API ends every
 * other session of the user; this one stays open.
 */
export function ChangePasswordForm() {
  const user = useSession();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const focusFirstError = useFocusFirstError(formRef);
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);

  const clearError = (field: Field) => setErrors((current) => ({ ...current, [field]: undefined }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setStatus("");
    setFormError(null);
    const found: Errors = {
      ...(currentPassword ? {} : { currentPassword: "Saisissez votre mot de passe actuel." }),
      ...newPasswordErrors(newPassword, confirmation),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstError();
      return;
    }
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword } } });
      setCurrentPassword("");
      setNewPassword("");
      setConfirmation("");
      setStatus(PASSWORD_CHANGED_MESSAGE);
    } catch (error) {
      const { fieldErrors, formError: other } = passwordMutationErrors(error, ["currentPassword", "newPassword"] as const);
      setErrors(fieldErrors);
      setFormError(other);
      focusFirstError();
    }
  }

  return (
    <section className="card account-section">
      <h2 id={`${id}-title`}>Changer de mot de passe</h2>
      <form ref={formRef} className="form account-password-form" onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
        {formError && (
          <p className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
            {formError}
          </p>
        )}
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <PasswordField
          id={`${id}-current`}
          label="Mot de passe actuel"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(value) => {
            setCurrentPassword(value);
            clearError("currentPassword");
          }}
          error={errors.currentPassword}
        />
        <PasswordField
          id={`${id}-new`}
          label="Nouveau mot de passe"
          autoComplete="new-password"
          value={newPassword}
          onChange={(value) => {
            setNewPassword(value);
            clearError("newPassword");
          }}
          hint={PASSWORD_HINT}
          error={errors.newPassword}
        />
        <PasswordField
          id={`${id}-confirmation`}
          label="Confirmation du nouveau mot de passe"
          autoComplete="new-password"
          value={confirmation}
          onChange={(value) => {
            setConfirmation(value);
            clearError("confirmation");
          }}
          error={errors.confirmation}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? (
              <>
                <Spinner /> Enregistrement…
              </>
            ) : (
              "Changer le mot de passe"
            )}
          </button>
        </div>
      </form>
      <LiveStatus message={status} />
    </section>
  );
}
