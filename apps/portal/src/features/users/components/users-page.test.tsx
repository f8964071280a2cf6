import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { routes } from "../../../app/router";
import type { InvitationResultFragment, ManagedUserRowFragment, Role, SessionUserFragment, UsersFilterInput } from "../../../gql/graphql";
import { ME } from "../../auth/graphql/me.query";
import { apiError, buildUser } from "../../../test/fixtures";
import { alertCountMock, type Mock } from "../../../test/mocks";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { DEACTIVATE_USER } from "../graphql/deactivate-user.mutation";
import { INVITE_USER } from "../graphql/invite-user.mutation";
import { MSP_PROJECT_OPTIONS } from "../graphql/msp-project-options.query";
import { REACTIVATE_USER } from "../graphql/reactivate-user.mutation";
import { RESEND_INVITATION } from "../graphql/resend-invitation.mutation";
import { REVOKE_INVITATION } from "../graphql/revoke-invitation.mutation";
import { USERS } from "../graphql/users.query";
import { UsersPage } from "./users-page";

const ADMIN = buildUser({ id: "user-admin", role: "FEDERATION_ADMIN", displayName: "Hélène Roux", email: "helene.roux@femasaura.fr" });

const ROLE_LABEL: Record<Role, string> = {
  FEDERATION_ADMIN: "Administrateur·rice de la fédération",
  CHARGE_DEVELOPPEMENT: "Chargé·e de développement",
  MSP_MEMBER: "Membre d'une MSP",
  RESEARCHER: "Chercheur·se",
};

function buildManagedUser(overrides: Partial<ManagedUserRowFragment> = {}): ManagedUserRowFragment {
  const role = overrides.role ?? "CHARGE_DEVELOPPEMENT";
  return {
    __typename: "ManagedUser",
    id: "user-alice",
    email: "alice.bernard@femasaura.fr",
    displayName: "Alice Bernard",
    role,
    roleLabel: ROLE_LABEL[role],
    mspProject: null,
    status: "ACTIVE",
    createdAt: "2026-01-05T09:00:00.000Z",
    disabledAt: null,
    lastLoginAt: "2026-11-20T14:30:00.000Z",
    ...overrides,
  };
}

const alice = buildManagedUser();
const self = buildManagedUser({ id: ADMIN.id, email: ADMIN.email, displayName: ADMIN.displayName, role: "FEDERATION_ADMIN", lastLoginAt: "2026-11-30T08:00:00.000Z" });
const marion = buildManagedUser({
  id: "user-marion",
  email: "marion.lacoste@msp-boutieres.fr",
  displayName: "Marion Lacoste",
  role: "MSP_MEMBER",
  mspProject: { __typename: "ManagedUserProject", id: "project-1", name: "MSP des Boutières" },
  status: "INVITED",
  lastLoginAt: null,
});
const paul = buildManagedUser({
  id: "user-paul",
  email: "paul.durand@univ-lyon.fr",
  displayName: "Paul Durand",
  role: "RESEARCHER",
  status: "DEACTIVATED",
  disabledAt: "2026-10-12T10:00:00.000Z",
  lastLoginAt: "2026-09-01T07:15:00.000Z",
});

function usersMock(users: ManagedUserRowFragment[], filter: UsersFilterInput = {}): Mock {
  return { request: { query: USERS, variables: { filter } }, result: { data: { __typename: "Query", users } } };
}

function invitation(user: ManagedUserRowFragment, invitationLink: string | null): InvitationResultFragment {
  return { __typename: "Invitation", emailSent: invitationLink === null, invitationLink, user };
}

