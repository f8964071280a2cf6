import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { CHANGE_PASSWORD } from "../graphql/change-password.mutation";
import { AccountPage } from "./account-page";
import { PASSWORD_CHANGED_MESSAGE } from "./change-password-form";

const CURRENT = "ancien-mot-de-passe-solide";
const NEW_PASSWORD = "girafe-velo-orage-pistache";

function changeMock(result: object, input = { currentPassword: CURRENT, newPassword: NEW_PASSWORD }) {
  return { request: { query: CHANGE_PASSWORD, variables: { input } }, result };
}
const changed = { data: { __typename: "Mutation", changePassword: true } };

function badInput(...fields: { field: string; code: string; message: string }[]) {
  return { errors: [apiError("BAD_USER_INPUT", fields[0]!.message, { field: fields[0]!.field, fields })] };
}

function renderPage(mocks: Mocks, user = buildUser()) {
  return renderRoutes({ routes: [{ path: "/mon-compte", element: <AccountPage /> }], initialEntry: "/mon-compte", mocks, user });
}

const currentField = () => screen.getByLabelText("Mot de passe actuel");
const newField = () => screen.getByLabelText("Nouveau mot de passe");
const confirmationField = () => screen.getByLabelText("Confirmation du nouveau mot de passe");

async function fillAndSubmit(user: ReturnType<typeof renderPage>["user"], values: { current?: string; next?: string; confirmation?: string } = {}) {
  const { current = CURRENT, next = NEW_PASSWORD, confirmation = next } = values;
  if (current) await user.type(currentField(), current);
  if (next) await user.type(newField(), next);
  if (confirmation) await user.type(confirmationField(), confirmation);
  await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
}

describe(AccountPage.name, () => {
  it("shows who is signed in and the three labelled password fields with their autocomplete", () => {
    renderPage([], buildUser({ role: "MSP_MEMBER", displayName: "Dr Lucie Faure", email: "lucie.faure@msp-boutieres.fr" }));
    expect(screen.getByRole("heading", { level: 1, name: "Mon compte" })).toBeInTheDocument();
    expect(screen.getByText("Dr Lucie Faure")).toBeInTheDocument();
    expect(screen.getByText("lucie.faure@msp-boutieres.fr")).toBeInTheDocument();
    expect(screen.getByText(/^Membre d.une MSP$/)).toBeInTheDocument();

    const form = screen.getByRole("form", { name: "Changer de mot de passe" });
    expect(within(form).getByLabelText("Mot de passe actuel")).toHaveAttribute("autocomplete", "current-password");
    expect(within(form).getByLabelText("Nouveau mot de passe")).toHaveAttribute("autocomplete", "new-password");
    expect(within(form).getByLabelText("Confirmation du nouveau mot de passe")).toHaveAttribute("autocomplete", "new-password");
    expect(newField()).toHaveAccessibleDescription("12 caractères au moins ; évitez les mots de passe courants et votre adresse e-mail.");
    for (const field of [currentField(), newField(), confirmationField()]) expect(field).toHaveAttribute("type", "password");
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("changes the password, empties the fields and says that the other sessions were closed", async () => {
    const { user } = renderPage([changeMock(changed)]);
    await fillAndSubmit(user);
    const status = screen.getByRole("status");
    expect(await within(status).findByText(PASSWORD_CHANGED_MESSAGE)).toBeInTheDocument();
    expect(status).toHaveTextContent("Vos autres sessions ont été fermées");
    for (const field of [currentField(), newField(), confirmationField()]) expect(field).toHaveValue("");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a wrong current password next to that field and moves the focus to it", async () => {
    const { user } = renderPage([
      changeMock(badInput({ field: "currentPassword", code: "AUTH.CURRENT_PASSWORD_WRONG", message: "Le mot de passe actuel est incorrect." })),
    ]);
    await fillAndSubmit(user);
    await vi.waitFor(() => expect(currentField()).toHaveFocus());
    expect(currentField()).toHaveAttribute("aria-invalid", "true");
    expect(currentField()).toHaveAccessibleDescription("Le mot de passe actuel est incorrect.");
    expect(newField()).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText(/AUTH\./)).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
    // Nothing typed is lost: the person corrects the current password only.
    expect(newField()).toHaveValue(NEW_PASSWORD);
  });

  it("shows the API's reason for refusing the new password next to it", async () => {
    const { user } = renderPage([
      changeMock(badInput({ field: "newPassword", code: "PASSWORD.CONTAINS_EMAIL", message: "Le mot de passe ne doit pas reprendre votre adresse e-mail." }), {
        currentPassword: CURRENT,
        newPassword: "claire.martin-2026!",
      }),
    ]);
    await fillAndSubmit(user, { next: "claire.martin-2026!" });
    await vi.waitFor(() => expect(newField()).toHaveFocus());
    expect(newField()).toHaveAccessibleDescription(/Le mot de passe ne doit pas reprendre votre adresse e-mail\.$/);
    expect(currentField()).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText(/CONTAINS_EMAIL/)).not.toBeInTheDocument();
  });

  it("checks the fields before calling the API: missing current password, confirmation that differs", async () => {
    const answer = vi.fn(() => changed);
    const { user } = renderPage([{ request: { query: CHANGE_PASSWORD, variables: () => true }, result: answer }]);
    await fillAndSubmit(user, { current: "", confirmation: `${NEW_PASSWORD}?` });
    expect(currentField()).toHaveAccessibleDescription("Saisissez votre mot de passe actuel.");
    expect(confirmationField()).toHaveAccessibleDescription("Les deux mots de passe ne correspondent pas.");
    expect(currentField()).toHaveFocus();
    expect(answer).not.toHaveBeenCalled();

    await user.type(currentField(), CURRENT);
    await user.clear(confirmationField());
    await user.type(confirmationField(), NEW_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));
    expect(await within(screen.getByRole("status")).findByText(PASSWORD_CHANGED_MESSAGE)).toBeInTheDocument();
    expect(answer).toHaveBeenCalledWith({ input: { currentPassword: CURRENT, newPassword: NEW_PASSWORD } });
  });

  it("says how long to wait after too many wrong current passwords", async () => {
    const { user } = renderPage([
      changeMock({ errors: [apiError("TOO_MANY_REQUESTS", "Trop de tentatives.", { retryAfterSeconds: 900 })] }),
    ]);
    await fillAndSubmit(user);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Trop de tentatives. Réessayez dans 15 minutes.");
    await vi.waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });
});
