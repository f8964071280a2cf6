import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ResearchAggregateInput, ResearchBudgetQuery, ResearchQueriesQuery } from "../../../gql/graphql";
import { apiError, buildUser } from "../../../test/fixtures";
import { always, type Mock } from "../../../test/mocks";
import { renderRoutes } from "../../../test/render";
import { RESEARCH_AGGREGATE } from "../graphql/research-aggregate.query";
import { RESEARCH_BUDGET } from "../graphql/research-budget.query";
import { RESEARCH_CATALOG } from "../graphql/research-catalog.query";
import { RESEARCH_QUERIES } from "../graphql/research-queries.query";
import { amountPerturbation, buildAggregate, buildCatalog, cell, yearBySizeBand } from "../test-fixtures";
import type { ResearchAggregate } from "../types";
import { HISTORY_PAGE_SIZE } from "./query-history-panel";
import { ResearchHomePage } from "./research-home-page";

const catalogMock: Mock = always({ request: { query: RESEARCH_CATALOG }, result: { data: { __typename: "Query", researchCatalog: buildCatalog() } } });

type Record = ResearchQueriesQuery["researchQueries"]["edges"][number]["node"];

function historyMock(records: Record[] = []): Mock {
  return always({
    request: { query: RESEARCH_QUERIES, variables: { first: HISTORY_PAGE_SIZE } },
    result: {
      data: {
        __typename: "Query",
        researchQueries: {
          __typename: "ResearchQueryConnection",
          totalCount: records.length,
          pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
          edges: records.map((node) => ({ __typename: "ResearchQueryEdge", cursor: `c-${node.id}`, node })),
        },
      },
    },
  });
}

function budgetMock(budget: Partial<ResearchBudgetQuery["researchBudget"]> = {}): Mock {
  return always({
    request: { query: RESEARCH_BUDGET },
    result: { data: { __typename: "Query", researchBudget: { __typename: "ResearchBudget", mode: "OFF", epsilonTotal: 0, epsilonSpent: 0, epsilonRemaining: 0, epsilonPerQuery: 0, ...budget } } },
  });
}

const aggregateMock = (input: ResearchAggregateInput, aggregate: ResearchAggregate): Mock => ({
  request: { query: RESEARCH_AGGREGATE, variables: { input } },
  result: { data: { __typename: "Query", researchAggregate: aggregate } },
});

const refusedMock = (input: ResearchAggregateInput, error: ReturnType<typeof apiError>): Mock => ({
  request: { query: RESEARCH_AGGREGATE, variables: { input } },
  result: { errors: [error] as never },
});

function renderPage(mocks: Mock[]) {
  return renderRoutes({
    routes: [{ path: "/recherche", element: <ResearchHomePage /> }],
    initialEntry: "/recherche",
    mocks: [catalogMock, ...mocks],
    user: buildUser({ role: "RESEARCHER", email: "chercheur@demo.maillage.fr" }),
  });
}

const text = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const rowTexts = (table: HTMLElement) => within(table).getAllByRole("row").map((r) => [...r.querySelectorAll("th, td")].map((c) => text(c.textContent)));

const YEAR_BY_SIZE: ResearchAggregateInput = { measure: "MSP_COUNT", groupBy: ["YEAR", "SIZE_BAND"] };

