import { createBrowserRouter, type RouteObject } from "react-router";
import { AlertsPage } from "../features/alerts";
import { LoginPage, RequireRole, RoleHomeRedirect, SessionGate, STAFF_ROLES } from "../features/auth";
import { BoardPage } from "../features/board";
import { MilestoneCataloguePage } from "../features/pipeline";
import { EditProjectPage, MyProjectPage, NewProjectPage, ProjectListPage, ProjectPage } from "../features/projects";
import { ResearchHomePage } from "../features/research";
import { NotFoundPage } from "../shared/components/not-found-page";
import { AppShell } from "./app-shell";

/** French paths; every page but /connexion requires a session. */
export const routes: RouteObject[] = [
  { path: "/connexion", element: <LoginPage /> },
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
          { path: "mon-projet", element: <MyProjectPage /> },
          {
            path: "recherche",
            element: (
              <RequireRole roles={["RESEARCHER"]}>
                <ResearchHomePage />
              </RequireRole>
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
