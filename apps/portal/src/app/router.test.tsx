import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ME } from "../features/auth/graphql/me.query";
import { LOGIN } from "../features/auth/graphql/login.mutation";
import { LOGOUT } from "../features/auth/graphql/logout.mutation";
import { PROJECT } from "../features/projects/graphql/project.query";
import { researchPageMocks } from "../features/research/test-fixtures";
import type { SessionUserFragment } from "../gql/graphql";
import { apiError, buildProjectDetails, buildUser } from "../test/fixtures";
import { alertCountMock, type Mocks, projectSectionMocks } from "../test/mocks";
import { renderRoutes } from "../test/render";
import { routes } from "./router";

function meMock(me: SessionUserFragment) {
  return { request: { query: ME }, result: { data: { __typename: "Query", me } } };
}

function renderApp(initialEntry: string, mocks: object[]) {
  return renderRoutes({
    routes,
    initialEntry,
    mocks: [...(mocks as Mocks), alertCountMock(), ...projectSectionMocks("project-1", "VALIDATION_ARS"), ...researchPageMocks()],
  });
}

describe("routes", () => {
  it("sends a visitor without a session to /connexion, remembering where they were going", async () => {
    const { router } = renderApp("/projets?etape=IMMOBILIER", [
      { request: { query: ME }, result: { errors: [apiError("UNAUTHENTICATED", "Not signed in")] } },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/connexion");
    expect(router.state.location.state).toEqual({ from: "/projets?etape=IMMOBILIER" });
  });

  it("after signing in, returns to the requested page without asking `me` again", async () => {
    const researcher = buildUser({ role: "RESEARCHER", email: "r@univ.fr" });
    const { user, router } = renderApp("/recherche", [
      { request: { query: ME }, result: { errors: [apiError("UNAUTHENTICATED", "Not signed in")] } },
      {
        request: { query: LOGIN, variables: { input: { email: "r@univ.fr", password: "secret" } } },
        result: { data: { __typename: "Mutation", login: researcher } },
      },
    ]);
    await user.type(await screen.findByLabelText("Adresse e-mail"), "r@univ.fr");
    await user.type(screen.getByLabelText("Mot de passe"), "secret");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Espace recherche" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/recherche");
    expect(screen.getByText("Chercheur·se")).toBeInTheDocument();
  });

  it("opens the research space for a researcher, without access to projects", async () => {
    const { router } = renderApp("/", [meMock(buildUser({ role: "RESEARCHER" }))]);
    expect(await screen.findByRole("heading", { level: 1, name: "Espace recherche" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/recherche");
    expect(screen.getByText(/ne donne pas accès aux projets/)).toBeInTheDocument();

    await router.navigate("/projets");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
  });

  it("opens an MSP member's own project page from /", async () => {
    const { router } = renderApp("/", [
      meMock(
        buildUser({
          role: "MSP_MEMBER",
          displayName: "Dr Lucie Faure",
          mspProject: { __typename: "Project", id: "project-1", name: "MSP des Boutières" },
        }),
      ),
      { request: { query: PROJECT, variables: { id: "project-1" } }, result: { data: { __typename: "Query", project: buildProjectDetails() } } },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "MSP des Boutières" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/projets/project-1");
    expect(screen.getByRole("link", { name: "Mon projet" })).toHaveAttribute("aria-current", "page");
  });

  it("keeps the board, the alerts and the catalogue for staff; the catalogue for admins", async () => {
    const { router } = renderApp("/tableau", [meMock(buildUser({ role: "MSP_MEMBER" }))]);
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
    await router.navigate("/alertes");
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
  });

  it("refuses the milestone catalogue to a chargé·e", async () => {
    renderApp("/jalons", [meMock(buildUser())]);
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
  });

  it("opens the forgotten-password and reset pages without a session", async () => {
    const signedOut = { request: { query: ME }, result: { errors: [apiError("UNAUTHENTICATED", "Not signed in")] } };
    const { router } = renderApp("/mot-de-passe-oublie", [signedOut]);
    expect(await screen.findByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/mot-de-passe-oublie");

    await router.navigate("/reinitialiser-mot-de-passe?jeton=k3Q9x_Vb7Lr2mN8pT4wYz1aB5cD6eF0gH");
    expect(await screen.findByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/reinitialiser-mot-de-passe");
    expect(screen.queryByRole("banner")).not.toBeInTheDocument();
  });

  it("opens « Mon compte » from the user menu for any role, and only with a session", async () => {
    const { user, router } = renderApp("/recherche", [meMock(buildUser({ role: "RESEARCHER" }))]);
    await user.click(await screen.findByRole("link", { name: "Mon compte" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Mon compte" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/mon-compte");
  });

  it("sends a visitor without a session from « Mon compte » to /connexion", async () => {
    const { router } = renderApp("/mon-compte", [
      { request: { query: ME }, result: { errors: [apiError("UNAUTHENTICATED", "Not signed in")] } },
    ]);
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/connexion");
  });

  it("shows « Page introuvable » for an unknown address", async () => {
    renderApp("/nimporte-quoi", [meMock(buildUser())]);
    expect(await screen.findByRole("heading", { level: 1, name: "Page introuvable" })).toBeInTheDocument();
  });

  it("signs out and goes back to the login page", async () => {
    const { user, router } = renderApp("/recherche", [
      meMock(buildUser({ role: "RESEARCHER" })),
      { request: { query: LOGOUT }, result: { data: { __typename: "Mutation", logout: true } } },
    ]);
    await user.click(await screen.findByRole("button", { name: "Se déconnecter" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Connexion" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/connexion");
  });
});
