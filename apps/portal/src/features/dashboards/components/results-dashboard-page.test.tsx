import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ResultsDashboardFilter, ResultsDashboardQuery } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import type { Mock } from "../../../test/mocks";
import { LocationProbe, renderRoutes } from "../../../test/render";
import { RESULTS_DASHBOARD } from "../graphql/results-dashboard.query";
import { ResultsDashboardPage } from "./results-dashboard-page";

type Dashboard = ResultsDashboardQuery["resultsDashboard"];

function buildDashboard(overrides: Partial<Dashboard> = {}): ResultsDashboardQuery {
  return {
    __typename: "Query",
    federation: {
      __typename: "Federation",
      id: "fed-1",
      departements: [
        { __typename: "Departement", code: "24", name: "Dordogne" },
        { __typename: "Departement", code: "33", name: "Gironde" },
      ],
    },
    resultsDashboard: {
      __typename: "ResultsDashboard",
      illustrative: true,
      availableYears: [2024, 2025],
      totals: { __typename: "DashboardTotals", mspCount: 12, periodCount: 30, departementCount: 2, computedEur: 1_234_567.8, receivedEur: 1_000_000 },
      byYear: [
        { __typename: "DashboardYearRow", year: 2025, programme: "ACI", mspCount: 12, patients: 60_000, computedEur: 900_000, perPatientEur: 15, q1PerPatientEur: 12.5, medianPerPatientEur: 14.25, q3PerPatientEur: 17, receivedEur: 850_000, receivedCount: 10 },
        { __typename: "DashboardYearRow", year: 2025, programme: "PEPS", mspCount: 2, patients: 3_000, computedEur: 334_567.8, perPatientEur: 111.52, q1PerPatientEur: 100, medianPerPatientEur: 110, q3PerPatientEur: 120, receivedEur: null, receivedCount: 0 },
      ],
      byDepartement: [
        { __typename: "DashboardDepartementRow", departementCode: "24", departementName: "Dordogne", mspCount: 5, patients: 25_000, aciEur: 400_000, pepsEur: 0, ipepEur: 0, totalEur: 400_000 },
        { __typename: "DashboardDepartementRow", departementCode: "33", departementName: "Gironde", mspCount: 7, patients: 38_000, aciEur: 500_000, pepsEur: 334_567.8, ipepEur: 0, totalEur: 834_567.8 },
      ],
      bySizeBand: [
        { __typename: "DashboardSizeBandRow", sizeBand: "LT_4000", sizeBandLabel: "Moins de 4 000 patients", programme: "ACI", mspCount: 4, patients: 10_000, computedEur: 200_000, perPatientEur: 20, medianPerPatientEur: 19 },
      ],
      byExperiment: [
        { __typename: "DashboardExperimentRow", year: 2025, experiment: "PEPS", mspCount: 2, patients: 9_000, aciEur: 120_000, perPatientEur: 13.33, medianPerPatientEur: 13 },
        { __typename: "DashboardExperimentRow", year: 2025, experiment: "NONE", mspCount: 10, patients: 51_000, aciEur: 780_000, perPatientEur: 15.29, medianPerPatientEur: 15 },
      ],
      pepsVsFeeForService: {
        __typename: "PepsVsFeeForService",
        years: [{ __typename: "PepsVsFeeForServiceYear", year: 2025, mspCount: 2, patients: 3_000, forfaitEur: 334_567.8, feeForServiceEur: 300_000, ratio: 1.1152, illustrative: true }],
        points: [
          { __typename: "PepsVsFeeForServicePoint", projectId: "p1", projectName: "MSP du Val de l'Isle", departementCode: "24", year: 2025, patients: 1_500, forfaitEur: 170_000, feeForServiceEur: 150_000, illustrative: true },
        ],
      },
      aciIndicators: [
        { __typename: "DashboardAciIndicatorRow", year: 2025, code: "FONCTION_COORDINATION", label: "Fonction de coordination", mspCount: 12, achievedCount: 9, achievedShare: 0.75 },
      ],
      ...overrides,
    },
  };
}

const mock = (filter: ResultsDashboardFilter, data: ResultsDashboardQuery | null, errors?: ReturnType<typeof apiError>[]): Mock => ({
  request: { query: RESULTS_DASHBOARD, variables: { filter } },
  result: errors ? { errors: errors as never } : { data: data as never },
});

function renderPage(mocks: Mock[], initialEntry = "/resultats/tableau-de-bord") {
  return renderRoutes({
    routes: [
      {
        path: "/resultats/tableau-de-bord",
        element: (
          <>
            <ResultsDashboardPage />
            <LocationProbe />
          </>
        ),
      },
    ],
    initialEntry,
    mocks,
    user: buildUser({ role: "FEDERATION_ADMIN" }),
  });
}

const nbsp = (s: string) => s.replace(/\s/g, " ");

