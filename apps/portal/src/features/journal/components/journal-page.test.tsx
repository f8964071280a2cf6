import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { routes } from "../../../app/router";
import type { AuditEventFilterInput, AuditEventRowFragment } from "../../../gql/graphql";
import { ME } from "../../auth/graphql/me.query";
import { apiError, buildUser } from "../../../test/fixtures";
import { alertCountMock, always, type Mock } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { AUDIT_EVENTS } from "../graphql/audit-events.query";
import { JOURNAL_PEOPLE } from "../graphql/journal-people.query";
import { JOURNAL_PAGE_SIZE, JournalPage } from "./journal-page";

const ADMIN = buildUser({ id: "user-admin", role: "FEDERATION_ADMIN", displayName: "Hélène Roux", email: "helene.roux@femasaura.fr" });
const ALICE = { __typename: "AuditActor", id: "0b9d6c1e-5f3a-4e7b-9c2d-1a2b3c4d5e6f", displayName: "Alice Bernard", email: "alice.bernard@femasaura.fr" } as const;
const HELENE = { __typename: "AuditActor", id: "7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", displayName: "Hélène Roux", email: "helene.roux@femasaura.fr" } as const;

function buildEvent(overrides: Partial<AuditEventRowFragment> = {}): AuditEventRowFragment {
  return {
    __typename: "AuditEvent",
    id: "event-1",
    createdAt: "2026-11-20T14:30:00.000Z",
    action: "user.invite",
    label: "Invitation d’une personne",
    actor: HELENE,
    summary: { after: { email: "yanis.benali@femasaura.fr", displayName: "Yanis Benali", role: "CHARGE_DEVELOPPEMENT", mspProjectId: null } },
    ...overrides,
  };
}

const invite = buildEvent();
const tokenCreate = buildEvent({
  id: "event-2",
  createdAt: "2026-11-18T08:05:00.000Z",
  action: "token.create",
  label: "Création d’un jeton d’API",
  actor: ALICE,
  summary: { name: "Export mensuel", expiresAt: "2027-02-18T08:05:00.000Z", scopes: ["read"] },
});
const purge = buildEvent({ id: "event-3", createdAt: "2026-11-01T02:00:00.000Z", action: "file.purge", label: "Purge des fichiers", actor: null, summary: null });

function connection(events: AuditEventRowFragment[], { totalCount = events.length, hasNextPage = false, endCursor = null as string | null } = {}) {
  return {
    __typename: "AuditEventConnection",
    totalCount,
    edges: events.map((node) => ({ __typename: "AuditEventEdge", cursor: `cursor-${node.id}`, node })),
    pageInfo: { __typename: "PageInfo", hasNextPage, endCursor },
  } as const;
}

function eventsMock(events: AuditEventRowFragment[], filter: AuditEventFilterInput = {}, page: { after?: string; totalCount?: number; hasNextPage?: boolean; endCursor?: string } = {}): Mock {
  const { after, ...pageInfo } = page;
  return always({
    request: { query: AUDIT_EVENTS, variables: { filter, first: JOURNAL_PAGE_SIZE, ...(after ? { after } : {}) } },
    result: { data: { __typename: "Query", auditEvents: connection(events, pageInfo) } },
  });
}

const peopleMock: Mock = always({
  request: { query: JOURNAL_PEOPLE },
  result: {
    data: {
      __typename: "Query",
      users: [
        { __typename: "ManagedUser", id: ALICE.id, displayName: ALICE.displayName, email: ALICE.email },
        { __typename: "ManagedUser", id: HELENE.id, displayName: HELENE.displayName, email: HELENE.email },
      ],
    },
  },
});

function renderPage(mocks: Mock[], initialEntry = "/journal") {
  return renderRoutes({ routes: [{ path: "/journal", element: <JournalPage /> }], initialEntry, mocks: [peopleMock, ...mocks], user: ADMIN });
}

const rowOf = (label: string) => screen.getByRole("rowheader", { name: label }).closest("tr")!;
const cellTexts = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent);
const filtersForm = () => within(screen.getByRole("search", { name: "Filtrer le journal" }));
const csvLink = () => screen.getByRole("link", { name: "Exporter en CSV" });

