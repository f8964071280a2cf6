import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describeError } from "../../../shared/graphql-errors";

/**
 * Why a research query was refused, in French, by `extensions.code` (issue "Research access", item 6):
 * DISCLOSURE_RISK is the API's differencing check (DOMAIN.md §6.3 R6 🟡: a new answer that, compared with an
 * earlier one, would isolate fewer than 11 units or 3 MSPs), PRIVACY_BUDGET_EXHAUSTED its noise budget.
 */
export type ResearchError = { title: string; message: string; field?: string };

const FIELD_LABELS: Readonly<Record<string, string>> = {
  measure: "Mesure",
  indicatorCode: "Indicateur",
  groupBy: "Dimensions",
  filters: "Filtres",
};

function fieldLabel(field: string): string {
  const bare = field.replace(/^input\./, "").replace(/\[\d+\].*$/, "").replace(/\..*$/, "");
  return FIELD_LABELS[bare] ?? bare;
}

export function describeResearchError(error: unknown): ResearchError {
  const errors = CombinedGraphQLErrors.is(error) ? error.errors : [];
  for (const e of errors) {
    const code = e.extensions?.["code"];
    if (code === "DISCLOSURE_RISK") {
      return {
        title: "Requête refusée : risque de divulgation",
        message:
          "Cette requête, combinée à une précédente, isolerait moins de 11 unités (ou moins de 3 MSP) par différence : aucun chiffre n’a été publié. Modifiez les dimensions ou les filtres (par exemple en regroupant des catégories) pour obtenir des agrégats plus larges.",
      };
    }
    if (code === "PRIVACY_BUDGET_EXHAUSTED") {
      return {
        title: "Budget de confidentialité épuisé",
        message:
          "Votre budget de confidentialité (ε) ne permet plus de nouvelle requête bruitée. Les requêtes identiques à une précédente restent disponibles ; contactez la fédération pour un nouveau budget.",
      };
    }
    if (code === "BAD_USER_INPUT") {
      const field = typeof e.extensions?.["field"] === "string" ? e.extensions["field"] : undefined;
      return { title: "Requête invalide", message: field ? `${fieldLabel(field)} : ${e.message}` : e.message, ...(field ? { field } : {}) };
    }
    if (code === "FORBIDDEN") {
      return { title: "Accès refusé", message: "L’espace recherche est réservé aux chercheur·ses et aux administrateur·rices de la fédération." };
    }
  }
  return { title: "La requête n’a pas abouti", message: describeError(error) };
}
