import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, buildUser } from "../../../test/fixtures";
import type { MySessionsQuery } from "../../../gql/graphql";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { CHANGE_PASSWORD } from "../graphql/change-password.mutation";
import { MY_SESSIONS } from "../graphql/my-sessions.query";
import { REVOKE_MY_SESSION } from "../graphql/revoke-my-session.mutation";
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

type SessionRow = MySessionsQuery["mySessions"][number];

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";

function buildSession(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    __typename: "SessionInfo",
    id: "session-current",
    createdAt: "2026-11-28T08:00:00.000Z",
    lastSeenAt: "2026-11-30T09:15:00.000Z",
    expiresAt: "2026-12-28T08:00:00.000Z",
    userAgent: CHROME_LINUX,
    current: true,
    ...overrides,
  };
}

const currentSession = buildSession();
const laptopSession = buildSession({
  id: "session-laptop",
  createdAt: "2026-11-02T13:30:00.000Z",
  lastSeenAt: "2026-11-20T17:45:00.000Z",
  userAgent: FIREFOX_WINDOWS,
  current: false,
});
const phoneSession = buildSession({ id: "session-phone", createdAt: "2026-10-15T06:00:00.000Z", userAgent: SAFARI_IPHONE, current: false });
const unknownSession = buildSession({ id: "session-script", createdAt: "2026-10-01T10:00:00.000Z", userAgent: null, current: false });

function sessionsMock(sessions: SessionRow[]): Mock {
  return { request: { query: MY_SESSIONS }, result: { data: { __typename: "Query", mySessions: sessions } } };
}

function renderPage(mocks: Mocks, user = buildUser(), sessions: Mocks = [always(sessionsMock([currentSession]))]) {
  return renderRoutes({
    routes: [{ path: "/mon-compte", element: <AccountPage /> }],
    initialEntry: "/mon-compte",
    mocks: [...mocks, ...sessions],
    user,
  });
}

/** The live region of the password form (the sessions section has its own). */
const passwordStatus = () => within(screen.getByRole("form", { name: "Changer de mot de passe" }).closest("section")!).getByRole("status");
const sessionsSection = () => within(screen.getByRole("region", { name: "Sessions ouvertes" }));

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
    expect(passwordStatus()).toBeEmptyDOMElement();
  });

  it("changes the password, empties the fields and says that the other sessions were closed", async () => {
    const { user } = renderPage([changeMock(changed)]);
    await fillAndSubmit(user);
    const status = passwordStatus();
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
    expect(passwordStatus()).toBeEmptyDOMElement();
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
    expect(await within(passwordStatus()).findByText(PASSWORD_CHANGED_MESSAGE)).toBeInTheDocument();
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
    expect(passwordStatus()).toBeEmptyDOMElement();
  });

  describe("« Sessions ouvertes »", () => {
    it("lists the open sessions with their browser and dates, marks this one and offers to close only the others", async () => {
      renderPage([], buildUser(), [always(sessionsMock([currentSession, laptopSession, phoneSession, unknownSession]))]);
      const section = sessionsSection();
      const items = await section.findAllByRole("listitem");
      expect(items.map((item) => item.querySelector(".account-sessions__browser")?.textContent)).toEqual([
        "Chrome sur LinuxCette session",
        "Firefox sur Windows",
        "Safari sur iOS",
        "Navigateur inconnu",
      ]);
      const [current, laptop] = items as [HTMLElement, HTMLElement];
      expect(within(current).getByText("Cette session")).toBeInTheDocument();
      expect(within(current).queryByRole("button")).not.toBeInTheDocument();
      expect(current).toHaveTextContent("Ouverte le 28 novembre 2026 à 09:00, dernière activité le 30 novembre 2026 à 10:15");
      expect(within(laptop).queryByText("Cette session")).not.toBeInTheDocument();
      expect(laptop).toHaveTextContent("Ouverte le 2 novembre 2026 à 14:30, dernière activité le 20 novembre 2026 à 18:45");
      expect(section.getAllByRole("button", { name: /^Fermer la session/ })).toHaveLength(3);
      expect(within(laptop).getByRole("button", { name: "Fermer la session Firefox sur Windows ouverte le 2 novembre 2026 à 14:30" })).toHaveTextContent(
        "Fermer",
      );
      // The raw User-Agent is never shown.
      expect(screen.queryByText(/Mozilla/)).not.toBeInTheDocument();
    });

    it("closes another session, updates the list and says so in a status message", async () => {
      const revoked = vi.fn(() => ({ data: { __typename: "Mutation", revokeMySession: true } }));
      const { user } = renderPage([], buildUser(), [
        sessionsMock([currentSession, laptopSession, phoneSession]),
        { request: { query: REVOKE_MY_SESSION, variables: { id: "session-laptop" } }, result: revoked },
        always(sessionsMock([currentSession, phoneSession])),
      ]);
      const section = sessionsSection();
      await user.click(await section.findByRole("button", { name: /^Fermer la session Firefox sur Windows/ }));

      const status = section.getByRole("status");
      expect(await within(status).findByText("La session « Firefox sur Windows » a été fermée.")).toBeInTheDocument();
      expect(revoked).toHaveBeenCalledTimes(1);
      expect(section.queryByText("Firefox sur Windows")).not.toBeInTheDocument();
      expect(section.getAllByRole("listitem")).toHaveLength(2);
      expect(section.getByText("Safari sur iOS")).toBeInTheDocument();
      expect(section.getByText("Cette session")).toBeInTheDocument();
    });

    it("says why a session could not be closed and keeps it in the list", async () => {
      const { user } = renderPage([], buildUser(), [
        always(sessionsMock([currentSession, laptopSession])),
        { request: { query: REVOKE_MY_SESSION, variables: { id: "session-laptop" } }, result: { errors: [apiError("NOT_FOUND")] } },
      ]);
      const section = sessionsSection();
      await user.click(await section.findByRole("button", { name: /^Fermer la session Firefox sur Windows/ }));
      expect(await section.findByRole("alert")).toHaveTextContent("L’élément demandé est introuvable.");
      expect(section.getByText("Firefox sur Windows")).toBeInTheDocument();
      expect(section.getByRole("status")).toBeEmptyDOMElement();
    });
  });
});
