import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError } from "../../../test/fixtures";
import type { Mocks } from "../../../test/mocks";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { RESET_PASSWORD } from "../graphql/reset-password.mutation";
import { INVITATION_DONE_MESSAGE, PASSWORD_RESET_DONE_MESSAGE, ResetPasswordPage } from "./reset-password-page";

const TOKEN = "k3Q9x_Vb7Lr2mN8pT4wYz1aB5cD6eF0gH";
const NEW_PASSWORD = "girafe-velo-orage-pistache";

function resetMock(result: object, newPassword = NEW_PASSWORD) {
  return { request: { query: RESET_PASSWORD, variables: { input: { token: TOKEN, newPassword } } }, result };
}
const done = { data: { __typename: "Mutation", resetPassword: true } };

function renderPage(mocks: Mocks, initialEntry = `/reinitialiser-mot-de-passe?jeton=${TOKEN}`) {
  return renderRoutes({
    routes: [
      { path: "/reinitialiser-mot-de-passe", element: <ResetPasswordPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry,
    mocks,
  });
}

const newPasswordField = () => screen.getByLabelText("Nouveau mot de passe");
const confirmationField = () => screen.getByLabelText("Confirmation du nouveau mot de passe");

async function fillAndSubmit(user: ReturnType<typeof renderPage>["user"], password = NEW_PASSWORD, confirmation = password) {
  await user.type(newPasswordField(), password);
  await user.type(confirmationField(), confirmation);
  await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
}

describe(ResetPasswordPage.name, () => {
  it("labels both fields for a new password and shows the rule as the field's hint", () => {
    renderPage([]);
    expect(screen.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeInTheDocument();
    expect(newPasswordField()).toHaveFocus();
    expect(newPasswordField()).toHaveAttribute("type", "password");
    expect(newPasswordField()).toHaveAttribute("autocomplete", "new-password");
    expect(confirmationField()).toHaveAttribute("autocomplete", "new-password");
    expect(newPasswordField()).toHaveAccessibleDescription(
      "12 caractères au moins ; évitez les mots de passe courants et votre adresse e-mail.",
    );
  });

  it("sets the new password with the link's token, then says so and offers to sign in", async () => {
    const { user } = renderPage([resetMock(done)]);
    await fillAndSubmit(user);
    const message = await within(await screen.findByRole("status")).findByText(PASSWORD_RESET_DONE_MESSAGE);
    expect(message).toHaveTextContent("Votre mot de passe a été changé. Connectez-vous avec le nouveau.");
    expect(message).toHaveFocus();
    expect(screen.queryByLabelText("Nouveau mot de passe")).not.toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: "Se connecter" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/connexion");
  });

  it("as an invitation link: the words say the account is being activated, and an expired link points to the admin", async () => {
    const { user } = renderPage([resetMock(done)], `/reinitialiser-mot-de-passe?jeton=${TOKEN}&invitation=1`);
    expect(screen.getByRole("heading", { level: 1, name: "Activer votre compte" })).toBeInTheDocument();
    await fillAndSubmit(user);
    expect(await within(await screen.findByRole("status")).findByText(INVITATION_DONE_MESSAGE)).toHaveFocus();
    expect(screen.getByRole("heading", { level: 1, name: "Compte activé" })).toBeInTheDocument();
  });

  it("as an expired invitation link: asks to have the invitation sent again", async () => {
    const refused = { errors: [apiError("BAD_USER_INPUT", "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau.", { field: "token", fields: [{ field: "token", code: "PASSWORD_RESET.TOKEN_INVALID", message: "Ce lien n'est plus valable." }] })] };
    const { user } = renderPage([resetMock(refused)], `/reinitialiser-mot-de-passe?jeton=${TOKEN}&invitation=1`);
    await fillAndSubmit(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ce lien d’invitation n’est plus valable");
    expect(alert).toHaveTextContent("renvoyer l’invitation");
    expect(within(alert).queryByRole("link")).not.toBeInTheDocument();
  });

  it("refuses a confirmation that differs, next to it, without calling the API", async () => {
    const answer = vi.fn(() => done);
    const { user } = renderPage([{ request: { query: RESET_PASSWORD, variables: () => true }, result: answer }]);
    await fillAndSubmit(user, NEW_PASSWORD, "girafe-velo-orage-pistach");
    expect(confirmationField()).toHaveAccessibleDescription("Les deux mots de passe ne correspondent pas.");
    expect(confirmationField()).toHaveAttribute("aria-invalid", "true");
    expect(confirmationField()).toHaveFocus();
    expect(newPasswordField()).not.toHaveAttribute("aria-invalid");
    expect(answer).not.toHaveBeenCalled();

    await user.type(confirmationField(), "e");
    expect(confirmationField()).not.toHaveAttribute("aria-invalid");
    await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
    expect(await screen.findByText(PASSWORD_RESET_DONE_MESSAGE)).toBeInTheDocument();
    expect(answer).toHaveBeenCalledWith({ input: { token: TOKEN, newPassword: NEW_PASSWORD } });
  });

  it("shows the API's reason next to the new password and moves the focus there", async () => {
    const { user } = renderPage([
      resetMock(
        {
          errors: [
            apiError("BAD_USER_INPUT", "Ce mot de passe est trop courant ou trop facile à deviner.", {
              field: "newPassword",
              fields: [
                { field: "newPassword", code: "PASSWORD.TOO_COMMON", message: "Ce mot de passe est trop courant ou trop facile à deviner." },
              ],
            }),
          ],
        },
        "motdepasse123",
      ),
    ]);
    await fillAndSubmit(user, "motdepasse123");
    await vi.waitFor(() => expect(newPasswordField()).toHaveFocus());
    expect(newPasswordField()).toHaveAttribute("aria-invalid", "true");
    expect(newPasswordField()).toHaveAccessibleDescription(
      "12 caractères au moins ; évitez les mots de passe courants et votre adresse e-mail. Ce mot de passe est trop courant ou trop facile à deviner.",
    );
    expect(screen.queryByText(/PASSWORD\./)).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    // Typing again clears the message.
    await user.type(newPasswordField(), "x");
    expect(newPasswordField()).not.toHaveAttribute("aria-invalid");
  });

  it("says when the link is no longer valid, with a link to ask for a new one", async () => {
    const { user } = renderPage([
      resetMock({
        errors: [
          apiError("BAD_USER_INPUT", "Ce lien n'est plus valable.", {
            field: "token",
            fields: [{ field: "token", code: "PASSWORD_RESET.TOKEN_INVALID", message: "Ce lien n'est plus valable." }],
          }),
        ],
      }),
    ]);
    await fillAndSubmit(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ce lien de réinitialisation n’est plus valable");
    expect(alert).not.toHaveTextContent("TOKEN_INVALID");
    await vi.waitFor(() => expect(alert).toHaveFocus());
    expect(newPasswordField()).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("status")).not.toBeInTheDocument();

    await user.click(within(alert).getByRole("link", { name: "Demander un nouveau lien" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/mot-de-passe-oublie");
  });

  it("explains a link without its token and offers to ask for a new one", async () => {
    const { user } = renderPage([], "/reinitialiser-mot-de-passe");
    expect(screen.getByRole("heading", { level: 1, name: "Lien incomplet" })).toBeInTheDocument();
    expect(screen.getByText(/ne contient pas le jeton de réinitialisation/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Nouveau mot de passe")).not.toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Demander un nouveau lien" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/mot-de-passe-oublie");
  });
});
