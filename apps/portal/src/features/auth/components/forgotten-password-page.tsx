import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { describeError, getRetryAfterSeconds, hasErrorCode, retryDelayText } from "../../../shared/graphql-errors";
import { useFocusFirstError } from "../../../shared/hooks/use-focus-first-error";
import { REQUEST_PASSWORD_RESET } from "../graphql/request-password-reset.mutation";
import { PublicCard } from "./public-card";

/** The one answer of the page, whether an account exists for the address or not. */
export const RESET_REQUESTED_MESSAGE =
  "Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

function emailError(email: string): string | undefined {
  if (!email) return "Saisissez votre adresse e-mail.";
  if (!EMAIL_PATTERN.test(email)) return "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.";
  return undefined;
}

/**
 * « Mot de passe oublié » (public): asks the API to e-mail a reset link. The page answers the same whatever the
 * address (the API does not say whether the account exists, and neither does the page).
 */
export function ForgottenPasswordPage() {
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const focusFirstError = useFocusFirstError(formRef);
  const [requestReset, { loading }] = useMutation(REQUEST_PASSWORD_RESET);

  // The form is gone once the link is asked for: the focus goes to the confirmation instead of the page's top.
  useEffect(() => {
    if (sent) statusRef.current?.focus();
  }, [sent]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const trimmed = email.trim();
    const error = emailError(trimmed);
    setFieldError(error);
    setFormError(null);
    if (error) {
      focusFirstError();
      return;
    }
    try {
      await requestReset({ variables: { email: trimmed } });
      setSent(true);
    } catch (failure) {
      setFormError(
        hasErrorCode(failure, "TOO_MANY_REQUESTS")
          ? `Trop de demandes depuis votre connexion. Réessayez ${retryDelayText(getRetryAfterSeconds(failure))}.`
          : describeError(failure),
      );
      focusFirstError();
    }
  }

  return (
    <PublicCard title="Mot de passe oublié">
      {/* Always in the page, so that screen readers announce the confirmation when it appears. */}
      <div role="status">
        {sent && (
          <p className="notice notice--success" ref={statusRef} tabIndex={-1}>
            {RESET_REQUESTED_MESSAGE}
          </p>
        )}
      </div>
      {sent ? (
        <p className="login-card__intro">
          Pensez à regarder dans vos courriers indésirables. Sans e-mail d’ici quelques minutes, vérifiez l’adresse et
          refaites une demande.
        </p>
      ) : (
        <>
          <p className="login-card__intro">
            Saisissez l’adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.
          </p>
          <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Mot de passe oublié">
            {formError && (
              <p className="form-error" role="alert" tabIndex={-1} data-focus-on-error>
                {formError}
              </p>
            )}
            <div className="field">
              <label htmlFor="forgotten-email">Adresse e-mail</label>
              <input
                id="forgotten-email"
                name="email"
                type="email"
                autoComplete="email"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? "forgotten-email-error" : undefined}
              />
              <FieldError id="forgotten-email-error" message={fieldError} />
            </div>
            <button type="submit" className="button button--primary button--block" disabled={loading}>
              {loading ? (
                <>
                  <Spinner /> Envoi en cours…
                </>
              ) : (
                "Recevoir un lien"
              )}
            </button>
          </form>
        </>
      )}
      <p className="login-card__links">
        <Link to="/connexion">Se connecter</Link>
      </p>
    </PublicCard>
  );
}
