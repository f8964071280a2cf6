import { Link, NavLink, Outlet } from "react-router";
import { AlertCountBadge } from "../features/alerts";
import { useLogout, useSession } from "../features/auth";
import { Spinner } from "../shared/components/spinner";
import { ROLE_LABELS } from "../shared/labels";
import { navItemsFor } from "./navigation";

/** Header, role navigation and the main landmark around every signed-in page. */
export function AppShell() {
  const user = useSession();
  const { logout, isLoggingOut } = useLogout();

  return (
    <div className="app">
      <a className="skip-link" href="#contenu">
        Aller au contenu principal
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__brand">
            <Link to="/" className="brand">
              Maillage
            </Link>
            <span className="app-header__federation">{user.federation.name}</span>
          </div>
          <nav className="main-nav" aria-label="Navigation principale">
            <ul>
              {navItemsFor(user).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to}>
                    {item.label}
                    {item.hasAlertCount && <AlertCountBadge />}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__user">
            <p className="user-badge">
              <span className="user-badge__name">{user.displayName}</span>
              <span className="user-badge__role">{ROLE_LABELS[user.role]}</span>
            </p>
            {/* The account and personal API tokens, for every role (user menu rather than the role navigation). */}
            <NavLink to="/mon-compte" className="app-header__user-link">
              Mon compte
            </NavLink>
            <NavLink to="/jetons" className="app-header__user-link">
              Jetons d’API
            </NavLink>
            <button type="button" className="button button--ghost" onClick={() => void logout()} disabled={isLoggingOut}>
              {isLoggingOut && <Spinner />} Se déconnecter
            </button>
          </div>
        </div>
      </header>
      <main id="contenu" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>Maillage — {user.federation.name}</p>
      </footer>
    </div>
  );
}
