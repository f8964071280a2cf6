import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describeError } from "../../../shared/graphql-errors";

/**
 * Why a research query was refused, in French, by `extensions.code` (issue "Research access", item 6):
 * PRIVACY_BUDGET_EXHAUSTED is the noisy mode's budget, BAD_USER_INPUT a question the API does not accept (naming
 * the field), FORBIDDEN a role without research access. There is no differencing refusal: every published value is
 * perturbed permanently (cell key), so comparing answers gives nothing exact (DOMAIN.md §6.3).
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