describe(JournalPage.name, () => {
  it("lists the events with their French date, label, person and a readable detail, never the action keys", async () => {
    renderPage([eventsMock([invite, tokenCreate, purge])]);
    expect(screen.getByText("Chargement du journal…")).toBeInTheDocument();

    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Date", "Action", "Personne", "Détail"]);
    expect(screen.getByText("3 événements")).toBeInTheDocument();

    expect(cellTexts(rowOf("Invitation d’une personne"))).toEqual([
      "20 novembre 2026 à 15:30",
      "Hélène Rouxhelene.roux@femasaura.fr",
      "Adresse e-mail : yanis.benali@femasaura.frNom : Yanis BenaliRôle : Chargé·e de développement",
    ]);
    expect(cellTexts(rowOf("Création d’un jeton d’API"))).toEqual([
      "18 novembre 2026 à 09:05",
      "Alice Bernardalice.bernard@femasaura.fr",
      "Nom : Export mensuelExpire le : 18 février 2027 à 09:05",
    ]);
    const system = rowOf("Purge des fichiers");
    expect(within(system).getAllByRole("cell")[1]).toHaveTextContent(/^Système$/);
    expect(within(system).getByText("Aucun détail")).toHaveClass("visually-hidden");

    // Neither the action keys nor raw summary keys reach the page.
    for (const raw of ["user.invite", "token.create", "file.purge", "mspProjectId", "scopes", "CHARGE_DEVELOPPEMENT", "targetType"]) {
      expect(screen.queryByText(new RegExp(raw.replace(".", "\\.")))).not.toBeInTheDocument();
    }
    // The table scrolls inside a focusable region on narrow screens.
    expect(screen.getByRole("region", { name: "Événements du journal" })).toHaveAttribute("tabindex", "0");
    expect(csvLink()).toHaveAttribute("href", "/exports/audit.csv");
  });

  it("reads the filters from the URL, sends them to the API, writes changes back and carries them to the CSV link", async () => {
    const { user, router } = renderPage(
      [
        eventsMock([tokenCreate], { actorId: ALICE.id }),
        eventsMock([tokenCreate], { actorId: ALICE.id, from: "2026-11-01" }),
        eventsMock([], { actorId: ALICE.id, from: "2026-11-01", to: "2026-11-15" }),
        eventsMock([invite, tokenCreate, purge]),
        eventsMock([invite], { action: "user.invite" }),
      ],
      `/journal?personne=${ALICE.id}`,
    );
    expect(await screen.findByRole("rowheader", { name: "Création d’un jeton d’API" })).toBeInTheDocument();
    const filters = filtersForm();
    expect(filters.getByLabelText("Personne")).toHaveValue(ALICE.id);
    expect(within(filters.getByLabelText("Personne")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Toutes les personnes",
      "Alice Bernard (alice.bernard@femasaura.fr)",
      "Hélène Roux (helene.roux@femasaura.fr)",
    ]);
    expect(csvLink()).toHaveAttribute("href", `/exports/audit.csv?actorId=${ALICE.id}`);

    await user.type(filters.getByLabelText("Du"), "2026-11-01");
    await waitFor(() => expect(router.state.location.search).toBe(`?personne=${ALICE.id}&du=2026-11-01`));
    expect(await screen.findByText("1 événement")).toBeInTheDocument();

    await user.type(filters.getByLabelText("Au"), "2026-11-15");
    expect(await screen.findByText("Aucun événement ne correspond à ces critères.")).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?personne=${ALICE.id}&du=2026-11-01&au=2026-11-15`);
    expect(csvLink()).toHaveAttribute("href", `/exports/audit.csv?actorId=${ALICE.id}&from=2026-11-01&to=2026-11-15`);

    const empty = screen.getByText("Aucun événement ne correspond à ces critères.").parentElement!;
    await user.click(within(empty).getByRole("button", { name: "Réinitialiser les filtres" }));
    expect(await screen.findByRole("rowheader", { name: "Purge des fichiers" })).toBeInTheDocument();
    expect(router.state.location.search).toBe("");
    expect(filters.getByLabelText("Personne")).toHaveValue("");
    expect(filters.getByLabelText("Du")).toHaveValue("");
    expect(csvLink()).toHaveAttribute("href", "/exports/audit.csv");

    // The action filter offers the French labels met so far; the key goes to the URL, the API and the CSV link.
    const actionSelect = filters.getByLabelText("Action");
    expect(within(actionSelect).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Toutes les actions",
      "Création d’un jeton d’API",
      "Invitation d’une personne",
      "Purge des fichiers",
    ]);
    await user.selectOptions(actionSelect, "Invitation d’une personne");
    expect(await screen.findByText("1 événement")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?action=user.invite");
    expect(screen.queryByRole("rowheader", { name: "Purge des fichiers" })).not.toBeInTheDocument();
    expect(csvLink()).toHaveAttribute("href", "/exports/audit.csv?action=user.invite");
  });

  it("pages through the journal with the cursor, keeping the filters", async () => {
    const { user } = renderPage(
      [
        eventsMock([invite], { actorId: HELENE.id }, { totalCount: 2, hasNextPage: true, endCursor: "c1" }),
        eventsMock([buildEvent({ id: "event-9", label: "Modification d’un projet", action: "project.update", summary: null })], { actorId: HELENE.id }, { after: "c1", totalCount: 2 }),
      ],
      `/journal?personne=${HELENE.id}`,
    );
    expect(await screen.findByRole("rowheader", { name: "Invitation d’une personne" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Page précédente" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Page suivante" }));
    expect(await screen.findByRole("rowheader", { name: "Modification d’un projet" })).toBeInTheDocument();
    expect(screen.queryByRole("rowheader", { name: "Invitation d’une personne" })).not.toBeInTheDocument();
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Page suivante" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Page précédente" }));
    expect(await screen.findByRole("rowheader", { name: "Invitation d’une personne" })).toBeInTheDocument();
    expect(screen.queryByText("Page 2")).not.toBeInTheDocument();
  });

  it("offers a retry when the journal cannot be loaded", async () => {
    const { user } = renderPage([
      { request: { query: AUDIT_EVENTS, variables: { filter: {}, first: JOURNAL_PAGE_SIZE } }, result: { errors: [apiError("INTERNAL_SERVER_ERROR")] as never } },
      eventsMock([invite]),
    ]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Impossible de charger le journal");
    await user.click(within(alert).getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByRole("rowheader", { name: "Invitation d’une personne" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the API's refusal of a filter next to that field", async () => {
    renderPage(
      [
        always({
          request: { query: AUDIT_EVENTS, variables: { filter: { from: "2026-13-40" }, first: JOURNAL_PAGE_SIZE } },
          result: {
            errors: [
              apiError("BAD_USER_INPUT", "Date invalide (AAAA-MM-JJ).", {
                fields: [{ field: "from", code: "AUDIT.DATE_INVALID", message: "Date invalide (AAAA-MM-JJ)." }],
              }),
            ] as never,
          },
        }),
      ],
      "/journal?du=2026-13-40",
    );
    const from = filtersForm().getByLabelText("Du");
    await waitFor(() => expect(from).toHaveAttribute("aria-invalid", "true"));
    expect(from).toHaveAccessibleDescription("Date invalide (AAAA-MM-JJ).");
    expect(screen.getByRole("alert")).toHaveTextContent("Certains critères ne sont pas valides");
    expect(screen.queryByText(/AUDIT\./)).not.toBeInTheDocument();
  });
});

describe("the /journal route", () => {
  const meMock = (role: "FEDERATION_ADMIN" | "CHARGE_DEVELOPPEMENT") => ({
    request: { query: ME },
    result: { data: { __typename: "Query", me: role === "FEDERATION_ADMIN" ? ADMIN : buildUser({ role }) } },
  });

  it("is refused to a chargé·e, who has no « Journal » in the navigation", async () => {
    renderRoutes({ routes, initialEntry: "/journal", mocks: [meMock("CHARGE_DEVELOPPEMENT"), alertCountMock()] });
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Journal" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 1, name: "Journal" })).not.toBeInTheDocument();
  });

  it("opens for a federation admin from the navigation", async () => {
    renderRoutes({ routes, initialEntry: "/journal", mocks: [meMock("FEDERATION_ADMIN"), alertCountMock(), peopleMock, eventsMock([invite])] });
    expect(await screen.findByRole("heading", { level: 1, name: "Journal" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Journal" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByRole("rowheader", { name: "Invitation d’une personne" })).toBeInTheDocument();
  });
});
