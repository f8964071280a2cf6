import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/fixtures";
import { always, type Mock, type Mocks } from "../../../test/mocks";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { PROJECT_RESULT_PERIODS } from "../graphql/project-result-periods.query";
import { SAVE_RESULT_PERIOD } from "../graphql/save-result-period.mutation";
import { buildPeriod } from "../test-fixtures";
import { ResultsPage } from "./results-page";

const MEMBER = buildUser({
  id: "user-msp",
  role: "MSP_MEMBER",
  mspProject: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
});

const PERIODS = [
  buildPeriod({
    id: "p-peps-2025",
    programme: "PEPS",
    year: 2025,
    status: "APPROVED",
    summary: {
      __typename: "ResultPeriodSummary",
      referenceId: "PEPS_ILLUSTRATIF",
      illustrative: true,
      patients: 200,
      computedEur: 41234.5,
      perPatientEur: 206.17,
      receivedEur: 40000,
      feeForServiceEquivalentEur: 38000,
      score: 50,
    },
  }),
  buildPeriod({
    id: "p-aci-2025",
    programme: "ACI",
    year: 2025,
    status: "RETURNED",
    returnComment: "Joindre le relevé de patientèle.",
    calendar: { __typename: "PeriodCalendarInfo", status: "OVERDUE", statusLabel: "En retard", evidenceDueAt: "2026-01-31T23:59:59.999Z" },
  }),
  buildPeriod({ id: "p-aci-2024", programme: "ACI", year: 2024, status: "SUBMITTED" }),
];

function listMock(): Mock {
  return always({
    request: { query: PROJECT_RESULT_PERIODS, variables: { projectId: "project-1" } },
    result: {
      data: {
        __typename: "Query",
        project: { __typename: "Project", id: "project-1", name: "MSP du Val de l'Isle" },
        resultPeriods: PERIODS,
      },
    },
  });
}

function renderPage(mocks: Mocks) {
  return renderRoutes({
    routes: [
      { path: "/projets/:projectId/resultats", element: <ResultsPage /> },
      { path: "/projets/:projectId/resultats/:periodId", element: <LocationProbe /> },
    ],
    initialEntry: "/projets/project-1/resultats",
    mocks,
    user: MEMBER,
  });
}

describe(ResultsPage.name, () => {
  it("shows the years × programmes with French statuses and the federation's comment", async () => {
    renderPage([listMock()]);
    expect(await screen.findByRole("heading", { level: 1, name: "Mes résultats" })).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("2025");
    expect(within(rows[1] as HTMLElement).getByRole("link", { name: "PEPS 2025" })).toHaveAttribute("href", "/projets/project-1/resultats/p-peps-2025");
    expect(rows[1]).toHaveTextContent("Validé 🔒(verrouillé)");
    expect(rows[1]).toHaveTextContent("(Table illustrative — valeurs fictives)");
    expect(rows[1]).toHaveTextContent("Renvoyé");
    // The yearly calendar (DOMAIN.md §2.5): the 2025 ACI evidence was due on 31 January 2026.
    expect(rows[1]).toHaveTextContent("En retard — à transmettre au plus tard le 31 janvier 2026");
    expect(rows[2]).toHaveTextContent("2024");
    expect(rows[2]).toHaveTextContent("Transmis");
    expect(screen.getByText(/Joindre le relevé de patientèle\./)).toBeInTheDocument();
  });

  it("creates a new period as an empty draft and opens it; refuses a duplicate or a future year", async () => {
    const create: Mock = {
      request: { query: SAVE_RESULT_PERIOD, variables: { input: { projectId: "project-1", programme: "IPEP", year: 2025, inputs: {} } } },
      result: { data: { __typename: "Mutation", saveResultPeriod: buildPeriod({ id: "p-new", programme: "IPEP", year: 2025 }) } },
    };
    const { user } = renderPage([create, listMock()]);
    await screen.findByRole("heading", { level: 1, name: "Mes résultats" });
    const year = screen.getByLabelText("Année");

    await user.selectOptions(screen.getByLabelText("Dispositif"), "ACI");
    await user.clear(year);
    await user.type(year, "2025");
    await user.click(screen.getByRole("button", { name: "Créer la période" }));
    expect(year).toHaveAccessibleDescription("La période ACI 2025 existe déjà.");

    await user.clear(year);
    await user.type(year, String(new Date().getFullYear() + 1));
    await user.click(screen.getByRole("button", { name: "Créer la période" }));
    expect(year).toHaveAccessibleDescription(/L’année doit être comprise entre 2015 et/);

    await user.selectOptions(screen.getByLabelText("Dispositif"), "IPEP");
    await user.clear(year);
    await user.type(year, "2025");
    await user.click(screen.getByRole("button", { name: "Créer la période" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/projets/project-1/resultats/p-new");
  });
});
