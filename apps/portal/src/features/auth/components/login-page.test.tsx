import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { LoginMutation, Role } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { LOGIN } from "../graphql/login.mutation";
import { LoginPage } from "./login-page";

const EMAIL = "claire.martin@femasaura.fr";
const PASSWORD = "correct horse battery staple";

function loginMock(result: { data: LoginMutation } | { errors: ReturnType<typeof apiError>[] }, delay = 0) {
  return { request: { query: LOGIN, variables: { input: { email: EMAIL, password: PASSWORD } } }, result, delay };
}

function renderLogin(mocks: Parameters<typeof renderRoutes>[0]["mocks"], initialEntry: Parameters<typeof renderRoutes>[0]["initialEntry"] = "/connexion") {
  return renderRoutes({
    routes: [
      { path: "/connexion", element: <LoginPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry,
    mocks,
  });
}

async function fillAndSubmit(user: ReturnType<typeof renderLogin>["user"]) {
  await user.type(screen.getByLabelText("Adresse e-mail"), EMAIL);
  await user.type(screen.getByLabelText("Mot de passe"), PASSWORD);
  await user.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe(LoginPage.name, () => {
  it("says « Session expirée » when the session ended while browsing, then returns to the page after signing in", async () => {
    const { user } = renderLogin(
      [loginMock({ data: { __typename: "Mutation", login: buildUser({ role: "CHARGE_DEVELOPPEMENT" }) } })],
      { pathname: "/connexion", state: { from: "/tableau?stage=PROJET_SANTE", expired: true } },
    );
    expect(screen.getByRole("status")).toHaveTextContent("Session expirée : votre session a pris fin");
    await fillAndSubmit(user);
    expect(await screen.findByTestId("location")).toHaveTextContent("/tableau?stage=PROJET_SANTE");
  });

  it("says nothing of a session when it was simply opened", () => {
    renderLogin([]);
    expect(screen.queryByText(/Session expirée/)).not.toBeInTheDocument();
  });

  it("focuses the e-mail field and labels both fields", () => {
    renderLogin([]);
    expect(screen.getByRole("heading", { level: 1, name: "Connexion" })).toBeInTheDocument();
    expect(screen.getByLabelText("Adresse e-mail")).toHaveFocus();
    expect(screen.getByLabelText("Mot de passe")).toHaveAttribute("type", "password");
  });

  it.each<[Role, string, Partial<ReturnType<typeof buildUser>>]>([
    ["CHARGE_DEVELOPPEMENT", "/projets", {}],
    ["RESEARCHER", "/recherche", {}],
    ["MSP_MEMBER", "/projets/project-42", { mspProject: { __typename: "Project", id: "project-42", name: "MSP du Vivarais" } }],
  ])("sends a %s to their home page (%s) after signing in", async (role, home, overrides) => {
    const { user } = renderLogin([
      loginMock({ data: { __typename: "Mutation", login: buildUser({ role, ...overrides }) } }),
    ]);
    await fillAndSubmit(user);
    expect(await screen.findByTestId("location")).toHaveTextContent(home);
  });

  it("disables the button and shows a spinner while signing in", async () => {
    const { user } = renderLogin([
      loginMock({ data: { __typename: "Mutation", login: buildUser() } }, 50),
    ]);
    await fillAndSubmit(user);
    const button = screen.getByRole("button", { name: /Connexion en cours/ });
    expect(button).toBeDisabled();
    expect(await screen.findByTestId("location")).toHaveTextContent("/projets");
  });

  it("says « Identifiants incorrects » when the API answers UNAUTHENTICATED", async () => {
    const { user, router } = renderLogin([loginMock({ errors: [apiError("UNAUTHENTICATED", "Invalid credentials")] })]);
    await fillAndSubmit(user);
    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiants incorrects");
    expect(router.state.location.pathname).toBe("/connexion");
    expect(screen.getByRole("button", { name: "Se connecter" })).toBeEnabled();
  });

  it("asks to wait when the login rate limit is hit", async () => {
    const { user } = renderLogin([loginMock({ errors: [apiError("TOO_MANY_REQUESTS", "Too many requests")] })]);
    await fillAndSubmit(user);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Trop de tentatives, réessayez dans quelques minutes",
    );
  });

  it("offers « Mot de passe oublié ? », which opens the page to ask for a reset link", async () => {
    const { user } = renderLogin([]);
    await user.click(screen.getByRole("link", { name: "Mot de passe oublié ?" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/mot-de-passe-oublie");
  });

  it("explains empty fields in French without calling the API", async () => {
    const { user } = renderLogin([]);
    await user.click(screen.getByRole("button", { name: "Se connecter" }));
    expect(screen.getByLabelText("Adresse e-mail")).toHaveAccessibleDescription("Saisissez votre adresse e-mail.");
    expect(screen.getByLabelText("Mot de passe")).toHaveAccessibleDescription("Saisissez votre mot de passe.");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
