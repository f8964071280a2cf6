import { always, type Mocks } from "../../test/mocks";
import { HISTORY_PAGE_SIZE } from "./components/query-history-panel";
import { RESEARCH_BUDGET } from "./graphql/research-budget.query";
import { RESEARCH_CATALOG } from "./graphql/research-catalog.query";
import { RESEARCH_QUERIES } from "./graphql/research-queries.query";
import type { ResearchAggregate, ResearchCatalog, ResearchCell, ResearchDimension, SuppressionReason } from "./types";

/** Test builders for the research API's answers (complete shapes, with `__typename`). */

const LABELS: Record<string, string> = {
  "2024": "2024",
  "2025": "2025",
  LT_4000: "Moins de 4 000 patients",
  "4000_7999": "4 000 à 7 999 patients",
  RURALE: "Commune rurale (moins de 2 000 habitants)",
  PETITE_VILLE: "Petite ville (2 000 à 9 999 habitants)",
};

const REASON_LABELS: Record<SuppressionReason, string> = {
  SMALL_COUNT: "Secret statistique : effectif inférieur à 11",
  FEW_CONTRIBUTORS: "Secret statistique : moins de 3 MSP",
  DOMINANCE: "Secret statistique : une MSP représente plus de 85 % du total",
  RATE_BASE: "Secret statistique : taux calculé sur moins de 11 unités",
  PROFESSIONAL_INCOME: "Secret statistique : revenu d'un petit nombre de professionnels",
  COMPLEMENTARY: "Secret statistique : masquage complémentaire",
};

export function buildCatalog(): ResearchCatalog {
  const category = (value: string) => ({ __typename: "ResearchCategory" as const, value, label: LABELS[value] ?? value });
  const dimension = (id: ResearchDimension, label: string, values: string[]) => ({ __typename: "ResearchDimensionInfo" as const, id, label, categories: values.map(category) });
  return {
    __typename: "ResearchCatalog",
    measures: [
      { __typename: "ResearchMeasureInfo", id: "MSP_COUNT", label: "Nombre de MSP (MSP-années)", unit: "MSP", needsIndicator: false },
      { __typename: "ResearchMeasureInfo", id: "ACI_AMOUNT_TOTAL", label: "Rémunération ACI (total)", unit: "€", needsIndicator: false },
      { __typename: "ResearchMeasureInfo", id: "ACI_INDICATOR_MEAN", label: "Indicateur ACI : part des MSP qui l'atteignent", unit: "part des MSP", needsIndicator: true },
    ],
    dimensions: [
      dimension("YEAR", "Année", ["2023", "2024", "2025"]),
      dimension("REGION", "Région", ["75", "53"]),
      dimension("DEPARTEMENT", "Département", ["24", "33"]),
      dimension("RURALITY", "Type de commune", ["RURALE", "PETITE_VILLE"]),
      dimension("SIZE_BAND", "Taille de la MSP", ["LT_4000", "4000_7999"]),
      dimension("EXPERIMENT", "Expérimentation", ["PEPS", "AUCUNE"]),
      dimension("YEARS_SINCE_ACI", "Ancienneté dans l'ACI", ["0", "1-2"]),
    ],
    indicators: [{ __typename: "ResearchIndicatorInfo", code: "FONCTION_COORDINATION", label: "Fonction de coordination", programme: "ACI" }],
  };
}

/** A cell: `positions` map each dimension to a category, or null for its margin; a reason masks it. */
export function cell(positions: [ResearchDimension, string | null][], value: number | null, reason: SuppressionReason | null = null): ResearchCell {
  return {
    __typename: "ResearchCell",
    coordinates: positions.map(([dimension, v]) => ({ __typename: "ResearchCoordinate", dimension, value: v, label: v === null ? null : (LABELS[v] ?? v) })),
    value: reason ? null : value,
    suppressed: reason !== null,
    reason,
    reasonLabel: reason ? REASON_LABELS[reason] : null,
  };
}