function renderPage(mocks: Mock[], initialEntry = "/utilisateurs") {
  return renderRoutes({
    routes: [
      { path: "/utilisateurs", element: <UsersPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry,
    mocks,
    user: ADMIN,
  });
}

const text = (s: string | null | undefined) => (s ?? "").replace(/\s/g, " ");
const rowOf = (name: string) => screen.getByRole("rowheader", { name }).closest("tr")!;
const listNotice = () => within(screen.getByRole("region", { name: "Personnes de la fédération" }));

describe(UsersPage.name, () => {
  it("lists each person with their role, MSP, status in words, last login, and the actions their status allows", async () => {
    renderPage([usersMock([alice, self, marion, paul])]);
    expect(screen.getByText("Chargement des utilisateurs…")).toBeInTheDocument();

    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Nom",
      "Adresse e-mail",
      "Rôle",
      "MSP",
      "Statut",
      "Dernière connexion",
      "Actions",
    ]);
    expect(screen.getByText("4 personnes")).toBeInTheDocument();

    const active = rowOf("Alice Bernard");
    expect(text(active.textContent)).toContain("alice.bernard@femasaura.frChargé·e de développement");
    expect(within(active).getByText("Actif")).toHaveClass("badge");
    expect(within(active).getByText("20 novembre 2026 à 15:30")).toBeInTheDocument();
    expect(within(active).getAllByRole("button").map((b) => b.getAttribute("aria-label"))).toEqual(["Désactiver le compte de Alice Bernard"]);

    const invited = rowOf("Marion Lacoste");
    expect(within(invited).getByText("Membre d'une MSP")).toBeInTheDocument();
    expect(within(invited).getByRole("link", { name: "MSP des Boutières" })).toHaveAttribute("href", "/projets/project-1");
    expect(within(invited).getByText("Invitation en attente")).toBeInTheDocument();
    expect(within(invited).getByText("Jamais")).toBeInTheDocument();
    expect(within(invited).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Renvoyer l'invitation", "Retirer l'invitation"]);
    expect(within(invited).getByRole("button", { name: "Renvoyer l'invitation à Marion Lacoste" })).toBeInTheDocument();
    expect(within(invited).getByRole("button", { name: "Retirer l'invitation de Marion Lacoste" })).toBeInTheDocument();

    const deactivated = rowOf("Paul Durand");
    expect(within(deactivated).getByText("Chercheur·se")).toBeInTheDocument();
    expect(within(deactivated).getByText("Désactivé")).toBeInTheDocument();
    expect(text(deactivated.textContent)).toContain("depuis le 12 octobre 2026");
    expect(within(deactivated).getByText("1 septembre 2026 à 09:15")).toBeInTheDocument();
    expect(within(deactivated).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Réactiver"]);
    expect(within(deactivated).getByRole("button", { name: "Réactiver le compte de Paul Durand" })).toBeInTheDocument();

    // The admin cannot deactivate themself: their own row offers nothing.
    const own = rowOf("Hélène Roux");
    expect(within(own).queryByRole("button")).not.toBeInTheDocument();
    expect(within(own).getByText("Votre compte")).toBeInTheDocument();
    // A person without an MSP shows a dash, read as « Aucune ».
    expect(within(own).getByText("Aucune")).toHaveClass("visually-hidden");

    // The table scrolls inside a focusable region on narrow screens, like the other lists.
    expect(screen.getByRole("region", { name: "Liste des utilisateurs" })).toHaveAttribute("tabindex", "0");
  });

  it("reads the filters from the URL, sends them to the API and writes changes back to the URL", async () => {
    const { user, router } = renderPage(
      [
        usersMock([marion], { status: "INVITED" }),
        usersMock([marion], { status: "INVITED", role: "MSP_MEMBER" }),
        usersMock([], { status: "INVITED", role: "MSP_MEMBER", search: "dupont" }),
        usersMock([alice, marion, paul]),
      ],
      "/utilisateurs?statut=INVITED",
    );
    expect(await screen.findByRole("rowheader", { name: "Marion Lacoste" })).toBeInTheDocument();
    const filters = within(screen.getByRole("search", { name: "Filtrer les utilisateurs" }));
    expect(filters.getByLabelText("Statut")).toHaveValue("INVITED");
    expect(filters.getByLabelText("Rôle")).toHaveValue("");

    await user.selectOptions(filters.getByLabelText("Rôle"), "Membre d'une MSP");
    await waitFor(() => expect(router.state.location.search).toBe("?role=MSP_MEMBER&statut=INVITED"));
    expect(await screen.findByText("1 personne")).toBeInTheDocument();

    // Typing is debounced: one request for the whole word.
    await user.type(filters.getByRole("searchbox", { name: "Rechercher" }), "dupont");
    expect(await screen.findByText("Aucun utilisateur ne correspond à ces critères.")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?q=dupont&role=MSP_MEMBER&statut=INVITED");

    const empty = screen.getByText("Aucun utilisateur ne correspond à ces critères.").parentElement!;
    await user.click(within(empty).getByRole("button", { name: "Réinitialiser les filtres" }));
    expect(await screen.findByRole("rowheader", { name: "Paul Durand" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("");
    expect(filters.getByRole("searchbox", { name: "Rechercher" })).toHaveValue("");
    expect(filters.getByLabelText("Rôle")).toHaveValue("");
    expect(filters.getByLabelText("Statut")).toHaveValue("");
  });

  it("offers a retry when the list cannot be loaded", async () => {
    const { user } = renderPage([
      { request: { query: USERS, variables: { filter: {} } }, result: { errors: [apiError("INTERNAL_SERVER_ERROR")] as never } },
      usersMock([alice]),
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Impossible de charger les utilisateurs");
    await user.click(within(alert).getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByRole("rowheader", { name: "Alice Bernard" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("checks the invitation form before asking the API and focuses the first field in error", async () => {
    const { user } = renderPage([usersMock([self])]);
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Envoyer l'invitation" }));

    const email = screen.getByLabelText("Adresse e-mail");
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Indiquez l'adresse e-mail de la personne.");
    expect(screen.getByLabelText("Nom")).toHaveAccessibleDescription(/Indiquez le nom de la personne\./);
    expect(screen.getByRole("combobox", { name: "Rôle", description: "Choisissez un rôle." })).toHaveAttribute("aria-invalid", "true");

    // An MSP member needs their MSP, asked only for that role.
    const role = within(screen.getByRole("region", { name: "Inviter une personne" })).getByRole("combobox", { name: "Rôle" });
    expect(screen.queryByLabelText("MSP")).not.toBeInTheDocument();
    await user.selectOptions(role, "MSP_MEMBER");
    expect(screen.getByLabelText("MSP")).toBeInTheDocument();
    await user.type(email, "pas-une-adresse");
    await user.click(screen.getByRole("button", { name: "Envoyer l'invitation" }));
    expect(email).toHaveAccessibleDescription("Adresse e-mail invalide.");
    expect(screen.getByLabelText("MSP")).toHaveAccessibleDescription(/Choisissez la MSP de ce membre\./);
    await user.selectOptions(role, "RESEARCHER");
    expect(screen.queryByLabelText("MSP")).not.toBeInTheDocument();
  });

  it("invites a person by e-mail, says so in a status message and shows them in the list", async () => {
    const yanis = buildManagedUser({ id: "user-yanis", email: "yanis.benali@femasaura.fr", displayName: "Yanis Benali", status: "INVITED", lastLoginAt: null });
    const { user } = renderPage([
      usersMock([self]),
      {
        request: {
          query: INVITE_USER,
          variables: { input: { email: "yanis.benali@femasaura.fr", displayName: "Yanis Benali", role: "CHARGE_DEVELOPPEMENT" } },
        },
        result: { data: { __typename: "Mutation", inviteUser: invitation(yanis, null) } },
      },
      // The list is asked again after the invitation.
      usersMock([self, yanis]),
    ]);
    await screen.findByRole("table");
    const form = within(screen.getByRole("region", { name: "Inviter une personne" }));
    await user.type(form.getByLabelText("Adresse e-mail"), " yanis.benali@femasaura.fr ");
    await user.type(form.getByLabelText("Nom"), "Yanis Benali");
    await user.selectOptions(form.getByRole("combobox", { name: "Rôle" }), "Chargé·e de développement");
    await user.click(form.getByRole("button", { name: "Envoyer l'invitation" }));

    const status = await form.findByText("Invitation envoyée à Yanis Benali (yanis.benali@femasaura.fr).");
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(form.queryByLabelText("Lien d'invitation")).not.toBeInTheDocument();
    expect(form.getByLabelText("Adresse e-mail")).toHaveValue("");
    expect(form.getByLabelText("Nom")).toHaveValue("");
    expect(form.getByRole("combobox", { name: "Rôle" })).toHaveValue("");

    const row = (await screen.findByRole("rowheader", { name: "Yanis Benali" })).closest("tr")!;
    expect(within(row).getByText("Invitation en attente")).toBeInTheDocument();
  });

  it("invites an MSP member with their MSP and, when no e-mail could be sent, shows the link with a copy button", async () => {
    const lucie = buildManagedUser({
      id: "user-lucie",
      email: "lucie.faure@msp-boutieres.fr",
      displayName: "Dr Lucie Faure",
      role: "MSP_MEMBER",
      mspProject: { __typename: "ManagedUserProject", id: "project-1", name: "MSP des Boutières" },
      status: "INVITED",
      lastLoginAt: null,
    });
    const link = "https://maillage.example.fr/reinitialiser-mot-de-passe?jeton=abc123&invitation=1";
    const { user } = renderPage([
      usersMock([self]),
      {
        request: { query: MSP_PROJECT_OPTIONS, variables: { filter: { text: "Priv" }, first: 10 } },
        result: {
          data: {
            __typename: "Query",
            projects: {
              __typename: "ProjectConnection",
              edges: [
                { __typename: "ProjectEdge", node: { __typename: "Project", id: "project-1", name: "MSP des Boutières", communeName: "Privas" } },
                { __typename: "ProjectEdge", node: { __typename: "Project", id: "project-7", name: "Pôle de santé du Privadois", communeName: "Privas" } },
              ],
            },
          },
        },
      },
      {
        request: {
          query: INVITE_USER,
          variables: { input: { email: "lucie.faure@msp-boutieres.fr", displayName: "Dr Lucie Faure", role: "MSP_MEMBER", mspProjectId: "project-1" } },
        },
        result: { data: { __typename: "Mutation", inviteUser: invitation(lucie, link) } },
      },
      usersMock([lucie, self]),
    ]);
    await screen.findByRole("table");
    const form = within(screen.getByRole("region", { name: "Inviter une personne" }));
    await user.type(form.getByLabelText("Adresse e-mail"), "lucie.faure@msp-boutieres.fr");
    await user.type(form.getByLabelText("Nom"), "Dr Lucie Faure");
    await user.selectOptions(form.getByRole("combobox", { name: "Rôle" }), "Membre d'une MSP");
    await user.type(form.getByRole("combobox", { name: "MSP" }), "Priv");
    await user.click(await form.findByRole("option", { name: /MSP des Boutières/ }));
    expect(form.getByRole("combobox", { name: "MSP" })).toHaveAccessibleDescription("MSP choisie : MSP des Boutières (Privas)");
    await user.click(form.getByRole("button", { name: "Envoyer l'invitation" }));

    const message = await form.findByText("Invitation créée pour Dr Lucie Faure (lucie.faure@msp-boutieres.fr).");
    const status = message.closest('[role="status"]') as HTMLElement;
    expect(status).not.toBeNull();
    expect(within(status).getByText("Aucun e-mail n'a pu être envoyé : transmettez ce lien à la personne (valable 7 jours).")).toBeInTheDocument();
    expect(within(status).getByLabelText("Lien d'invitation")).toHaveValue(link);

    const writeText = vi.fn<(data: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(status).getByRole("button", { name: "Copier le lien" }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(await within(status).findByText("Lien copié dans le presse-papiers.")).toBeInTheDocument();
    // The form is ready for the next person (the MSP field goes with the role).
    expect(form.queryByLabelText("MSP")).not.toBeInTheDocument();
    expect(await screen.findByRole("rowheader", { name: "Dr Lucie Faure" })).toBeInTheDocument();
  });

  it("shows the API's errors next to their fields and focuses the first one", async () => {
    const { user } = renderPage([
      usersMock([self]),
      {
        request: { query: INVITE_USER, variables: { input: { email: "alice.bernard@femasaura.fr", displayName: "A", role: "RESEARCHER" } } },
        result: {
          errors: [
            apiError("BAD_USER_INPUT", "Invalid input", {
              fields: [
                { field: "email", message: "Un compte existe déjà avec cette adresse e-mail." },
                { field: "displayName", message: "Indiquez le nom de la personne (2 à 120 caractères)." },
              ],
            }),
          ] as never,
        },
      },
    ]);
    await screen.findByRole("table");
    const form = within(screen.getByRole("region", { name: "Inviter une personne" }));
    const email = form.getByLabelText("Adresse e-mail");
    await user.type(email, "alice.bernard@femasaura.fr");
    await user.type(form.getByLabelText("Nom"), "A");
    await user.selectOptions(form.getByRole("combobox", { name: "Rôle" }), "RESEARCHER");
    await user.click(form.getByRole("button", { name: "Envoyer l'invitation" }));

    expect(await form.findByText("Un compte existe déjà avec cette adresse e-mail.")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Un compte existe déjà avec cette adresse e-mail.");
    await waitFor(() => expect(email).toHaveFocus());
    const name = form.getByLabelText("Nom");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(/Indiquez le nom de la personne \(2 à 120 caractères\)\./);
    // Nothing was invited: no success message, the typed values stay.
    expect(form.queryByText(/Invitation envoyée/)).not.toBeInTheDocument();
    expect(email).toHaveValue("alice.bernard@femasaura.fr");
    // Editing a field clears its error.
    await user.type(email, "x");
    expect(email).not.toHaveAttribute("aria-invalid");
  });

  it("deactivates an account after a confirmation that can be cancelled, and announces it", async () => {
    const { user } = renderPage([
      usersMock([alice, self]),
      {
        request: { query: DEACTIVATE_USER, variables: { userId: "user-alice" } },
        result: { data: { __typename: "Mutation", deactivateUser: { ...alice, status: "DEACTIVATED", disabledAt: "2026-11-30T11:00:00.000Z" } } },
      },
    ]);
    const open = await screen.findByRole("button", { name: "Désactiver le compte de Alice Bernard" });
    await user.click(open);
    const confirm = screen.getByRole("group", { name: "Confirmer la désactivation du compte de Alice Bernard" });
    expect(confirm).toHaveAccessibleDescription(/Alice Bernard ne pourra plus se connecter : ses sessions et ses jetons d'API s'arrêtent aussitôt\./);
    expect(within(confirm).getByRole("button", { name: "Confirmer la désactivation" })).toHaveFocus();
    await user.click(within(confirm).getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("group", { name: /Confirmer la désactivation/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Désactiver le compte de Alice Bernard" })).toHaveFocus());
    expect(within(rowOf("Alice Bernard")).getByText("Actif")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Désactiver le compte de Alice Bernard" }));
    await user.click(screen.getByRole("button", { name: "Confirmer la désactivation" }));
    const message = await screen.findByText("Le compte de Alice Bernard est désactivé : ses sessions et ses jetons d'API ne fonctionnent plus.");
    const status = message.closest('[role="status"]') as HTMLElement;
    expect(status).not.toBeNull();
    expect(status).toHaveFocus();
    const row = rowOf("Alice Bernard");
    expect(within(row).getByText("Désactivé")).toBeInTheDocument();
    expect(text(row.textContent)).toContain("depuis le 30 novembre 2026");
    expect(within(row).getByRole("button", { name: "Réactiver le compte de Alice Bernard" })).toBeInTheDocument();
  });

  it("shows the API's refusal inside the confirmation", async () => {
    const { user } = renderPage([
      usersMock([alice, self]),
      {
        request: { query: DEACTIVATE_USER, variables: { userId: "user-alice" } },
        result: {
          errors: [apiError("BAD_USER_INPUT", "Invalid input", { fields: [{ field: "userId", message: "Vous ne pouvez pas désactiver votre propre compte." }] })] as never,
        },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Désactiver le compte de Alice Bernard" }));
    await user.click(screen.getByRole("button", { name: "Confirmer la désactivation" }));
    const confirm = screen.getByRole("group", { name: "Confirmer la désactivation du compte de Alice Bernard" });
    expect(await within(confirm).findByRole("alert")).toHaveTextContent("Vous ne pouvez pas désactiver votre propre compte.");
    expect(within(rowOf("Alice Bernard")).getByText("Actif")).toBeInTheDocument();
  });

  it("reactivates a deactivated account", async () => {
    const { user } = renderPage([
      usersMock([paul, self]),
      {
        request: { query: REACTIVATE_USER, variables: { userId: "user-paul" } },
        result: { data: { __typename: "Mutation", reactivateUser: { ...paul, status: "ACTIVE", disabledAt: null } } },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Réactiver le compte de Paul Durand" }));
    expect(await listNotice().findByText("Le compte de Paul Durand est réactivé : cette personne peut de nouveau se connecter.")).toBeInTheDocument();
    const row = rowOf("Paul Durand");
    expect(within(row).getByText("Actif")).toBeInTheDocument();
    expect(within(row).queryByText(/depuis le/)).not.toBeInTheDocument();
    expect(within(row).getByRole("button", { name: "Désactiver le compte de Paul Durand" })).toBeInTheDocument();
  });

  it("sends an invitation again (showing the new link when no e-mail went out) and withdraws one after a confirmation", async () => {
    const link = "https://maillage.example.fr/reinitialiser-mot-de-passe?jeton=new456&invitation=1";
    const { user } = renderPage([
      usersMock([marion, self]),
      {
        request: { query: RESEND_INVITATION, variables: { userId: "user-marion" } },
        result: { data: { __typename: "Mutation", resendInvitation: invitation(marion, link) } },
      },
      {
        request: { query: REVOKE_INVITATION, variables: { userId: "user-marion" } },
        result: { data: { __typename: "Mutation", revokeInvitation: { ...marion, status: "DEACTIVATED", disabledAt: "2026-11-30T11:00:00.000Z" } } },
      },
    ]);
    await user.click(await screen.findByRole("button", { name: "Renvoyer l'invitation à Marion Lacoste" }));
    const message = await listNotice().findByText("Nouveau lien d'invitation créé pour Marion Lacoste : l'ancien lien ne fonctionne plus.");
    const status = message.closest('[role="status"]') as HTMLElement;
    expect(within(status).getByText("Aucun e-mail n'a pu être envoyé : transmettez ce lien à la personne (valable 7 jours).")).toBeInTheDocument();
    expect(within(status).getByLabelText("Lien d'invitation")).toHaveValue(link);

    await user.click(screen.getByRole("button", { name: "Retirer l'invitation de Marion Lacoste" }));
    const confirm = screen.getByRole("group", { name: "Confirmer le retrait de l'invitation de Marion Lacoste" });
    await user.click(within(confirm).getByRole("button", { name: "Confirmer le retrait" }));
    expect(await listNotice().findByText("L'invitation de Marion Lacoste est retirée : son lien ne fonctionne plus.")).toBeInTheDocument();
    expect(listNotice().queryByLabelText("Lien d'invitation")).not.toBeInTheDocument();
    const row = rowOf("Marion Lacoste");
    expect(within(row).getByText("Désactivé")).toBeInTheDocument();
    expect(within(row).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Réactiver"]);
  });
});

describe("the « Utilisateurs » route", () => {
  function renderApp(me: SessionUserFragment, mocks: Mock[] = []) {
    return renderRoutes({
      routes,
      initialEntry: "/utilisateurs",
      mocks: [{ request: { query: ME }, result: { data: { __typename: "Query", me } } }, alertCountMock(), ...mocks],
    });
  }

  it.each([
    ["a chargé·e de développement", buildUser()],
    ["an MSP member", buildUser({ role: "MSP_MEMBER", mspProject: { __typename: "Project", id: "project-1", name: "MSP des Boutières" } })],
    ["a researcher", buildUser({ role: "RESEARCHER" })],
  ])("is refused to %s, and not in their navigation", async (_, me) => {
    renderApp(me);
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Navigation principale" });
    expect(within(nav).queryByRole("link", { name: "Utilisateurs" })).not.toBeInTheDocument();
  });

  it("opens for a federation admin, from their navigation", async () => {
    renderApp(ADMIN, [usersMock([self])]);
    expect(await screen.findByRole("heading", { level: 1, name: "Utilisateurs" })).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Navigation principale" });
    expect(within(nav).getByRole("link", { name: "Utilisateurs" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByRole("rowheader", { name: "Hélène Roux" })).toBeInTheDocument();
  });
});
