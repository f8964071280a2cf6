import { useApolloClient, useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Spinner } from "../../../shared/components/spinner";
import { useFocusFirstError } from "../../../shared/hooks/use-focus-first-error";
import { RESET_PASSWORD } from "../graphql/reset-password.mutation";
import { newPasswordErrors, PASSWORD_HINT, passwordMutationErrors } from "../utils/password-form";
import { PasswordField } from "./password-field";
import { PublicCard } from "./public-card";

export const PASSWORD_RESET_DONE_MESSAGE = "Votre mot de passe a été changé. Connectez-vous avec le nouveau.";
export const INVITATION_DONE_MESSAGE = "Votre compte est activé. Connectez-vous avec votre adresse e-mail et ce mot de passe.";

type Field = "token" | "newPassword" | "confirmation";
type Errors = Partial<Record<Field, string>>;

const FORGOTTEN_PASSWORD_PATH = "/mot-de-passe-oublie";

/**
 * The page of the link e-mailed by « Mot de passe oublié » (public): `/reinitialiser-mot-de-passe?jeton=…`. Sets a
 * new password with the token; the API then ends every session of the user, who signs in again. With
 * `&invitation=1` it is the page of an invitation link (valid seven days): the same token sets the first password and
 * the words say so.
 */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("jeton")?.trim() ?? "";
  const invitation = searchParams.get("invitation") === "1";

  if (!token) {
    return (
      <PublicCard title="Lien incomplet">
        <p>
          L’adresse ouverte ne contient pas le jeton de réinitialisation. Ouvrez le lien reçu par e-mail tel quel (sans le
          couper), ou demandez-en un nouveau.
        </p>
        <p className="login-card__links">
          <Link to={FORGOTTEN_PASSWORD_PATH}>Demander un nouveau lien</Link>
          <Link to="/connexion">Se connecter</Link>
        </p>
      </PublicCard>
    );
  }
  return <ResetPasswordForm token={token} invitation={invitation} />;
}

function ResetPasswordForm({ token, invitation }: { token: string; invitation: boolean }) {
  const client = useApolloClient();
  const containerRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const focusFirstError = useFocusFirstError(containerRef);
  const [resetPassword, { loading }] = useMutation(RESET_PASSWORD);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = newPasswordErrors(newPassword, confirmation);
    setErrors(found);
    setFormError(null);
    if (found.newPassword || found.confirmation) {
      focusFirstError();
      return;
    }
    try {
      await resetPassword({ variables: { input: { token, newPassword } } });
      // Every session of the user has ended: forget whatever this browser had cached for one of them.
      await client.clearStore();
      setNewPassword("");
      setConfirmation("");
      setDone(true);
    } catch (error) {
      const { fieldErrors, formError: other } = passwordMutationErrors(error, ["token", "newPassword"] as const);
      setErrors(fieldErrors);
      setFormError(other);
      focusFirstError();
    }
  }

  if (done) {
    return (
      <PublicCard title={invitation ? "Compte activé" : "Mot de passe changé"}>
        <div role="status">
          <p className="notice notice--success" ref={doneRef} tabIndex={-1}>
            {invitation ? INVITATION_DONE_MESSAGE : PASSWORD_RESET_DONE_MESSAGE}
          </p>
        </div>
        <p className="login-card__links">
          <Link to="/connexion">Se connecter</Link>
        </p>
      </PublicCard>
    );
  }

  return (
    <PublicCard title={invitation ? "Activer votre compte" : "Choisir un nouveau mot de passe"}>
      <div ref={containerRef}>
        {errors.token &&
          // The link itself is refused (used, expired or unknown): no password will do, a new link is needed.
          (invitation ? (
            <div className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
              <p>Ce lien d’invitation n’est plus valable : il a déjà servi, ou il a expiré (il est valable sept jours).</p>
              <p>Demandez à l’administrateur·rice de votre fédération de vous renvoyer l’invitation.</p>
            </div>
          ) : (
            <div className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
              <p>Ce lien de réinitialisation n’est plus valable : il a déjà servi, ou il a expiré (il est valable une heure).</p>
              <p>
                <Link to={FORGOTTEN_PASSWORD_PATH}>Demander un nouveau lien</Link>
              </p>
            </div>
          ))}
        {formError && (
          <p className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
            {formError}
          </p>
        )}
        <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={invitation ? "Choisir votre mot de passe" : "Choisir un nouveau mot de passe"}>
          <PasswordField
            id="reset-new-password"
            label="Nouveau mot de passe"
            autoComplete="new-password"
            autoFocus
            value={newPassword}
            onChange={(value) => {
              setNewPassword(value);
              setErrors((current) => ({ ...current, newPassword: undefined }));
            }}
            hint={PASSWORD_HINT}
            error={errors.newPassword}
          />
          <PasswordField
            id="reset-confirmation"
            label="Confirmation du nouveau mot de passe"
            autoComplete="new-password"
            value={confirmation}
            onChange={(value) => {
              setConfirmation(value);
              setErrors((current) => ({ ...current, confirmation: undefined }));
            }}
            error={errors.confirmation}
          />
          <button type="submit" className="button button--primary button--block" disabled={loading}>
            {loading ? (
              <>
                <Spinner /> Enregistrement…
              </>
            ) : (
              "Changer le mot de passe"
            )}
          </button>
        </form>
      </div>
      <p className="login-card__links">
        <Link to="/connexion">Se connecter</Link>
      </p>
    </PublicCard>
  );
}
