import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { FieldError } from "../../../shared/components/field-error";
import { Spinner } from "../../../shared/components/spinner";
import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { LOGIN } from "../graphql/login.mutation";
import { ME } from "../graphql/me.query";
import { loginErrorMessage } from "../utils/login-error-message";
import { homePathFor } from "../utils/roles";
import type { LoginRedirectState } from "./session-gate";

type FieldErrors = { email?: string; password?: string };

function redirectTarget(state: unknown): string | undefined {
  const from = (state as LoginRedirectState | null)?.from;
  return from && from !== "/" && !from.startsWith("/connexion") ? from : undefined;
}

export function LoginPage() {
  useDocumentTitle("Connexion");
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const [login, { loading }] = useMutation(LOGIN, {
    // The session gate reads `me` from the cache: no second round trip after signing in.
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: ME, data: { __typename: "Query", me: data.login } });
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = "Saisissez votre adresse e-mail.";
    if (!password) errors.password = "Saisissez votre mot de passe.";
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) return;

    try {
      const { data } = await login({ variables: { input: { email: email.trim(), password } } });
      if (!data) throw new Error("Empty login response");
      await navigate(redirectTarget(location.state) ?? homePathFor(data.login), { replace: true });
    } catch (error) {
      setFormError(loginErrorMessage(error));
    }
  }

  return (
    <main className="login-page" id="contenu">
      <div className="login-card">
        <p className="login-card__brand">Maillage</p>
        <h1>Connexion</h1>
        <p className="login-card__intro">
          Plateforme de la fédération régionale des maisons de santé pluriprofessionnelles.
        </p>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {!formError && (location.state as LoginRedirectState | null)?.expired === true && (
          <p className="notice" role="status">
            Session expirée : votre session a pris fin (elle a expiré, ou elle a été fermée). Reconnectez-vous pour continuer.
          </p>
        )}
        <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label="Connexion">
          <div className="field">
            <label htmlFor="login-email">Adresse e-mail</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? "login-email-error" : undefined}
            />
            <FieldError id="login-email-error" message={fieldErrors.email} />
          </div>
          <div className="field">
            <label htmlFor="login-password">Mot de passe</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? "login-password-error" : undefined}
            />
            <FieldError id="login-password-error" message={fieldErrors.password} />
          </div>
          <button type="submit" className="button button--primary button--block" disabled={loading}>
            {loading ? (
              <>
                <Spinner /> Connexion en cours…
              </>
            ) : (
              "Se connecter"
            )}
          </button>
        </form>
        <p className="login-card__links">
          <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        </p>
      </div>
    </main>
  );
}