/** The API's perturbation of counts of MSPs: multiples of 3, from the cell key. */
export function countPerturbation(): ResearchAggregate["perturbation"] {
  return {
    __typename: "ResearchPerturbation",
    method: "Clé de cellule et bruit permanent des contributions",
    description: "Nombres de MSP arrondis à un multiple de 3 par la clé de cellule (écart d'au plus 2).",
    maxRelativeErrorPercent: null,
    countBase: 3,
  };
}

/** The API's perturbation of amounts (patients, euros, means): contribution noise and cell key, at most `max` %. */
export function amountPerturbation(max = 24): ResearchAggregate["perturbation"] {
  return {
    __typename: "ResearchPerturbation",
    method: "Clé de cellule et bruit permanent des contributions",
    description: `Valeurs perturbées : chaque contribution d'une MSP-année est décalée de 10 à 20 % dans un sens secret propre à la MSP, puis chaque case reçoit une perturbation fixée par sa clé ; erreur relative d'au plus ${max} %, bien moindre en pratique sur les cases de nombreuses MSP.`,
    maxRelativeErrorPercent: max,
    countBase: null,
  };
}

export function buildAggregate(groupBy: ResearchDimension[], cells: ResearchCell[], overrides: Partial<ResearchAggregate> = {}): ResearchAggregate {
  return {
    __typename: "ResearchAggregate",
    queryId: "6b1f0c2e-7a4d-4e59-8c3b-2f9a1d0e5c47",
    measure: "MSP_COUNT",
    measureLabel: "Nombre de MSP (MSP-années)",
    unit: "MSP",
    groupBy,
    cells,
    cellCount: cells.length,
    suppressedCount: cells.filter((c) => c.suppressed).length,
    thresholds: {
      __typename: "ResearchThresholds",
      minPatients: 11,
      minContributors: 3,
      dominanceShare: 0.85,
      minRateNumerator: 11,
      minRateDenominator: 11,
      minProfessionals: 11,
      protectionPercent: 10,
    },
    noise: null,
    perturbation: countPerturbation(),
    cached: false,
    dataVersion: "a1b2c3d4e5f6",
    methodology: "Agrégats calculés sur les périodes de résultats validées ; l'unité statistique est la MSP-année.",
    ...overrides,
  };
}

/**
 * YEAR × SIZE_BAND, MSP counts: 2024 has 2 small MSPs (masked, fewer than 3) and so its 4 000–7 999 cell and the
 * 2025 small cell are masked complementarily; margins published.
 */
export function yearBySizeBand(): ResearchAggregate {
  const Y = "YEAR" as const;
  const S = "SIZE_BAND" as const;
  return buildAggregate(
    [Y, S],
    [
      cell([[Y, "2024"], [S, "LT_4000"]], null, "FEW_CONTRIBUTORS"),
      cell([[Y, "2024"], [S, "4000_7999"]], null, "COMPLEMENTARY"),
      cell([[Y, "2024"], [S, null]], 7),
      cell([[Y, "2025"], [S, "LT_4000"]], null, "COMPLEMENTARY"),
      cell([[Y, "2025"], [S, "4000_7999"]], 6),
      cell([[Y, "2025"], [S, null]], 9),
      cell([[Y, null], [S, "LT_4000"]], 5),
      cell([[Y, null], [S, "4000_7999"]], 11),
      cell([[Y, null], [S, null]], 16),
    ],
  );
}

/** Every query the research page sends on arrival (catalogue, history, budget), answered as often as asked. */
export function researchPageMocks(): Mocks {
  return [
    always({ request: { query: RESEARCH_CATALOG }, result: { data: { __typename: "Query", researchCatalog: buildCatalog() } } }),
    always({
      request: { query: RESEARCH_QUERIES, variables: { first: HISTORY_PAGE_SIZE } },
      result: {
        data: {
          __typename: "Query",
          researchQueries: { __typename: "ResearchQueryConnection", totalCount: 0, pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null }, edges: [] },
        },
      },
    }),
    always({
      request: { query: RESEARCH_BUDGET },
      result: { data: { __typename: "Query", researchBudget: { __typename: "ResearchBudget", mode: "OFF", epsilonTotal: 0, epsilonSpent: 0, epsilonRemaining: 0, epsilonPerQuery: 0 } } },
    }),
  ];
}