describe("ResultsDashboardPage", () => {
  it("shows a loading state, then KPI tiles in French formats, the illustrative banner and every table", async () => {
    renderPage([mock({}, buildDashboard())]);
    expect(screen.getByRole("status")).toHaveTextContent("Chargement du tableau de bord");
    expect(await screen.findByRole("heading", { name: "Par année et par programme" })).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("Données illustratives");
    const kpis = screen.getAllByRole("term").map((dt) => `${dt.textContent}: ${nbsp(dt.nextElementSibling?.textContent ?? "")}`);
    expect(kpis).toContain("Montants calculés: 1 234 568 €");
    expect(kpis).toContain("MSP: 122 départements");
    expect(kpis).toContain("ACI par patient: 15,00 €moyenne pondérée");
    const byYear = screen.getByRole("table", { name: "Par année et par programme" });
    const rows = within(byYear).getAllByRole("row");
    expect(nbsp(rows[1]?.textContent ?? "")).toContain("2025ACI1260 000900 000 €15,00 €12,50 €14,25 €17,00 €850 000 €");
    expect(nbsp(rows[2]?.textContent ?? "")).toContain("—"); // nothing received for PEPS
    for (const name of ["Par département", "Par taille de MSP", "ACI selon la participation à PEPS ou IPEP", "PEPS : forfait et paiement à l'acte, par année", "PEPS par MSP", "Indicateurs ACI atteints"]) {
      expect(screen.getByRole("table", { name })).toBeInTheDocument();
    }
    expect(within(screen.getByRole("table", { name: "Indicateurs ACI atteints" })).getByText(/75\s%/)).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "PEPS : forfait et paiement à l'acte, par année" })).getByText("1,12")).toBeInTheDocument();
  });

  it("draws the map of the départements with the same figures as the table", async () => {
    renderPage([mock({}, buildDashboard())]);
    const map = await screen.findByRole("img", { name: /Carte des MSP par département/ });
    expect(map).toHaveAccessibleName(/24 5 MSP, 33 7 MSP/);
    expect(map.querySelector('[data-code="33"]')).toHaveAttribute("title", "Gironde (33) : 7 MSP");
    expect(map.querySelector('[data-code="75"]')).toHaveClass("dashboard-map__tile--outside");
    expect(map.querySelectorAll("[data-code]")).toHaveLength(101);
  });

  it("reads the filters from the URL, sends them to the API and to every export link", async () => {
    const filter: ResultsDashboardFilter = { years: [2024, 2025], programmes: ["ACI"], departements: ["33"], sizeBands: ["FROM_4000_TO_7999"] };
    renderPage([mock(filter, buildDashboard({ illustrative: false }))], "/resultats/tableau-de-bord?annees=2025,2024&programmes=ACI&departements=33&tailles=FROM_4000_TO_7999");
    await screen.findByRole("heading", { name: "Par département" });
    expect(screen.queryByRole("note")).not.toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "2024" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Gironde (33)" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Dordogne (24)" })).not.toBeChecked();
    const csv = screen.getByRole("link", { name: "Exporter CSV — Par département" });
    expect(csv).toHaveAttribute("href", "/exports/results-dashboard/by-departement.csv?years=2024%2C2025&programmes=ACI&departements=33&sizeBands=FROM_4000_TO_7999");
    expect(screen.getAllByRole("link", { name: /^Exporter (CSV|XLSX)/ })).toHaveLength(14);
  });

  it("keeps a filter change in the URL and asks the API again", async () => {
    const { user } = renderPage([mock({}, buildDashboard()), mock({ programmes: ["PEPS"] }, buildDashboard({ byYear: [] }))]);
    await user.click(await screen.findByRole("checkbox", { name: "PEPS" }));
    expect(screen.getByTestId("location")).toHaveTextContent("/resultats/tableau-de-bord?programmes=PEPS");
    await screen.findByText("Aucune donnée pour ces filtres.");
    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/resultats\/tableau-de-bord$/);
  });

  it("says when no period is approved yet", async () => {
    const empty = buildDashboard({
      illustrative: false,
      availableYears: [],
      totals: { __typename: "DashboardTotals", mspCount: 0, periodCount: 0, departementCount: 0, computedEur: 0, receivedEur: null },
      byYear: [],
      byDepartement: [],
    });
    renderPage([mock({}, empty)]);
    expect(await screen.findByText("Aucune période validée pour l'instant.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("shows the API's error with a retry", async () => {
    renderPage([mock({ years: [2014] }, null, [apiError("BAD_USER_INPUT", "Année hors de la période couverte (2015 à 2026) : 2014.")])], "/resultats/tableau-de-bord?annees=2014");
    expect(await screen.findByRole("alert")).toHaveTextContent("Année hors de la période couverte");
    expect(screen.getByRole("button", { name: "Réessayer" })).toBeInTheDocument();
  });
});
