import { useDocumentTitle } from "../../../shared/hooks/use-document-title";
import { ROLE_LABELS } from "../../../shared/labels";
import { useSession } from "../../auth";
import { ChangePasswordForm } from "./change-password-form";
import { SessionsSection } from "./sessions-section";

/** « Mon compte » (every signed-in role): who is signed in, the change of password and the open sessions. */
export function AccountPage() {
  useDocumentTitle("Mon compte");
  const user = useSession();
  return (
    <div className="account-page">
      <div className="page-header">
        <h1>Mon compte</h1>
      </div>
      <section className="card account-section" aria-labelledby="account-identity-title">
        <h2 id="account-identity-title">Vos informations</h2>
        <dl className="details">
          <div>
            <dt>Nom</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>Adresse e-mail</dt>
            <dd className="account-page__email">{user.email}</dd>
          </div>
          <div>
            <dt>Rôle</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
          </div>
          <div>
            <dt>Fédération</dt>
            <dd>{user.federation.name}</dd>
          </div>
        </dl>
      </section>
      <ChangePasswordForm />
      <SessionsSection />
    </div>
  );
}
