import { lazy, Suspense, type ReactNode } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { AccountPage } from "../features/account";
import { AlertsPage } from "../features/alerts";
import { ApiTokensPage } from "../features/api-tokens";
import {
  ForgottenPasswordPage,
  LoginPage,
  RequireRole,
  ResetPasswordPage,
  RoleHomeRedirect,
  SessionGate,
  STAFF_ROLES,
} from "../features/auth";
import { BoardPage } from "../features/board";
import { JournalPage } from "../features/journal";
import { MilestoneCataloguePage } from "../features/pipeline";
import { EditProjectPage, MyProjectPage, NewProjectPage, ProjectListPage, ProjectPage } from "../features/projects";
import { ReferenceDataPage } from "../features/reference-data";
import { PeriodPage, ResultsPage, ReviewPage } from "../features/results";
import { ResultsImportPage } from "../features/results-import";
import { PepsSimulatorPage } from "../features/simulator";
import { UsersPage } from "../features/users";
import { NotFoundPage } from "../shared/components/not-found-page";
import { AppShell } from "./app-shell";

// The pages with charts (recharts) load on demand: the rest of the portal does not download them.
const ResultsDashboardPage = lazy(() => import("../features/dashboards").then((m) => ({ default: m.ResultsDashboardPage })));
const ResearchHomePage = lazy(() => import("../features/research").then((m) => ({ default: m.ResearchHomePage })));
const ResearchSettingsPage = lazy(() => import("../features/research").then((m) => ({ default: m.ResearchSettingsPage })));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p role="status" className="muted">
          Chargement de la page…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** French paths; every page but the login and password-reset ones requires a session. */
export const routes: RouteObject[] = [
  { path: "/connexion", element: <LoginPage /> },
  // « Mot de passe oublié » and the page of the link it e-mails: public, they work signed out.
  { path: "/mot-de-passe-oublie", element: <ForgottenPasswordPage /> },
  { path: "/reinitialiser-mot-de-passe", element: <ResetPasswordPage /> },
  {
    element: <SessionGate />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <RoleHomeRedirect /> },
          {
            path: "projets",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <ProjectListPage />
              </RequireRole>
            ),
          },
          {
            path: "projets/nouveau",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <NewProjectPage />
              </RequireRole>
            ),
          },
          {
            path: "projets/:projectId",
            element: (
              <RequireRole roles={[...STAFF_ROLES, "MSP_MEMBER"]}>
                <ProjectPage />
              </RequireRole>
            ),
          },
          {
            path: "projets/:projectId/modifier",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <EditProjectPage />
              </RequireRole>
            ),
          },
          {
            path: "tableau",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <BoardPage />
              </RequireRole>
            ),
          },
          {
            path: "alertes",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <AlertsPage />
              </RequireRole>
            ),
          },
          {
            path: "jalons",
            element: (
              <RequireRole roles={["FEDERATION_ADMIN"]}>
                <MilestoneCataloguePage />
              </RequireRole>
            ),
          },
          {
            path: "projets/:projectId/resultats",
            element: (
              <RequireRole roles={[...STAFF_ROLES, "MSP_MEMBER"]}>
                <ResultsPage />
              </RequireRole>
            ),
          },
          {
            path: "projets/:projectId/resultats/:periodId",
            element: (
              <RequireRole roles={[...STAFF_ROLES, "MSP_MEMBER"]}>
                <PeriodPage />
              </RequireRole>
            ),
          },
          {
            path: "resultats/tableau-de-bord",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <Loading>
                  <ResultsDashboardPage />
                </Loading>
              </RequireRole>
            ),
          },
          {
            path: "resultats/a-valider",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <ReviewPage />
              </RequireRole>
            ),
          },
          {
            path: "resultats/import",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <ResultsImportPage />
              </RequireRole>
            ),
          },
          {
            path: "referentiels",
            element: (
              <RequireRole roles={STAFF_ROLES}>
                <ReferenceDataPage />
              </RequireRole>
            ),
          },
          { path: "mon-projet", element: <MyProjectPage /> },
          {
            path: "simulateur-peps",
            element: (
              <RequireRole roles={[...STAFF_ROLES, "MSP_MEMBER"]}>
                <PepsSimulatorPage />
              </RequireRole>
            ),
          },
          {
            path: "recherche",
            element: (
              <RequireRole roles={["RESEARCHER", "FEDERATION_ADMIN"]}>
                <Loading>
                  <ResearchHomePage />
                </Loading>
              </RequireRole>
            ),
          },
          {
            path: "recherche/parametres",
            element: (
              <RequireRole roles={["FEDERATION_ADMIN"]}>
                <Loading>
                  <ResearchSettingsPage />
                </Loading>
              </RequireRole>
            ),
          },
          // The people of the federation (invitations, deactivation): federation admins only.
          {
            path: "utilisateurs",
            element: (
              <RequireRole roles={["FEDERATION_ADMIN"]}>
                <UsersPage />
              </RequireRole>
            ),
          },
          // The federation's audit log (who did what, when): federation admins only.
          {
            path: "journal",
            element: (
              <RequireRole roles={["FEDERATION_ADMIN"]}>
                <JournalPage />
              </RequireRole>
            ),
          },
          // Personal API tokens: every signed-in user (scripts act with the user's own rights).
          { path: "jetons", element: <ApiTokensPage /> },
          // The user's own account (change of password): every signed-in role.
          { path: "mon-compte", element: <AccountPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