describe(ResearchHomePage.name, () => {
  it("loads the catalogue, then invites to build a query; the account gives no access to projects", async () => {
    renderPage([historyMock(), budgetMock()]);
    expect(screen.getByRole("heading", { level: 1, name: "Espace recherche" })).toBeInTheDocument();
    expect(screen.getByText("Chargement du catalogue des mesures…")).toBeInTheDocument();
    expect(await screen.findByRole("form", { name: "Nouvelle requête" })).toBeInTheDocument();
    expect(screen.getByText(/ne donne pas accès aux projets/)).toBeInTheDocument();
    expect(screen.getByText("Aucune requête lancée")).toBeInTheDocument();
    expect(await screen.findByText(/Aucune requête pour l’instant/)).toBeInTheDocument();
    // No noise in this deployment: no budget panel.
    expect(screen.queryByRole("heading", { name: "Budget de confidentialité" })).not.toBeInTheDocument();
  });

  it("asks for a measure before running, and disables a fourth dimension with the reason", async () => {
    const { user } = renderPage([historyMock(), budgetMock()]);
    await screen.findByRole("form", { name: "Nouvelle requête" });
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));
    expect(screen.getByLabelText("Mesure")).toHaveAccessibleDescription("Choisissez une mesure.");

    for (const name of ["Année", "Région", "Type de commune"]) await user.click(screen.getByRole("checkbox", { name }));
    expect(screen.getByRole("checkbox", { name: "Année — en lignes" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Région — en colonnes" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Type de commune — un tableau par catégorie" })).toBeChecked();
    const fourth = screen.getByRole("checkbox", { name: "Taille de la MSP" });
    expect(fourth).toBeDisabled();
    expect(fourth).toHaveAccessibleDescription(/Trois dimensions sont choisies : c’est le maximum/);

    await user.click(screen.getByRole("checkbox", { name: /^Région/ }));
    expect(screen.getByRole("checkbox", { name: "Taille de la MSP" })).toBeEnabled();
    expect(screen.getByRole("checkbox", { name: "Type de commune — en colonnes" })).toBeChecked();
  });

  it("runs a 2-dimension query and shows the cross table with margins, masked cells, the perturbation, chart, thresholds, methodology and exports", async () => {
    const input: ResearchAggregateInput = { ...YEAR_BY_SIZE, filters: [{ dimension: "YEAR", values: ["2024", "2025"] }] };
    const { user } = renderPage([historyMock(), budgetMock(), aggregateMock(input, yearBySizeBand())]);
    await screen.findByRole("form", { name: "Nouvelle requête" });
    await user.selectOptions(screen.getByLabelText("Mesure"), "MSP_COUNT");
    await user.click(screen.getByRole("checkbox", { name: "Année" }));
    await user.click(screen.getByRole("checkbox", { name: "Taille de la MSP" }));
    await user.click(screen.getByText("Année", { selector: "summary" }));
    await user.click(screen.getByRole("checkbox", { name: "2025" }));
    await user.click(screen.getByRole("checkbox", { name: "2024" }));
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));

    const heading = await screen.findByRole("heading", { level: 2, name: /Nombre de MSP \(MSP-années\) par année, taille de la MSP/ });
    expect(heading).toHaveFocus();
    const table = screen.getByRole("table", { name: "Nombre de MSP (MSP-années) par année et taille de la MSP" });
    const rows = rowTexts(table);
    expect(rows[0]).toEqual(["Année ╲ en lignes, Taille de la MSP en colonnes", "Moins de 4 000 patients", "4 000 à 7 999 patients", "Total"]);
    expect(rows[1]).toEqual(["2024", "sSecret statistique : moins de 3 MSPSecret statistique : moins de 3 MSP", "sSecret statistique : masquage complémentaireSecret statistique : masquage complémentaire", "7"]);
    expect(rows[2]?.slice(2)).toEqual(["6", "9"]);
    expect(rows[3]).toEqual(["Total", "5", "11", "16"]);

    // The masked cells: never a value, the reason as a tooltip and as hidden text; margins styled as totals.
    const masked = within(table).getAllByTitle(/^Secret statistique/);
    expect(masked).toHaveLength(3);
    expect(masked[0]).toHaveClass("research-cell--suppressed");
    expect(masked[1]).toHaveClass("research-cell--complementary");
    expect(within(table).getAllByText("Secret statistique : moins de 3 MSP", { selector: ".visually-hidden" })).toHaveLength(1);
    expect(within(table).getByText("16")).toHaveClass("research-cell--margin");

    expect(screen.getByText(/9 cases, dont 3 masquées par le secret statistique/)).toBeInTheDocument();
    const legend = screen.getByRole("note", { name: "Légende" });
    expect(legend).toHaveTextContent("Secret statistique : moins de 3 MSP : 1 case");
    expect(legend).toHaveTextContent("Secret statistique : masquage complémentaire : 2 cases");
    expect(screen.getByText(/3 cases masquées \(secret statistique\) ne figurent pas dans le graphique\./)).toBeInTheDocument();

    const thresholds = screen.getByRole("heading", { name: "Seuils appliqués" }).parentElement!;
    expect(text(thresholds.textContent)).toContain("masqués en dessous de 11 (de 1 à 10)");
    expect(text(thresholds.textContent)).toContain("une MSP ne doit pas dépasser 85 % du total");
    const methodology = screen.getByRole("heading", { name: "Note méthodologique" }).parentElement!;
    expect(methodology).toHaveTextContent("l'unité statistique est la MSP-année");
    expect(methodology).toHaveTextContent("Chaque chiffre publié est perturbé, de façon permanente : une même case a toujours la même valeur, quelle que soit la personne qui la demande et quelle que soit la façon de formuler la question.");
    expect(methodology).toHaveTextContent("aucune combinaison de requêtes, même mises en commun entre plusieurs personnes, ne donne un chiffre exact sur une MSP");
    expect(methodology).toHaveTextContent("Les nombres de MSP sont publiés en multiples de 3.");
    expect(methodology).toHaveTextContent("les effectifs inférieurs à 11 sont masqués ; une case construite à partir de moins de 3 MSP est masquée ; une case dont une seule MSP représente plus de 85 % du total est masquée ; un masquage complémentaire");
    expect(methodology).toHaveTextContent("Vous n’avez accès à aucune donnée individuelle");
    expect(methodology).not.toHaveTextContent(/requêtes successives|DOMAIN|§/);

    // The perturbation, in words beside the table: the API's description and, for counts, their base.
    const perturbation = screen.getByRole("note", { name: "Valeurs perturbées" });
    expect(perturbation).toHaveTextContent("Valeurs perturbées. Nombres de MSP arrondis à un multiple de 3 par la clé de cellule (écart d'au plus 2).");
    expect(perturbation).toHaveTextContent("Les nombres de MSP publiés sont tous des multiples de 3 (écart d’au plus 2 avec le nombre exact).");
    expect(perturbation.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // The exports download the stored answer of this very query, by its id (not the question again).
    expect(screen.getByRole("link", { name: "Exporter CSV" })).toHaveAttribute("href", "/research/queries/6b1f0c2e-7a4d-4e59-8c3b-2f9a1d0e5c47.csv");
    expect(screen.getByRole("link", { name: "Exporter XLSX" })).toHaveAttribute("href", "/research/queries/6b1f0c2e-7a4d-4e59-8c3b-2f9a1d0e5c47.xlsx");
    expect(screen.queryByText(/Réponse identique à une requête précédente/)).not.toBeInTheDocument();
  });

  it("shows a 1-dimension answer as a list with its total, in euros, with its perturbation, and says when it comes from the cache with noise", async () => {
    const Y = "YEAR" as const;
    const aggregate = buildAggregate([Y], [cell([[Y, "2024"]], 1_234_567.8), cell([[Y, "2025"]], null, "DOMINANCE"), cell([[Y, null]], 2_500_000)], {
      measure: "ACI_AMOUNT_TOTAL",
      measureLabel: "Rémunération ACI (total)",
      unit: "€",
      cached: true,
      noise: { __typename: "ResearchNoise", mechanism: "LAPLACE", epsilon: 0.5 },
      perturbation: amountPerturbation(24),
      queryId: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
    });
    const input: ResearchAggregateInput = { measure: "ACI_AMOUNT_TOTAL", groupBy: [Y] };
    const { user } = renderPage([historyMock(), budgetMock(), aggregateMock(input, aggregate)]);
    await screen.findByRole("form", { name: "Nouvelle requête" });
    await user.selectOptions(screen.getByLabelText("Mesure"), "ACI_AMOUNT_TOTAL");
    await user.click(screen.getByRole("checkbox", { name: "Année" }));
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));

    const table = await screen.findByRole("table", { name: "Rémunération ACI (total) par année" });
    expect(rowTexts(table).map((r) => r.map((c) => c.replace(/\s/g, " ")))).toEqual([
      ["Année", "Rémunération ACI (total)"],
      ["2024", "1 234 568 €"],
      ["2025", "sSecret statistique : une MSP représente plus de 85 % du totalSecret statistique : une MSP représente plus de 85 % du total"],
      ["Total", "2 500 000 €"],
    ]);
    expect(screen.getByText(/^Réponse identique à une requête précédente/)).toBeInTheDocument();
    expect(screen.getByText(/mécanisme de Laplace, ε = 0,5/)).toBeInTheDocument();
    // Amounts: the API's description (relative error), no « multiples » sentence (that is for counts of MSPs).
    const perturbation = screen.getByRole("note", { name: "Valeurs perturbées" });
    expect(perturbation).toHaveTextContent("chaque contribution d'une MSP-année est décalée de 10 à 20 %");
    expect(perturbation).toHaveTextContent("erreur relative d'au plus 24 %");
    expect(perturbation).not.toHaveTextContent(/multiples? de/);
    expect(screen.getByRole("link", { name: "Exporter CSV" })).toHaveAttribute("href", "/research/queries/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70.csv");
  });

  it("shows a 3-dimension answer as one cross table per category of the third, plus its margin, in keyboard tabs", async () => {
    const [Y, S, R] = ["YEAR", "SIZE_BAND", "RURALITY"] as const;
    const cells = [
      cell([[Y, "2024"], [S, "LT_4000"], [R, "RURALE"]], 12),
      cell([[Y, "2024"], [S, null], [R, "RURALE"]], 12),
      cell([[Y, null], [S, "LT_4000"], [R, "RURALE"]], 12),
      cell([[Y, null], [S, null], [R, "RURALE"]], 12),
      cell([[Y, "2024"], [S, "LT_4000"], [R, "PETITE_VILLE"]], null, "SMALL_COUNT"),
      cell([[Y, "2024"], [S, null], [R, "PETITE_VILLE"]], null, "COMPLEMENTARY"),
      cell([[Y, null], [S, "LT_4000"], [R, "PETITE_VILLE"]], null, "COMPLEMENTARY"),
      cell([[Y, null], [S, null], [R, "PETITE_VILLE"]], null, "COMPLEMENTARY"),
      cell([[Y, "2024"], [S, "LT_4000"], [R, null]], 20),
      cell([[Y, "2024"], [S, null], [R, null]], 20),
      cell([[Y, null], [S, "LT_4000"], [R, null]], 20),
      cell([[Y, null], [S, null], [R, null]], 20),
    ];
    const input: ResearchAggregateInput = { measure: "MSP_COUNT", groupBy: [Y, S, R] };
    const { user } = renderPage([historyMock(), budgetMock(), aggregateMock(input, buildAggregate([Y, S, R], cells))]);
    await screen.findByRole("form", { name: "Nouvelle requête" });
    await user.selectOptions(screen.getByLabelText("Mesure"), "MSP_COUNT");
    for (const name of ["Année", "Taille de la MSP", "Type de commune"]) await user.click(screen.getByRole("checkbox", { name }));
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));

    const tabs = await screen.findByRole("tablist", { name: "Type de commune" });
    const all = within(tabs).getAllByRole("tab");
    expect(all.map((t) => t.textContent)).toEqual(["Commune rurale (moins de 2 000 habitants)", "Petite ville (2 000 à 9 999 habitants)", "Total (type de commune : ensemble)"]);
    expect(all[0]).toHaveAttribute("aria-selected", "true");
    expect(within(screen.getByRole("tabpanel")).getByRole("table")).toHaveAccessibleName(/— Commune rurale/);

    all[0]!.focus();
    await user.keyboard("{ArrowRight}");
    expect(within(tabs).getByRole("tab", { name: /Petite ville/ })).toHaveFocus();
    const panel = screen.getByRole("tabpanel");
    expect(within(panel).getAllByTitle(/^Secret statistique/)).toHaveLength(4);
    expect(screen.getByText(/Aucune case publiée à représenter/)).toBeInTheDocument();

    await user.keyboard("{End}");
    expect(within(screen.getByRole("tabpanel")).getByRole("table")).toHaveAccessibleName(/— Total \(type de commune : ensemble\)/);
    expect(rowTexts(within(screen.getByRole("tabpanel")).getByRole("table"))[2]).toEqual(["Total", "20", "20"]);
  });

  it("explains an exhausted privacy budget and a bad input naming the field", async () => {
    const budgetInput: ResearchAggregateInput = { measure: "MSP_COUNT", groupBy: ["YEAR"] };
    const badInput: ResearchAggregateInput = { measure: "MSP_COUNT", groupBy: ["YEAR"], filters: [{ dimension: "YEAR", values: ["2025"] }] };
    const { user } = renderPage([
      historyMock(),
      budgetMock(),
      refusedMock(budgetInput, apiError("PRIVACY_BUDGET_EXHAUSTED", "Budget épuisé.")),
      refusedMock(badInput, apiError("BAD_USER_INPUT", "Ce filtre isolerait une seule catégorie identifiante.", { field: "filters" })),
    ]);
    await screen.findByRole("form", { name: "Nouvelle requête" });
    await user.selectOptions(screen.getByLabelText("Mesure"), "MSP_COUNT");
    await user.click(screen.getByRole("checkbox", { name: "Année" }));
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Budget de confidentialité épuisé");

    await user.click(screen.getByText("Année", { selector: "summary" }));
    await user.click(screen.getByRole("checkbox", { name: "2025" }));
    await user.click(screen.getByRole("button", { name: "Lancer la requête" }));
    expect(await screen.findByText("Filtres : Ce filtre isolerait une seule catégorie identifiante.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Requête invalide");
  });

  it("lists the researcher's queries and runs one again with its dimensions and filters", async () => {
    const record: Record = {
      __typename: "ResearchQueryRecord",
      id: "q-7",
      createdAt: "2026-11-20T09:15:00.000Z",
      measure: "MSP_COUNT",
      groupBy: ["YEAR", "SIZE_BAND"],
      filters: { filters: [{ dimension: "YEAR", values: ["2025", "2024"] }] },
      indicatorCode: null,
      cellsReturned: 9,
      cellsSuppressed: 3,
      epsilon: null,
    };
    const input: ResearchAggregateInput = { ...YEAR_BY_SIZE, filters: [{ dimension: "YEAR", values: ["2024", "2025"] }] };
    const { user } = renderPage([historyMock([record]), budgetMock(), aggregateMock(input, yearBySizeBand())]);
    const history = await screen.findByRole("region", { name: "Mes requêtes" });
    const item = await within(history).findByRole("listitem");
    expect(text(item.textContent)).toContain("Nombre de MSP (MSP-années) — Année × Taille de la MSP");
    expect(text(item.textContent)).toContain("20 novembre 2026 à 10:15 · 9 cases, 3 masquées");

    await user.click(within(item).getByRole("button", { name: "Relancer la requête du 20 novembre 2026 à 10:15" }));
    expect(await screen.findByRole("table", { name: /par année et taille de la MSP/ })).toBeInTheDocument();
    expect(screen.getByLabelText("Mesure")).toHaveValue("MSP_COUNT");
    expect(screen.getByRole("checkbox", { name: "Année — en lignes" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "2024" })).toBeChecked();
  });

  it("shows the privacy budget with a progress bar when answers are noisy", async () => {
    renderPage([historyMock(), budgetMock({ mode: "LAPLACE", epsilonTotal: 5, epsilonSpent: 1.5, epsilonRemaining: 3.5, epsilonPerQuery: 0.5 })]);
    const panel = await screen.findByRole("region", { name: "Budget de confidentialité" });
    const bar = within(panel).getByLabelText(/ε restant/);
    expect(bar).toHaveAttribute("max", "5");
    expect(bar).toHaveAttribute("value", "3.5");
    expect(panel).toHaveTextContent("ε restant : 3,5 sur 5");
    expect(panel).toHaveTextContent("Chaque nouvelle requête consomme ε = 0,5");
    expect(panel).toHaveTextContent("Déjà consommé : ε = 1,5.");
  });

  it("offers a retry when the catalogue cannot be loaded", async () => {
    renderRoutes({
      routes: [{ path: "/recherche", element: <ResearchHomePage /> }],
      initialEntry: "/recherche",
      mocks: [{ request: { query: RESEARCH_CATALOG }, result: { errors: [apiError("FORBIDDEN")] as never } }],
      user: buildUser({ role: "RESEARCHER" }),
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("L’espace recherche n’a pas pu être chargé");
    expect(alert).toHaveTextContent("réservé aux chercheur·ses");
    expect(within(alert).getByRole("button", { name: "Réessayer" })).toBeInTheDocument();
  });
});
