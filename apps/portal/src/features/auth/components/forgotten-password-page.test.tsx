import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError } from "../../../test/fixtures";
import type { Mocks } from "../../../test/mocks";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { REQUEST_PASSWORD_RESET } from "../graphql/request-password-reset.mutation";
import { ForgottenPasswordPage, RESET_REQUESTED_MESSAGE } from "./forgotten-password-page";

function requestMock(email: string, result: object, delay = 0) {
  return { request: { query: REQUEST_PASSWORD_RESET, variables: { email } }, result, delay };
}
const answeredTrue = { data: { __typename: "Mutation", requestPasswordReset: true } };

function renderPage(mocks: Mocks) {
  return renderRoutes({
    routes: [
      { path: "/mot-de-passe-oublie", element: <ForgottenPasswordPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry: "/mot-de-passe-oublie",
    mocks,
  });
}

async function ask(user: ReturnType<typeof renderPage>["user"], email: string) {
  await user.type(screen.getByLabelText("Adresse e-mail"), email);
  await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
}

describe(ForgottenPasswordPage.name, () => {
  it("asks for the e-mail in a labelled, focused field with the e-mail autocomplete", () => {
    renderPage([]);
    expect(screen.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeInTheDocument();
    const email = screen.getByLabelText("Adresse e-mail");
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute("type", "email");
    expect(email).toHaveAttribute("autocomplete", "email");
  });

  it("sends the trimmed address, shows the loading state, then the confirmation with the focus on it", async () => {
    const { user } = renderPage([requestMock("claire.martin@femasaura.fr", answeredTrue, 50)]);
    await ask(user, "  claire.martin@femasaura.fr ");
    expect(screen.getByRole("button", { name: /Envoi en cours/ })).toBeDisabled();

    const confirmation = await within(screen.getByRole("status")).findByText(RESET_REQUESTED_MESSAGE);
    expect(confirmation).toHaveFocus();
    expect(screen.queryByLabelText("Adresse e-mail")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Se connecter" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/connexion");
  });

  it("answers exactly the same for an address with an account and one without", async () => {
    const pageAfterAsking = async (email: string) => {
      const { user, unmount } = renderPage([requestMock(email, answeredTrue)]);
      await ask(user, email);
      await within(screen.getByRole("status")).findByText(RESET_REQUESTED_MESSAGE);
      const text = screen.getByRole("main").textContent;
      unmount();
      return text;
    };
    const known = await pageAfterAsking("claire.martin@femasaura.fr");
    const unknown = await pageAfterAsking("personne@exemple.fr");
    expect(known).toBe(unknown);
    expect(known).not.toContain("claire.martin");
    expect(known).toContain("Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.");
  });

  it("says in French how long to wait when the API limits the requests", async () => {
    const { user } = renderPage([
      requestMock("claire.martin@femasaura.fr", { errors: [apiError("TOO_MANY_REQUESTS", "Trop de demandes.", { retryAfterSeconds: 600 })] }),
    ]);
    await ask(user, "claire.martin@femasaura.fr");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Trop de demandes depuis votre connexion. Réessayez dans 10 minutes.");
    expect(alert).not.toHaveTextContent("TOO_MANY_REQUESTS");
    expect(alert).toHaveFocus();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    expect(screen.getByRole("button", { name: "Recevoir un lien" })).toBeEnabled();
  });

  it("explains an empty or malformed address next to the field, without calling the API", async () => {
    const answer = vi.fn(() => answeredTrue);
    const { user } = renderPage([{ request: { query: REQUEST_PASSWORD_RESET, variables: () => true }, result: answer }]);
    const email = screen.getByLabelText("Adresse e-mail");

    await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
    expect(email).toHaveAccessibleDescription("Saisissez votre adresse e-mail.");
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveFocus();

    await ask(user, "claire.martin");
    expect(email).toHaveAccessibleDescription(/Saisissez une adresse e-mail valide/);
    expect(answer).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();

    // Once corrected, the request goes out.
    await user.type(email, "@femasaura.fr");
    await user.click(screen.getByRole("button", { name: "Recevoir un lien" }));
    expect(await within(screen.getByRole("status")).findByText(RESET_REQUESTED_MESSAGE)).toBeInTheDocument();
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith({ email: "claire.martin@femasaura.fr" });
  });
});
