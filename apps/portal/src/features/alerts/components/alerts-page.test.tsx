import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AlertFilter, AlertsQuery } from "../../../gql/graphql";
import { buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { buildAlert, buildAlertConnection } from "../../../test/pipeline-fixtures";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { ALERTS } from "../graphql/alerts.query";
import { REFRESH_ALERTS } from "../graphql/refresh-alerts.mutation";
import { ALERTS_PAGE_SIZE, AlertsPage } from "./alerts-page";

function alertsMock(data: AlertsQuery, filter: AlertFilter = {}, after?: string): Mock {
  return {
    request: { query: ALERTS, variables: { filter, first: ALERTS_PAGE_SIZE, ...(after ? { after } : {}) } },
    result: { data },
  };
}

const awaitingReview = buildAlert();
const sisa = buildAlert({
  id: "alert-2",
  kind: "SISA_DUE",
  kindLabel: "SISA à constituer",
  message: "La SISA doit être constituée avant le 15 avril 2027.",
  dueAt: "2027-04-15T21:59:59.000Z",
  createdAt: "2026-10-16T06:00:00.000Z",
  project: { __typename: "Project", id: "project-7", name: "Maison de santé de Ribérac" },
});
const stalled = buildAlert({
  id: "alert-3",
  kind: "STALLED_PROJECT",
  kindLabel: "Projet sans activité",
  message: "Aucune activité depuis 94 jours.",
  dueAt: null,
  createdAt: "2026-09-01T06:00:00.000Z",
  project: { __typename: "Project", id: "project-8", name: "MSP de Nontron" },
});

function renderAlerts(mocks: Mocks, initialEntry = "/alertes", user = buildUser()) {
  return renderRoutes({
    routes: [
      { path: "/alertes", element: <AlertsPage /> },
      { path: "*", element: <LocationProbe /> },
    ],
    initialEntry,
    mocks,
    user,
  });
}

describe(AlertsPage.name, () => {
  it("lists the open alerts: kind, project link, message, due date and creation in French", async () => {
    renderAlerts([alertsMock(buildAlertConnection([awaitingReview, sisa, stalled]))]);
    const table = await screen.findByRole("region", { name: "Liste des alertes" });
    expect(screen.getByText("3 alertes en cours")).toBeInTheDocument();
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent))).toEqual([
      ["Dépôt en attente de relecture", "MSP du Val de l'Isle", "« Projet de santé » attend une relecture depuis 3 jours.", "10 novembre 2026", "5 novembre 2026"],
      ["SISA à constituer", "Maison de santé de Ribérac", "La SISA doit être constituée avant le 15 avril 2027.", "15 avril 2027", "16 octobre 2026"],
      ["Projet sans activité", "MSP de Nontron", "Aucune activité depuis 94 jours.", "—", "1 septembre 2026"],
    ]);
    expect(within(table).getByRole("link", { name: "Maison de santé de Ribérac" })).toHaveAttribute("href", "/projets/project-7");
  });

  it("filters by kind and « Mes projets », in the URL", async () => {
    const { user, router } = renderAlerts([
      // Fetched again when the filters are reset (alerts change often).
      always(alertsMock(buildAlertConnection([awaitingReview, sisa, stalled]))),
      alertsMock(buildAlertConnection([sisa]), { kinds: ["SISA_DUE"] }),
      alertsMock(buildAlertConnection([]), { kinds: ["SISA_DUE"], mine: true }),
    ]);
    await screen.findByText("3 alertes en cours");
    await user.selectOptions(screen.getByLabelText("Type d’alerte"), "SISA à constituer");
    expect(await screen.findByText("1 alerte en cours")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?type=SISA_DUE");

    await user.click(screen.getByLabelText("Mes projets"));
    expect(await screen.findByText("Aucune alerte en cours")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?type=SISA_DUE&mes-projets=1");

    await user.click(screen.getByRole("button", { name: "Réinitialiser les filtres" }));
    expect(await screen.findByText("3 alertes en cours")).toBeInTheDocument();
  });

  it("pages through the alerts with the cursor", async () => {
    const { user } = renderAlerts([
      always(alertsMock(buildAlertConnection([awaitingReview], { totalCount: 2, hasNextPage: true, endCursor: "c1" }))),
      alertsMock(buildAlertConnection([stalled], { totalCount: 2 }), {}, "c1"),
    ]);
    await screen.findByText("MSP du Val de l'Isle");
    await user.click(screen.getByRole("button", { name: "Page suivante" }));
    expect(await screen.findByText("MSP de Nontron")).toBeInTheDocument();
    expect(screen.getByText("Page 2")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Page précédente" }));
    expect(await screen.findByText("MSP du Val de l'Isle")).toBeInTheDocument();
  });

  it("says « Aucune alerte en cours » when there is none", async () => {
    renderAlerts([alertsMock(buildAlertConnection([]))]);
    expect(await screen.findByText("Aucune alerte en cours")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Réinitialiser les filtres" })).not.toBeInTheDocument();
  });

  it("offers to retry when the alerts cannot be loaded", async () => {
    renderAlerts([{ request: { query: ALERTS, variables: { filter: {}, first: ALERTS_PAGE_SIZE } }, error: new Error("Failed to fetch") }]);
    expect(await screen.findByRole("alert")).toHaveTextContent("Impossible de charger les alertes");
  });

  it("lets an admin recompute the alerts now", async () => {
    const { user } = renderAlerts(
      [
        alertsMock(buildAlertConnection([])),
        {
          request: { query: REFRESH_ALERTS },
          result: { data: { __typename: "Mutation", refreshAlerts: { __typename: "AlertRefreshResult", opened: 2, resolved: 1, updated: 0 } } },
        },
        alertsMock(buildAlertConnection([awaitingReview, sisa])),
      ],
      "/alertes",
      buildUser({ role: "FEDERATION_ADMIN" }),
    );
    await screen.findByText("Aucune alerte en cours");
    await user.click(screen.getByRole("button", { name: "Recalculer les alertes" }));
    expect(await screen.findByText("Alertes recalculées : 2 nouvelles, 1 résolue, 0 mise à jour.")).toBeInTheDocument();
    expect(await screen.findByText("2 alertes en cours")).toBeInTheDocument();
  });

  it("does not offer a chargé·e to recompute the alerts", async () => {
    renderAlerts([alertsMock(buildAlertConnection([]))]);
    await screen.findByText("Aucune alerte en cours");
    expect(screen.queryByRole("button", { name: "Recalculer les alertes" })).not.toBeInTheDocument();
  });
});
